-- Polls and the local agenda of a neighbourhood (the municipality offer). Counts that move under
-- concurrency (voter_count, votes, going, waitlisted) change only by atomic `SET x = x ± 1`
-- updates; one ballot and one answer per member by primary key, never check-then-insert.

-- Neighbourhoods where a member organises (town hall staff, associations): polls and agenda.
ALTER TABLE members ADD COLUMN organiser_of text[] NOT NULL DEFAULT '{}';

CREATE TABLE polls (
  seq                bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id                 text PRIMARY KEY,
  neighbourhood_id   text NOT NULL REFERENCES neighbourhoods (id) ON DELETE CASCADE,
  question           text NOT NULL,
  description        text NOT NULL DEFAULT '',
  multiple           boolean NOT NULL,
  max_choices        int NOT NULL CHECK (max_choices >= 1),
  allow_change       boolean NOT NULL,
  results_visibility text NOT NULL CHECK (results_visibility IN ('always', 'after_voting', 'after_closing')),
  organiser_name     text NOT NULL,
  organiser_kind     text NOT NULL CHECK (organiser_kind IN ('municipality', 'association')),
  opens_at           timestamptz NOT NULL,
  closes_at          timestamptz NOT NULL,
  -- Set when an organiser closes the poll before closes_at.
  closed_at          timestamptz,
  voter_count        bigint NOT NULL DEFAULT 0 CHECK (voter_count >= 0),
  created_by         text REFERENCES members (id) ON DELETE SET NULL,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  CHECK (closes_at > opens_at)
);
CREATE INDEX polls_newest_first ON polls (neighbourhood_id, created_at DESC, seq DESC);

CREATE TABLE poll_options (
  poll_id  text NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  id       text NOT NULL,
  position int NOT NULL,
  label    text NOT NULL,
  votes    bigint NOT NULL DEFAULT 0 CHECK (votes >= 0),
  PRIMARY KEY (poll_id, id),
  UNIQUE (poll_id, position)
);

-- One ballot per member and poll. The primary key is what makes a member's concurrent first
-- votes count once; the ballot is private (only its owner ever reads it back).
CREATE TABLE poll_ballots (
  poll_id    text NOT NULL REFERENCES polls (id) ON DELETE CASCADE,
  member_id  text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  option_ids text[] NOT NULL,
  voted_at   timestamptz NOT NULL,
  PRIMARY KEY (poll_id, member_id)
);

CREATE TABLE agenda_items (
  seq              bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id               text PRIMARY KEY,
  neighbourhood_id text NOT NULL REFERENCES neighbourhoods (id) ON DELETE CASCADE,
  title            text NOT NULL,
  description      text NOT NULL DEFAULT '',
  starts_at        timestamptz NOT NULL,
  ends_at          timestamptz NOT NULL,
  place_label      text NOT NULL,
  organiser_name   text NOT NULL,
  organiser_kind   text NOT NULL CHECK (organiser_kind IN ('municipality', 'association')),
  capacity         int CHECK (capacity >= 1),
  -- A place is taken by `SET going = going + 1 WHERE capacity IS NULL OR going < capacity`;
  -- the CHECK is the last line of defence.
  going            bigint NOT NULL DEFAULT 0 CHECK (going >= 0 AND (capacity IS NULL OR going <= capacity)),
  waitlisted       bigint NOT NULL DEFAULT 0 CHECK (waitlisted >= 0),
  status           text NOT NULL CHECK (status IN ('scheduled', 'cancelled')),
  created_by       text REFERENCES members (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX agenda_soonest_first ON agenda_items (neighbourhood_id, starts_at, seq);

-- One answer per member and item; the waitlist is served in order of answer.
CREATE TABLE rsvps (
  seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  item_id     text NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
  member_id   text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  status      text NOT NULL CHECK (status IN ('going', 'waitlisted', 'not_going')),
  answered_at timestamptz NOT NULL,
  PRIMARY KEY (item_id, member_id)
);
CREATE INDEX rsvps_waitlist ON rsvps (item_id, status, answered_at, seq);

