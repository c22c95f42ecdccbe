-- Hand-written (drizzle-kit generate --custom): logs stored before 0005 kept the old column default
-- '{}' for recipes used when the transfer failed, which the log contract (a list) refused, blanking
-- the Transfer logs screen. They become the empty list the contract reads.
UPDATE transfer_logs SET recipes_used = '[]' WHERE recipes_used = '{}';
