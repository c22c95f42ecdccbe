ALTER TABLE "stock_counts" ADD COLUMN "finished_by" text;--> statement-breakpoint
ALTER TABLE "transfer_logs" ADD COLUMN "started_by" text;