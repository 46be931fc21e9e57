-- Partage reference backend: initial schema. Runs unchanged on PGlite and on PostgreSQL ≥ 13.
-- Money is bigint minor units next to an ISO 4217 currency; totals that move under concurrency
-- (pledged, backer_count, waitlist_count, remaining, reply_count) are columns
-- changed only by atomic `SET x = x + $n` updates.

CREATE TABLE campaigns (
  seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id             text PRIMARY KEY,
  slug           text NOT NULL UNIQUE,
  kind           text NOT NULL CHECK (kind IN ('reward', 'donation', 'equity')),
  funding_model  text NOT NULL CHECK (funding_model IN ('all_or_nothing', 'keep_it_all')),
  status         text NOT NULL CHECK (status IN ('upcoming', 'live', 'succeeded', 'failed')),
  currency       text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  goal           bigint NOT NULL CHECK (goal >= 0),
  pledged        bigint NOT NULL DEFAULT 0 CHECK (pledged >= 0),
  backer_count   bigint NOT NULL DEFAULT 0 CHECK (backer_count >= 0),
  waitlist_count bigint NOT NULL DEFAULT 0 CHECK (waitlist_count >= 0),
  min_pledge     bigint NOT NULL CHECK (min_pledge >= 0),
  max_pledge     bigint CHECK (max_pledge >= 0),
  -- Equity raises only: hard cap (null: none) and the static part of EquityDetails.
  max_raise      bigint CHECK (max_raise >= 0),
  equity         json,
  -- Presentation: title, tagline, imageUrl, imageAlt, url, creator, share.
  content        json NOT NULL,  -- json, not jsonb: keeps the key order as written
  -- Extra origins allowed to write (pledge) to this campaign, on top of the global list.
  allowed_origins text[] NOT NULL DEFAULT '{}',
  starts_at      timestamptz NOT NULL,
  ends_at        timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL
);

CREATE TABLE milestones (
  campaign_id text NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  position    int NOT NULL,
  title       text NOT NULL,
  target      bigint NOT NULL CHECK (target >= 0),
  reached_at  timestamptz,
  PRIMARY KEY (campaign_id, position)
);

CREATE TABLE rewards (
  seq                bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id                 text PRIMARY KEY,
  campaign_id        text NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  title              text NOT NULL,
  description        text NOT NULL,
  currency           text NOT NULL,
  minimum            bigint NOT NULL CHECK (minimum >= 0),
  quantity_limit     bigint CHECK (quantity_limit >= 0),
  -- Never below zero: a claim is `SET remaining = remaining - 1 WHERE remaining > 0`.
  remaining          bigint CHECK (remaining >= 0),
  backer_count       bigint NOT NULL DEFAULT 0 CHECK (backer_count >= 0),
  estimated_delivery text,
  shipping           text NOT NULL CHECK (shipping IN ('none', 'pickup', 'domestic', 'worldwide')),
  shipping_cost      bigint CHECK (shipping_cost >= 0),
  availability       text NOT NULL CHECK (availability IN ('available', 'sold_out', 'unavailable'))
);
CREATE INDEX rewards_by_campaign ON rewards (campaign_id, minimum, seq);

CREATE TABLE pledges (
  seq               bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id                text PRIMARY KEY,
  campaign_id       text NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  amount            bigint NOT NULL CHECK (amount >= 0),
  currency          text NOT NULL,
  reward_id         text REFERENCES rewards (id) ON DELETE SET NULL,
  backer_name       text NOT NULL,
  backer_email      text NOT NULL,
  anonymous         boolean NOT NULL DEFAULT false,
  message           text,
  status            text NOT NULL CHECK (status IN ('confirmed', 'pending_payment', 'waitlisted')),
  waitlist_position bigint,
  created_at        timestamptz NOT NULL
);
CREATE INDEX pledges_newest_first ON pledges (campaign_id, created_at DESC, seq DESC);

-- One row per Idempotency-Key: claimed (in_flight) before the work starts, then holding the
-- first response (done). The primary key is what makes two concurrent requests with one key
-- impossible to both proceed.
CREATE TABLE idempotency_keys (
  key             text PRIMARY KEY,
  fingerprint     text NOT NULL,
  claim           text NOT NULL,
  state           text NOT NULL CHECK (state IN ('in_flight', 'done')),
  response_status int,
  response_body   text,
  created_at      timestamptz NOT NULL,
  locked_at       timestamptz NOT NULL
);

CREATE TABLE neighbourhoods (
  seq                    bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id                     text PRIMARY KEY,
  slug                   text NOT NULL UNIQUE,
  name                   text NOT NULL,
  city                   text NOT NULL,
  postcode               text,
  description            text NOT NULL,
  members                bigint NOT NULL DEFAULT 0 CHECK (members >= 0),
  active_sharers         bigint NOT NULL DEFAULT 0 CHECK (active_sharers >= 0),
  exchanges_last_30_days bigint NOT NULL DEFAULT 0 CHECK (exchanges_last_30_days >= 0),
  partner_services       json NOT NULL DEFAULT '[]',
  -- Extra origins allowed to post on this board, on top of the global list.
  allowed_origins        text[] NOT NULL DEFAULT '{}',
  updated_at             timestamptz NOT NULL
);

CREATE TABLE members (
  id                text PRIMARY KEY,
  display_name      text NOT NULL,
  neighbourhood_ids text[] NOT NULL DEFAULT '{}',
  updated_at        timestamptz NOT NULL
);

-- Bearer tokens are stored as SHA-256 digests: a leaked table does not leak usable tokens.
CREATE TABLE member_tokens (
  token_sha256 text PRIMARY KEY,
  member_id    text NOT NULL REFERENCES members (id) ON DELETE CASCADE
);

CREATE TABLE listings (
  seq              bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id               text PRIMARY KEY,
  neighbourhood_id text NOT NULL REFERENCES neighbourhoods (id) ON DELETE CASCADE,
  kind             text NOT NULL CHECK (kind IN ('offer', 'request')),
  type             text NOT NULL,
  category         text NOT NULL,
  title            text NOT NULL,
  description      text NOT NULL,
  author_name      text NOT NULL,
  author_member_id text REFERENCES members (id) ON DELETE SET NULL,
  place_label      text NOT NULL,
  status           text NOT NULL CHECK (status IN ('open', 'reserved', 'closed')),
  created_at       timestamptz NOT NULL,
  expires_at       timestamptz,
  reply_count      bigint NOT NULL DEFAULT 0 CHECK (reply_count >= 0)
);
CREATE INDEX listings_newest_first ON listings (neighbourhood_id, created_at DESC, seq DESC);

CREATE TABLE replies (
  id          text PRIMARY KEY,
  listing_id  text NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
  member_id   text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  author_name text NOT NULL,
  message     text NOT NULL,
  created_at  timestamptz NOT NULL
);

CREATE TABLE reports (
  id         text PRIMARY KEY,
  listing_id text NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
  member_id  text NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  reason     text NOT NULL,
  detail     text,
  created_at timestamptz NOT NULL,
  -- A member reports a listing once; reporting again updates the reason.
  UNIQUE (listing_id, member_id)
);

-- Fixed-window write counters (per member), shared by every server process.
CREATE TABLE rate_limits (
  bucket       text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  hits         int NOT NULL
);

-- Live events, kept for Last-Event-ID resume. Ids come from one sequence; per stream they are
-- also in commit order because every transaction that appends to a stream first locks the
-- stream's row (the campaign or the neighbourhood) and holds it until COMMIT.
CREATE TABLE events (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  stream     text NOT NULL,
  type       text NOT NULL,
  data       text NOT NULL, -- the event JSON exactly as sent on the stream
  created_at timestamptz NOT NULL
);
CREATE INDEX events_by_stream ON events (stream, id);

CREATE TABLE meta (
  key   text PRIMARY KEY,
  value text NOT NULL
);
