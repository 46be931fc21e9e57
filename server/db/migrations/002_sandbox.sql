-- Conformance sandboxes (POST /v1/_sandbox/campaigns) create campaigns and boards that stay
-- reachable by id but out of the public lists, so a demo database keeps showing its demo data.
ALTER TABLE campaigns ADD COLUMN sandbox boolean NOT NULL DEFAULT false;
ALTER TABLE neighbourhoods ADD COLUMN sandbox boolean NOT NULL DEFAULT false;
