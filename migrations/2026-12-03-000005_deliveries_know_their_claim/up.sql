-- A delivery records which claim it is under, so that an attempt's
-- outcome is written only while the worker that made it still holds the
-- claim: a worker whose claim lapsed (and whose delivery another worker
-- took over) can no longer overwrite what that worker recorded.
ALTER TABLE webhook_deliveries ADD COLUMN claim_id uuid;

-- The deliveries being attempted now, by endpoint: the claim leaves out an
-- endpoint that already has its share in flight, so one slow endpoint
-- cannot hold every worker.
CREATE INDEX webhook_deliveries_claimed_idx ON webhook_deliveries (webhook_id)
    WHERE locked_until IS NOT NULL;
