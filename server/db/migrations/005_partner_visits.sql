-- Partner links that pay their way (the platform lives on affiliation): the attribution code the
-- platform puts on a neighbourhood's partner links, and how many times each link was followed.
-- Counts only: no visitor, time, address, referrer or cookie is ever stored. A visit is one atomic
-- `visits = visits + 1` upsert, so concurrent visits are all counted, each exactly once.

-- NULL: the default code, `partage-<slug>` (partner-rules.ts).
ALTER TABLE neighbourhoods ADD COLUMN partner_code text CHECK (partner_code ~ '^[a-z0-9][a-z0-9_-]{0,63}$');

CREATE TABLE partner_visits (
  neighbourhood_id text NOT NULL REFERENCES neighbourhoods (id) ON DELETE CASCADE,
  partner_id       text NOT NULL,
  visits           bigint NOT NULL DEFAULT 0 CHECK (visits >= 0),
  PRIMARY KEY (neighbourhood_id, partner_id)
);
