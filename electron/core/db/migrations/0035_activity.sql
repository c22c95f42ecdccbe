CREATE TABLE `activity` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`at` text NOT NULL,
	`user_id` integer NOT NULL,
	`user_name` text NOT NULL,
	`channel` text NOT NULL,
	`summary` text NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `activity_company_at` ON `activity` (`company_id`,`at`);--> statement-breakpoint
CREATE INDEX `activity_user` ON `activity` (`user_id`);