-- Polled days of a Sides store were posted with source 'lightspeed' (a literal in the transfer until
-- issue 26): each ISSUE entry of a polled location now names its location's source.
UPDATE ledger_entries SET source = (
  SELECT s.kind FROM locations l JOIN sales_sources s ON s.id = l.source_id
  WHERE l.company_id = ledger_entries.company_id AND l.business_location_id = ledger_entries.business_location_id
)
WHERE type = 'ISSUE' AND source = 'lightspeed' AND EXISTS (
  SELECT 1 FROM locations l JOIN sales_sources s ON s.id = l.source_id
  WHERE l.company_id = ledger_entries.company_id AND l.business_location_id = ledger_entries.business_location_id AND s.kind = 'sides'
);
