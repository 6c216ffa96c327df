ALTER TABLE "registrations" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
-- register_public_seat (drizzle/0004_registration_seat_function.sql, whose comment explains the locking;
-- changed in 0006) now records the language of the page the person registered on, which every email
-- about the registration is written in. Everything else as before.
DROP FUNCTION register_public_seat(uuid, timestamptz, timestamptz, text, text, text, text, text, jsonb, text, text, text, text, text, text, text, text, jsonb, text, text, text, text, jsonb, text);--> statement-breakpoint
CREATE FUNCTION register_public_seat(
  p_event_id uuid,
  p_now timestamptz,
  p_seen_updated_at timestamptz,
  p_name text,
  p_email text,
  p_email_normalized text,
  p_organization text,
  p_category text,
  p_answers jsonb,
  p_language text,
  p_manage_token_hash text,
  p_check_in_code text,
  p_idempotency_key text,
  p_to text,
  p_confirmed_subject text,
  p_confirmed_text text,
  p_confirmed_html text,
  p_confirmed_kind text,
  p_confirmed_attachments jsonb,
  p_waitlisted_subject text,
  p_waitlisted_text text,
  p_waitlisted_html text,
  p_waitlisted_kind text,
  p_waitlisted_attachments jsonb,
  p_position_marker text
) RETURNS TABLE (outcome text, registration jsonb, waitlist_position integer, took_last_seat boolean)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  e events%ROWTYPE;
  n_confirmed integer;
  n_waitlisted integer;
  seated boolean;
  pending boolean;
  pos integer;
  r registrations%ROWTYPE;
BEGIN
  SELECT * INTO e FROM events WHERE id = p_event_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'missing'::text, NULL::jsonb, NULL::integer, false;
    RETURN;
  END IF;

  -- What Node's registrationWindow and category check decide, at the same moment p_now.
  IF e.status <> 'scheduled'
     OR e.ends_at <= p_now
     OR (e.registration_opens_at IS NOT NULL AND e.registration_opens_at > p_now)
     OR coalesce(e.registration_closes_at, e.starts_at) <= p_now
     OR (p_category IS NULL AND jsonb_array_length(e.registration_categories) > 0)
     OR (p_category IS NOT NULL AND NOT (e.registration_categories @> jsonb_build_array(p_category))) THEN
    RETURN QUERY SELECT 'refused'::text, NULL::jsonb, NULL::integer, false;
    RETURN;
  END IF;

  -- Node reads updated_at at millisecond precision.
  IF date_trunc('milliseconds', e.updated_at) > p_seen_updated_at THEN
    RETURN QUERY SELECT 'stale'::text, NULL::jsonb, NULL::integer, false;
    RETURN;
  END IF;

  IF p_idempotency_key IS NOT NULL AND EXISTS (
    SELECT 1 FROM registrations WHERE event_id = p_event_id AND idempotency_key = p_idempotency_key
  ) THEN
    RETURN QUERY SELECT 'repeat'::text, NULL::jsonb, NULL::integer, false;
    RETURN;
  END IF;

  IF EXISTS (
    SELECT 1 FROM registrations WHERE event_id = p_event_id AND email_normalized = p_email_normalized AND status <> 'cancelled'
  ) THEN
    RETURN QUERY SELECT 'registered'::text, NULL::jsonb, NULL::integer, false;
    RETURN;
  END IF;

  IF EXISTS (SELECT 1 FROM registrations WHERE event_id = p_event_id AND check_in_code = p_check_in_code) THEN
    RETURN QUERY SELECT 'code_taken'::text, NULL::jsonb, NULL::integer, false;
    RETURN;
  END IF;

  SELECT count(*) FILTER (WHERE status = 'confirmed'), count(*) FILTER (WHERE status = 'waitlisted')
    INTO n_confirmed, n_waitlisted
    FROM registrations WHERE event_id = p_event_id;
  -- An event that requires approval seats nobody here: the row is pending, and the "confirmed" message
  -- Node passed is the one saying the request is under review.
  pending := e.requires_approval;
  seated := NOT pending AND (e.capacity IS NULL OR n_confirmed < e.capacity);
  -- The new row is the last on the waitlist: every other was written before this lock was granted.
  pos := CASE WHEN seated OR pending THEN NULL ELSE n_waitlisted + 1 END;

  -- Timestamps that order the waitlist come from the clock at the moment of the write, after the lock
  -- (as in db/queries/registrations.ts): now() would be the start of the statement's transaction.
  INSERT INTO registrations (
    event_id, name, email, email_normalized, organization, category, answers, language, status,
    manage_token_hash, check_in_code, idempotency_key, waitlisted_at, confirmed_at, consent_at
  ) VALUES (
    p_event_id, p_name, p_email, p_email_normalized, p_organization, p_category, coalesce(p_answers, '{}'::jsonb), p_language,
    CASE WHEN pending THEN 'pending' WHEN seated THEN 'confirmed' ELSE 'waitlisted' END::registration_status,
    p_manage_token_hash, p_check_in_code, p_idempotency_key,
    CASE WHEN seated OR pending THEN NULL ELSE clock_timestamp() END,
    CASE WHEN seated THEN clock_timestamp() ELSE NULL END,
    clock_timestamp()
  ) RETURNING * INTO r;

  IF seated OR pending THEN
    INSERT INTO outbox ("to", subject, text, html, kind, attachments)
    VALUES (p_to, p_confirmed_subject, p_confirmed_text, p_confirmed_html, p_confirmed_kind, p_confirmed_attachments);
  ELSE
    INSERT INTO outbox ("to", subject, text, html, kind, attachments)
    VALUES (
      p_to,
      replace(p_waitlisted_subject, p_position_marker, pos::text),
      replace(p_waitlisted_text, p_position_marker, pos::text),
      replace(p_waitlisted_html, p_position_marker, pos::text),
      p_waitlisted_kind,
      p_waitlisted_attachments
    );
  END IF;

  RETURN QUERY SELECT 'created'::text, to_jsonb(r), pos, seated AND e.capacity IS NOT NULL AND n_confirmed + 1 = e.capacity;
END;
$$;
