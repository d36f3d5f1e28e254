DROP TRIGGER webhook_deliveries_updated_at ON webhook_deliveries;
DROP FUNCTION rapport_touch_updated_at();
ALTER TABLE webhook_deliveries DROP COLUMN updated_at;
