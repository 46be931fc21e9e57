-- The pledge's writes in one statement (server/store/pledge-fast.ts). A pledge used to be ten
-- round trips in one transaction, three of them under its campaign's row lock; with 50
-- concurrent pledges on one campaign that lock is the bottleneck. This function makes the same
-- conditional, atomic writes as the transaction did (store/pledges.ts), in one call that runs in
-- one implicit transaction: the lock is held for the time the function runs, not for round trips.
--
-- Locks are taken in the transaction's order so the two paths never deadlock each other: the
-- reward first on a campaign without a hard cap, the campaign first on one with a cap.
--
-- Refusals end in an exception that rolls everything back, with these codes:
--   P0A01 the campaign does not take pledges now          → 409 campaign_closed
--   P0A02 the reward's stock is gone                       → 409 reward_sold_out
--   P0A03 the idempotency claim was taken over             → the worker's work rolls back
--   P0A04 the pledge reaches a milestone: rolled back, and the full transaction runs instead
--         (it marks the milestone and appends campaign.updated with the whole campaign).
--
-- The texts (response body, event JSON) are built by the server; only the parts that depend on
-- the totals at write time are filled in here, written exactly as JSON.stringify writes them.
CREATE FUNCTION partage_pledge(
  p_campaign       text,
  p_amount         bigint,
  p_now            timestamptz,
  p_capped         boolean,
  p_reward         text,     -- reward to claim, or null
  p_pledge_id      text,
  p_currency       text,
  p_name           text,
  p_email          text,
  p_anonymous      boolean,
  p_message        text,
  p_status         text,     -- status when counted (confirmed or pending_payment)
  p_key            text,
  p_claim          text,
  p_body_counted   text,     -- the 201 body when counted
  p_body_waitlist  text,     -- the 201 body when waitlisted, without `,"waitlistPosition":n}`
  p_event_head     text,     -- `{"type":"pledge.created","campaignId":…,"totals":`
  p_backer         text,     -- the backer JSON (null when waitlisted)
  p_stream         text,
  p_channel        text
) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  v_pledged   bigint;
  v_backers   bigint;
  v_waitlist  bigint;
  v_currency  text;
  v_position  bigint;
  v_remaining bigint;
  v_rbackers  bigint;
  v_reward    text := 'null';
  v_body      text;
  v_counted   boolean := false;
BEGIN
  IF p_reward IS NOT NULL AND NOT p_capped THEN
    UPDATE rewards SET remaining = remaining - 1, backer_count = backer_count + 1
     WHERE id = p_reward AND campaign_id = p_campaign AND availability <> 'unavailable' AND (remaining IS NULL OR remaining > 0)
     RETURNING remaining, backer_count INTO v_remaining, v_rbackers;
    IF NOT FOUND THEN RAISE EXCEPTION 'reward sold out' USING ERRCODE = 'P0A02'; END IF;
  END IF;

  -- Totals move by `x = x + n`; the cap condition is rules.isWaitlisted evaluated atomically.
  UPDATE campaigns c SET pledged = c.pledged + p_amount, backer_count = c.backer_count + 1, updated_at = p_now
   WHERE c.id = p_campaign AND c.status IN ('upcoming', 'live') AND c.starts_at <= p_now AND c.ends_at > p_now
     AND (c.max_raise IS NULL OR c.pledged + p_amount <= c.max_raise)
   RETURNING pledged, backer_count, waitlist_count, currency INTO v_pledged, v_backers, v_waitlist, v_currency;
  IF FOUND THEN
    v_counted := true;
    IF EXISTS (SELECT 1 FROM milestones m
                WHERE m.campaign_id = p_campaign AND m.reached_at IS NULL AND m.target <= v_pledged) THEN
      RAISE EXCEPTION 'milestone reached' USING ERRCODE = 'P0A04';
    END IF;
  ELSIF p_capped THEN
    -- Past the hard cap of an equity raise: join the waitlist, position from an atomic counter.
    UPDATE campaigns c SET waitlist_count = c.waitlist_count + 1, updated_at = p_now
     WHERE c.id = p_campaign AND c.status IN ('upcoming', 'live') AND c.starts_at <= p_now AND c.ends_at > p_now
       AND c.max_raise IS NOT NULL AND c.pledged + p_amount > c.max_raise
     RETURNING pledged, backer_count, waitlist_count, currency INTO v_pledged, v_backers, v_waitlist, v_currency;
    IF NOT FOUND THEN RAISE EXCEPTION 'campaign closed' USING ERRCODE = 'P0A01'; END IF;
    v_position := v_waitlist;
  ELSE
    RAISE EXCEPTION 'campaign closed' USING ERRCODE = 'P0A01';
  END IF;

  IF p_reward IS NOT NULL AND p_capped AND v_counted THEN
    UPDATE rewards SET remaining = remaining - 1, backer_count = backer_count + 1
     WHERE id = p_reward AND campaign_id = p_campaign AND availability <> 'unavailable' AND (remaining IS NULL OR remaining > 0)
     RETURNING remaining, backer_count INTO v_remaining, v_rbackers;
    IF NOT FOUND THEN RAISE EXCEPTION 'reward sold out' USING ERRCODE = 'P0A02'; END IF;
  END IF;
  IF p_reward IS NOT NULL AND v_counted THEN
    v_reward := '{"id":' || to_json(p_reward)::text || ',"remaining":' || coalesce(v_remaining::text, 'null')
      || ',"backerCount":' || v_rbackers::text || ',"availability":'
      || CASE WHEN v_remaining = 0 THEN '"sold_out"' ELSE '"available"' END || '}';
  END IF;

  INSERT INTO pledges (id, campaign_id, amount, currency, reward_id, backer_name, backer_email, anonymous, message, status, waitlist_position, created_at)
  VALUES (p_pledge_id, p_campaign, p_amount, p_currency, CASE WHEN v_counted THEN p_reward END, p_name, p_email,
          p_anonymous, p_message, CASE WHEN v_counted THEN p_status ELSE 'waitlisted' END, v_position, p_now);

  v_body := CASE WHEN v_counted THEN p_body_counted ELSE p_body_waitlist || ',"waitlistPosition":' || v_position::text || '}' END;
  UPDATE idempotency_keys SET state = 'done', response_status = 201, response_body = v_body
   WHERE key = p_key AND claim = p_claim;
  IF NOT FOUND THEN RAISE EXCEPTION 'idempotency claim lost' USING ERRCODE = 'P0A03'; END IF;

  -- The event, under the campaign's row lock (ids in commit order per stream); NOTIFY on commit.
  INSERT INTO events (stream, type, data, created_at) VALUES (
    p_stream, 'pledge.created',
    p_event_head || '{"pledged":{"amount":' || v_pledged::text || ',"currency":' || to_json(v_currency)::text
      || '},"backerCount":' || v_backers::text || ',"waitlistCount":' || v_waitlist::text || '}'
      || ',"reward":' || v_reward
      || ',"backer":' || CASE WHEN v_counted THEN p_backer ELSE 'null' END || '}',
    p_now);
  PERFORM pg_notify(p_channel, p_stream);
  RETURN v_body;
END
$$;

-- Servers keep campaign reads between changes (server/store/campaign-cache.ts). Every change of a
-- campaign or its milestones, whoever makes it (a pledge, the sandbox, an operator's UPDATE in
-- psql), tells every server process through the events channel, as the pledge's own event does:
-- the channel the server uses for the table's schema (server.ts), the payload its event stream.
-- Within one transaction PostgreSQL delivers identical notifications once, so a pledge still
-- sends one.
CREATE FUNCTION partage_notify_campaign(p_schema text, p_campaign text) RETURNS void LANGUAGE sql AS $$
  SELECT pg_notify(CASE WHEN p_schema = 'public' THEN 'partage_events' ELSE 'partage_events_' || p_schema END,
                   'campaign:' || p_campaign)
$$;

CREATE FUNCTION partage_campaign_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM partage_notify_campaign(TG_TABLE_SCHEMA, OLD.id); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM partage_notify_campaign(TG_TABLE_SCHEMA, NEW.id); END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION partage_milestone_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM partage_notify_campaign(TG_TABLE_SCHEMA, OLD.campaign_id); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM partage_notify_campaign(TG_TABLE_SCHEMA, NEW.campaign_id); END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER campaigns_changed AFTER INSERT OR UPDATE OR DELETE ON campaigns
  FOR EACH ROW EXECUTE FUNCTION partage_campaign_changed();
CREATE TRIGGER milestones_changed AFTER INSERT OR UPDATE OR DELETE ON milestones
  FOR EACH ROW EXECUTE FUNCTION partage_milestone_changed();
