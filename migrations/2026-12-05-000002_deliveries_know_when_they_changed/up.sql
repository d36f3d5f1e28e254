-- A delivery changes as its attempts go (status, attempts, last status
-- code), so its list can take `updated_after` like every other list. A
-- trigger moves the time, whichever statement changes the row.
ALTER TABLE webhook_deliveries ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
UPDATE webhook_deliveries SET updated_at = coalesce(delivered_at, created_at);

CREATE FUNCTION rapport_touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

CREATE TRIGGER webhook_deliveries_updated_at BEFORE UPDATE ON webhook_deliveries
    FOR EACH ROW EXECUTE FUNCTION rapport_touch_updated_at();
