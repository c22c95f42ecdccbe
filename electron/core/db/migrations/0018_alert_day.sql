ALTER TABLE `integration_alerts` ADD `business_location_id` text;--> statement-breakpoint
ALTER TABLE `integration_alerts` ADD `report_date` text;