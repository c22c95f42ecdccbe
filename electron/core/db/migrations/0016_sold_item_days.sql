CREATE TABLE `sold_item_days` (
	`location_id` integer NOT NULL,
	`business_date` text NOT NULL,
	`sold_item_id` integer NOT NULL,
	`lines` integer NOT NULL,
	`units` integer NOT NULL,
	`value` integer NOT NULL,
	PRIMARY KEY(`location_id`, `business_date`, `sold_item_id`),
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sold_item_id`) REFERENCES `sold_items`(`id`) ON UPDATE no action ON DELETE no action
);--> statement-breakpoint
-- Hand-edited: the days already cached are summed once here.
INSERT INTO `sold_item_days` (`location_id`, `business_date`, `sold_item_id`, `lines`, `units`, `value`)
SELECT s.location_id, s.business_date, l.sold_item_id, count(*), sum(l.quantity), sum(coalesce(l.net_amount, 0))
FROM sales s JOIN sales_lines l ON l.sale_id = s.id JOIN sold_items i ON i.id = l.sold_item_id
WHERE l.quantity > 0 AND trim(i.name) <> '' AND s.type <> 'VOID' AND s.cancelled = 0
GROUP BY s.location_id, s.business_date, l.sold_item_id;
