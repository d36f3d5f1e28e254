DROP TABLE calendar_feeds;
DROP TABLE webhook_deliveries;
DROP TABLE webhooks;
DROP TABLE reminders;
