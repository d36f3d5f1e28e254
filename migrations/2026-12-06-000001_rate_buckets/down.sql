DROP FUNCTION rapport_spend(text, double precision, double precision, timestamptz);
DROP TABLE rate_buckets;
