CREATE TYPE "public"."question_kind" AS ENUM('short_text', 'long_text', 'single_choice', 'multiple_choice', 'yes_no');--> statement-breakpoint
ALTER TYPE "public"."registration_status" ADD VALUE 'pending';--> statement-breakpoint
ALTER TYPE "public"."registration_status" ADD VALUE 'declined';--> statement-breakpoint
CREATE TABLE "email_unsubscribes" (
	"email_normalized" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" "question_kind" NOT NULL,
	"label" text NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"position" integer NOT NULL,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_feedback" (
	"registration_id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"rating" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_feedback_rating_range" CHECK ("registration_feedback"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "registration_reminders" (
	"registration_id" uuid NOT NULL,
	"offset_key" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_reminders_registration_id_offset_key_starts_at_pk" PRIMARY KEY("registration_id","offset_key","starts_at")
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "requires_approval" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "reminders" jsonb DEFAULT '[{"amount":1,"unit":"days"},{"amount":1,"unit":"hours"}]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "thank_you_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "thank_you_audience" text;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "answers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "declined_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "anonymized_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "registration_retention_months" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "event_questions" ADD CONSTRAINT "event_questions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_feedback" ADD CONSTRAINT "registration_feedback_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_feedback" ADD CONSTRAINT "registration_feedback_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_reminders" ADD CONSTRAINT "registration_reminders_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_questions_event_position_idx" ON "event_questions" USING btree ("event_id","position");--> statement-breakpoint
CREATE INDEX "registration_feedback_event_idx" ON "registration_feedback" USING btree ("event_id");--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_retention_months_range" CHECK ("settings"."registration_retention_months" between 1 and 240);--> statement-breakpoint
-- register_public_seat (drizzle/0004_registration_seat_function.sql, whose comment explains the locking)
-- now writes the answers to the event's questions, and on an event that requires approval writes a
-- pending registration, which holds no seat, with the message Node passed in the "confirmed" slot.
-- Outcomes as before; a pending registration is 'created' with no waitlist position.
DROP FUNCTION register_public_seat(uuid, timestamptz, timestamptz, text, text, text, text, text, text, text, text, text, text, text, text, text, jsonb, text, text, text, text, jsonb, text);--> statement-breakpoint
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
    event_id, name, email, email_normalized, organization, category, answers, status,
    manage_token_hash, check_in_code, idempotency_key, waitlisted_at, confirmed_at, consent_at
  ) VALUES (
    p_event_id, p_name, p_email, p_email_normalized, p_organization, p_category, coalesce(p_answers, '{}'::jsonb),
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
