DROP INDEX webhook_deliveries_claimed_idx;
ALTER TABLE webhook_deliveries DROP COLUMN claim_id;
