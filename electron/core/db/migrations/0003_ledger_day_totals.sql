CREATE TABLE `ledger_day_totals` (
	`company_id` integer NOT NULL,
	`date` text NOT NULL,
	`location_id` text NOT NULL,
	`storage_unit_id` integer NOT NULL,
	`ingredient_id` integer NOT NULL,
	`type` text NOT NULL,
	`entries` integer NOT NULL,
	`quantity` integer NOT NULL,
	`value` integer NOT NULL,
	PRIMARY KEY(`company_id`, `date`, `location_id`, `storage_unit_id`, `ingredient_id`, `type`),
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
