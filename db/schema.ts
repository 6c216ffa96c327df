import { relations, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
// Relative paths: drizzle-kit reads this file without the project's path aliases.
import type { Language, Translations } from "../lib/i18n/languages";
import { NAME_ORDERS } from "../lib/names";
import { ROLES } from "../lib/roles";
import { eventDocument, personDocument, registrationDocument, seriesDocument, summaryDocument, topicDocument, venueDocument } from "./search-documents";

const id = () => uuid("id").primaryKey().defaultRandom();
/** The record's other-language versions of `F` (lib/i18n/languages.ts): `{}` until someone translates it. */
const translations = <F extends string>() =>
  jsonb("translations")
    .$type<Translations<F>>()
    .notNull()
    .default(sql`'{}'::jsonb`);
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

// ---------------------------------------------------------------------------
// Enumerations

export const roleEnum = pgEnum("role", ROLES);
export const nameOrderEnum = pgEnum("name_order", NAME_ORDERS);
export const revisionStatusEnum = pgEnum("revision_status", [
  "pending",
  "approved",
  "rejected",
  "withdrawn",
]);
export const eventStatusEnum = pgEnum("event_status", ["draft", "scheduled", "cancelled"]);
export const participantRoleEnum = pgEnum("participant_role", [
  "host",
  "speaker",
  "moderator",
  "panelist",
  "guest",
]);
export const invitationStatusEnum = pgEnum("invitation_status", [
  "not_invited",
  "invited",
  "confirmed",
  "declined",
]);
export const agendaKindEnum = pgEnum("agenda_kind", [
  "opening_remarks",
  "speech",
  "panel",
  "closing_remarks",
  "break",
  "other",
]);
export const registrationStatusEnum = pgEnum("registration_status", [
  "confirmed",
  "waitlisted",
  "cancelled",
  // Awaiting the staff's decision on an event that requires approval: holds no seat.
  "pending",
  // Refused by the staff; keeps the address from registering again for the same event.
  "declined",
]);
export const questionKindEnum = pgEnum("question_kind", [
  "short_text",
  "long_text",
  "single_choice",
  "multiple_choice",
  "yes_no",
]);
export const summaryStatusEnum = pgEnum("summary_status", ["draft", "published"]);
export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "sent", "failed"]);

export type Role = (typeof roleEnum.enumValues)[number];
export type NameOrder = (typeof nameOrderEnum.enumValues)[number];
export type EventStatus = (typeof eventStatusEnum.enumValues)[number];
export type ParticipantRole = (typeof participantRoleEnum.enumValues)[number];
export type AgendaKind = (typeof agendaKindEnum.enumValues)[number];
export type RegistrationStatus = (typeof registrationStatusEnum.enumValues)[number];
export type QuestionKind = (typeof questionKindEnum.enumValues)[number];
/** How long before an event's start a reminder goes; days count on the event's own calendar. */
export type ReminderOffset = { amount: number; unit: "days" | "hours" | "minutes" };
/** An answer to an event question: text, the chosen option(s), or yes/no. */
export type RegistrationAnswer = string | string[] | boolean;
/** Who receives the thank-you email after an event's summary is published. */
export type ThankYouAudience = "checked_in" | "confirmed";

// ---------------------------------------------------------------------------
// Site

export const settings = pgTable(
  "settings",
  {
    // A single row: the check keeps it that way.
    id: smallint("id").primaryKey().default(1),
    organizationName: text("organization_name").notNull(),
    homeTimeZone: text("home_time_zone").notNull(),
    homeTimeZoneLabel: text("home_time_zone_label").notNull(),
    // The label above a published summary: "Press release", "Meeting report", …
    releaseLabel: text("release_label").notNull().default("Press release"),
    // The organization's logo at the head of the public pages: a media row owned by no event or person.
    logoId: uuid("logo_id").references((): AnyPgColumn => media.id, { onDelete: "set null" }),
    // Registrations of events that ended longer ago than this are anonymized (lib/registration/retention.ts).
    registrationRetentionMonths: integer("registration_retention_months").notNull().default(24),
    // The language of every record's own columns, and the languages the public pages are offered in.
    defaultLanguage: text("default_language").$type<Language>().notNull().default("en"),
    enabledLanguages: text("enabled_languages").array().$type<Language[]>().notNull().default(sql`'{en}'::text[]`),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("settings_single_row", sql`${t.id} = 1`),
    check("settings_default_language_enabled", sql`${t.defaultLanguage} = any(${t.enabledLanguages})`),
    check("settings_retention_months_range", sql`${t.registrationRetentionMonths} between 1 and 240`),
  ],
);
export type Settings = typeof settings.$inferSelect;

// ---------------------------------------------------------------------------
// Accounts (the Auth.js adapter tables share `users`)

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name"),
    role: roleEnum("role").notNull().default("panelist"),
    passwordHash: text("password_hash"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    // Bumped to revoke every session a user holds (sign out everywhere, role change, disable).
    sessionVersion: integer("session_version").notNull().default(1),
    emailVerified: timestamp("email_verified", { withTimezone: true, mode: "date" }),
    image: text("image"),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    // The language of the emails sent to this account (a panelist chooses it on /me); null: the default.
    language: text("language").$type<Language>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);
export type User = typeof users.$inferSelect;

export const accounts = pgTable(
  "accounts",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").$type<"email" | "oidc" | "oauth" | "webauthn">().notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.providerAccountId] }),
    index("accounts_user_id_idx").on(t.userId),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    // Auth.js stores a hash of the emailed token, never the token itself.
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// ---------------------------------------------------------------------------
// People and their profile revisions

export const people = pgTable(
  "people",
  {
    id: id(),
    slug: text("slug").notNull(),
    honorific: text("honorific"),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    nameOrder: nameOrderEnum("name_order").notNull().default("given_family"),
    position: text("position"),
    organization: text("organization"),
    bio: text("bio"),
    portraitId: uuid("portrait_id").references((): AnyPgColumn => media.id, {
      onDelete: "set null",
    }),
    email: text("email"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    // The name as written in another language, and the honorific, position, organization and bio in it.
    translations: translations<PersonTranslatedField>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("people_slug_key").on(t.slug),
    uniqueIndex("people_user_id_key").on(t.userId),
    index("people_family_name_idx").on(t.familyName),
    index("people_search_idx").using("gin", personDocument(t)),
  ],
);
export type Person = typeof people.$inferSelect;
export const PERSON_TRANSLATED_FIELDS = ["honorific", "givenName", "familyName", "position", "organization", "bio"] as const;
export type PersonTranslatedField = (typeof PERSON_TRANSLATED_FIELDS)[number];

export const profileRevisions = pgTable(
  "profile_revisions",
  {
    id: id(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    status: revisionStatusEnum("status").notNull().default("pending"),
    // The language of the version it proposes: the default language's is the person's own columns.
    language: text("language").$type<Language>().notNull().default("en"),
    honorific: text("honorific"),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    nameOrder: nameOrderEnum("name_order").notNull(),
    position: text("position"),
    organization: text("organization"),
    bio: text("bio"),
    portraitId: uuid("portrait_id").references((): AnyPgColumn => media.id, {
      onDelete: "set null",
    }),
    reviewerId: uuid("reviewer_id").references(() => users.id, { onDelete: "set null" }),
    reviewNote: text("review_note"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    // The person's fields when the revision was written: approval tells the panelist's changes from
    // staff edits made since. Null for revisions written before it was kept.
    base: jsonb("base").$type<RevisionBase>(),
    createdAt: createdAt(),
  },
  (t) => [
    index("profile_revisions_person_id_idx").on(t.personId),
    index("profile_revisions_status_created_idx").on(t.status, t.createdAt),
    // At most one pending revision per person and language: a new save replaces it.
    uniqueIndex("profile_revisions_one_pending")
      .on(t.personId, t.language)
      .where(sql`${t.status} = 'pending'`),
  ],
);
export type ProfileRevision = typeof profileRevisions.$inferSelect;
/** The profile fields a revision proposes, as they stood on the person when it was written. */
export type RevisionBase = {
  honorific: string | null;
  givenName: string;
  familyName: string;
  nameOrder: (typeof NAME_ORDERS)[number];
  position: string | null;
  organization: string | null;
  bio: string | null;
  portraitId: string | null;
};

// ---------------------------------------------------------------------------
// Catalogue

export const topics = pgTable(
  "topics",
  {
    id: id(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    translations: translations<"name" | "description">(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("topics_slug_key").on(t.slug), index("topics_search_idx").using("gin", topicDocument(t))],
);
export type Topic = typeof topics.$inferSelect;

export const series = pgTable(
  "series",
  {
    id: id(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    topicId: uuid("topic_id").references(() => topics.id, { onDelete: "restrict" }),
    translations: translations<"name" | "description">(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("series_slug_key").on(t.slug),
    index("series_topic_id_idx").on(t.topicId),
    index("series_search_idx").using("gin", seriesDocument(t)),
  ],
);
export type Series = typeof series.$inferSelect;

export const venues = pgTable(
  "venues",
  {
    id: id(),
    name: text("name").notNull(),
    address: text("address"),
    city: text("city").notNull(),
    country: text("country").notNull(),
    timeZone: text("time_zone").notNull(),
    translations: translations<"name" | "address" | "city" | "country">(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("venues_search_idx").using("gin", venueDocument(t))],
);
export type Venue = typeof venues.$inferSelect;

// ---------------------------------------------------------------------------
// Events

export const events = pgTable(
  "events",
  {
    id: id(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    topicId: uuid("topic_id").references(() => topics.id, { onDelete: "restrict" }),
    seriesId: uuid("series_id").references(() => series.id, { onDelete: "restrict" }),
    seriesNumber: integer("series_number"),
    venueId: uuid("venue_id").references(() => venues.id, { onDelete: "restrict" }),
    timeZone: text("time_zone").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    capacity: integer("capacity"),
    registrationOpensAt: timestamp("registration_opens_at", { withTimezone: true }),
    registrationClosesAt: timestamp("registration_closes_at", { withTimezone: true }),
    // Attendee categories offered on the registration form.
    registrationCategories: jsonb("registration_categories")
      .$type<string[]>()
      .notNull()
      .default(sql`'["Government","International organization","Civil society","Academia","Private sector","Media","Other"]'::jsonb`),
    // With approval, a new registration is pending until the staff approve or decline it.
    requiresApproval: boolean("requires_approval").notNull().default(false),
    // Reminder emails before the start, planned from startsAt each time the sender looks.
    reminders: jsonb("reminders")
      .$type<ReminderOffset[]>()
      .notNull()
      .default(sql`'[{"amount":1,"unit":"days"},{"amount":1,"unit":"hours"}]'::jsonb`),
    status: eventStatusEnum("status").notNull().default("draft"),
    description: text("description"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    // The "thank you, here is the summary" email goes once: set in the transaction that queues it.
    thankYouSentAt: timestamp("thank_you_sent_at", { withTimezone: true }),
    thankYouAudience: text("thank_you_audience").$type<ThankYouAudience>(),
    translations: translations<"title" | "description">(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("events_slug_key").on(t.slug),
    uniqueIndex("events_series_number_key")
      .on(t.seriesId, t.seriesNumber)
      .where(sql`${t.seriesId} is not null and ${t.seriesNumber} is not null`),
    index("events_topic_id_idx").on(t.topicId),
    index("events_venue_id_idx").on(t.venueId),
    index("events_status_starts_at_idx").on(t.status, t.startsAt),
    index("events_search_idx").using("gin", eventDocument(t)),
    check("events_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    check("events_capacity_nonnegative", sql`${t.capacity} is null or ${t.capacity} >= 0`),
    check("events_series_number_positive", sql`${t.seriesNumber} is null or ${t.seriesNumber} > 0`),
  ],
);
export type Event = typeof events.$inferSelect;

export const eventParticipants = pgTable(
  "event_participants",
  {
    id: id(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "restrict" }),
    role: participantRoleEnum("role").notNull(),
    // A snapshot of the person's title at the event: later changes to the person do not rewrite history.
    positionAtEvent: text("position_at_event"),
    invitationStatus: invitationStatusEnum("invitation_status").notNull().default("not_invited"),
    invitationMessage: text("invitation_message"),
    invitedAt: timestamp("invited_at", { withTimezone: true }),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    sortOrder: integer("sort_order").notNull().default(0),
    translations: translations<"positionAtEvent">(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("event_participants_event_person_role_key").on(t.eventId, t.personId, t.role),
    index("event_participants_person_id_idx").on(t.personId),
  ],
);
export type EventParticipant = typeof eventParticipants.$inferSelect;

export const agendaItems = pgTable(
  "agenda_items",
  {
    id: id(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    kind: agendaKindEnum("kind").notNull(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    durationMinutes: integer("duration_minutes"),
    description: text("description"),
    sortOrder: integer("sort_order").notNull().default(0),
    translations: translations<"title" | "description">(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("agenda_items_event_id_idx").on(t.eventId, t.sortOrder),
    check(
      "agenda_items_duration_positive",
      sql`${t.durationMinutes} is null or ${t.durationMinutes} > 0`,
    ),
  ],
);
export type AgendaItem = typeof agendaItems.$inferSelect;

export const agendaItemParticipants = pgTable(
  "agenda_item_participants",
  {
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => eventParticipants.id, { onDelete: "cascade" }),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.agendaItemId, t.participantId] }),
    index("agenda_item_participants_participant_idx").on(t.participantId),
  ],
);

// ---------------------------------------------------------------------------
// Registrations

export const registrations = pgTable(
  "registrations",
  {
    id: id(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    emailNormalized: text("email_normalized").notNull(),
    organization: text("organization"),
    category: text("category"),
    // Answers to the event's questions, by question id (event_questions).
    answers: jsonb("answers").$type<Record<string, RegistrationAnswer>>().notNull().default(sql`'{}'::jsonb`),
    // The language of the page the person registered on: every email about the registration is in it.
    language: text("language").$type<Language>().notNull().default("en"),
    status: registrationStatusEnum("status").notNull(),
    // Only the hash of the secret manage link is stored.
    manageTokenHash: text("manage_token_hash").notNull(),
    checkInCode: text("check_in_code").notNull(),
    idempotencyKey: text("idempotency_key"),
    // Position in the first-come waitlist; set while waitlisted.
    waitlistedAt: timestamp("waitlisted_at", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    declinedAt: timestamp("declined_at", { withTimezone: true }),
    // Name, address, organization and answers removed (retention, or the person's own request); the
    // status and timestamps stay for the counts.
    anonymizedAt: timestamp("anonymized_at", { withTimezone: true }),
    consentAt: timestamp("consent_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("registrations_event_email_active_key")
      .on(t.eventId, t.emailNormalized)
      .where(sql`${t.status} <> 'cancelled'`),
    uniqueIndex("registrations_event_idempotency_key")
      .on(t.eventId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    uniqueIndex("registrations_manage_token_hash_key").on(t.manageTokenHash),
    uniqueIndex("registrations_event_check_in_code_key").on(t.eventId, t.checkInCode),
    index("registrations_event_status_idx").on(t.eventId, t.status, t.createdAt, t.id),
    // The staff list's orders, each with the id as its tiebreak for keyset pages (db/queries/registration-lists.ts).
    index("registrations_event_created_idx").on(t.eventId, t.createdAt, t.id),
    index("registrations_event_name_idx").on(t.eventId, sql`lower(${t.name})`, t.id),
    index("registrations_event_status_name_idx").on(t.eventId, t.status, sql`lower(${t.name})`, t.id),
    index("registrations_event_queue_idx").on(t.eventId, t.status, sql`coalesce(${t.waitlistedAt}, 'infinity'::timestamptz)`, t.createdAt, t.id),
    // Counting arrivals without reading the rows.
    index("registrations_event_checked_in_idx").on(t.eventId, t.status).where(sql`${t.checkedInAt} is not null`),
    index("registrations_search_idx").using("gin", registrationDocument(t)),
  ],
);
export type Registration = typeof registrations.$inferSelect;

/**
 * Manage links sent after the first (to a repeat registration, on promotion from the waitlist). Each
 * keeps working beside the first, whose hash stays on the registration: a new email never breaks a
 * link someone already holds. Only hashes are stored.
 */
export const registrationManageTokens = pgTable(
  "registration_manage_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("registration_manage_tokens_registration_idx").on(t.registrationId)],
);

/**
 * Questions on an event's registration form, in `position` order. A removed question keeps its row
 * (`removedAt`), so the answers already given still have a label in the export.
 */
export const eventQuestions = pgTable(
  "event_questions",
  {
    id: id(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    kind: questionKindEnum("kind").notNull(),
    label: text("label").notNull(),
    // The choices of a single_choice or multiple_choice question.
    options: jsonb("options").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    required: boolean("required").notNull().default(false),
    position: integer("position").notNull(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("event_questions_event_position_idx").on(t.eventId, t.position)],
);
export type EventQuestion = typeof eventQuestions.$inferSelect;

/**
 * One row per reminder queued: (registration, offset, the start it was planned for). The primary key
 * is what makes a reminder go once, whichever sender gets there first; a moved start plans afresh.
 */
export const registrationReminders = pgTable(
  "registration_reminders",
  {
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    // "1d", "1h", "30m": the offset it was queued for.
    offsetKey: text("offset_key").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.offsetKey, t.startsAt] })],
);

/** One answer to the after-event feedback form per registration, given through the manage link. */
export const registrationFeedback = pgTable(
  "registration_feedback",
  {
    registrationId: uuid("registration_id")
      .primaryKey()
      .references(() => registrations.id, { onDelete: "cascade" }),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    rating: smallint("rating").notNull(),
    comment: text("comment"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("registration_feedback_event_idx").on(t.eventId),
    check("registration_feedback_rating_range", sql`${t.rating} between 1 and 5`),
  ],
);

/** Addresses that asked for no more after-event emails (thank-you and summary); transactional mail still goes. */
export const emailUnsubscribes = pgTable("email_unsubscribes", {
  emailNormalized: text("email_normalized").primaryKey(),
  createdAt: createdAt(),
});

// ---------------------------------------------------------------------------
// Summaries

export const summaries = pgTable(
  "summaries",
  {
    id: id(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    status: summaryStatusEnum("status").notNull().default("draft"),
    title: text("title").notNull().default(""),
    lede: text("lede"),
    body: text("body").notNull().default(""),
    attendanceCount: integer("attendance_count"),
    attendanceWording: text("attendance_wording"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    // The other languages' versions of the text; the attendance count is one for all of them.
    translations: translations<SummaryTranslatedField>(),
    // When each other language's version went public (ISO times): each is published on its own, and only
    // while the default language's version is (`status`); withdrawing that clears them all.
    translationPublishedAt: jsonb("translation_published_at")
      .$type<Partial<Record<Language, string>>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("summaries_event_id_key").on(t.eventId),
    index("summaries_status_published_idx").on(t.status, t.publishedAt),
    index("summaries_search_idx").using("gin", summaryDocument(t)),
  ],
);
export type Summary = typeof summaries.$inferSelect;
export type SummaryTranslatedField = "title" | "lede" | "body" | "attendanceWording";

export const summaryRevisions = pgTable(
  "summary_revisions",
  {
    id: id(),
    summaryId: uuid("summary_id")
      .notNull()
      .references(() => summaries.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    lede: text("lede"),
    body: text("body").notNull(),
    // The language the text was saved in; null for the default language's version (the summary's own columns).
    language: text("language").$type<Language>(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("summary_revisions_summary_id_idx").on(t.summaryId, t.createdAt)],
);

export const summaryReferences = pgTable(
  "summary_references",
  {
    id: id(),
    summaryId: uuid("summary_id")
      .notNull()
      .references(() => summaries.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    text: text("text"),
    url: text("url"),
    sortOrder: integer("sort_order").notNull().default(0),
    translations: translations<"title" | "text">(),
  },
  (t) => [index("summary_references_summary_id_idx").on(t.summaryId, t.sortOrder)],
);

// ---------------------------------------------------------------------------
// Media: photos and portraits, stored by content hash

export const media = pgTable(
  "media",
  {
    id: id(),
    storageKey: text("storage_key").notNull(),
    mimeType: text("mime_type").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    bytes: integer("bytes").notNull(),
    caption: text("caption"),
    altText: text("alt_text"),
    translations: translations<"caption" | "altText">(),
    sortOrder: integer("sort_order").notNull().default(0),
    eventId: uuid("event_id").references(() => events.id, { onDelete: "cascade" }),
    personId: uuid("person_id").references((): AnyPgColumn => people.id, { onDelete: "cascade" }),
    uploadedById: uuid("uploaded_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("media_event_id_idx").on(t.eventId, t.sortOrder),
    index("media_person_id_idx").on(t.personId),
    check(
      "media_mime_type_allowed",
      sql`${t.mimeType} in ('image/jpeg', 'image/png', 'image/webp')`,
    ),
  ],
);
export type Media = typeof media.$inferSelect;

// ---------------------------------------------------------------------------
// Operations

/** What an attachment queued as a recipe is made from when its message is sent (lib/email/attachments.ts). */
export type OutboxAttachmentSource = { kind: "check_in_qr"; code: string } | { kind: "calendar"; eventId: string };
/** `content` is base64; empty while `source` says how the sender makes it. */
export type OutboxAttachment = { filename: string; contentType: string; content: string; source?: OutboxAttachmentSource };

export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    // Attachments are small (calendar files, QR codes): content is base64.
    attachments: jsonb("attachments").$type<OutboxAttachment[]>().notNull().default(sql`'[]'::jsonb`),
    kind: text("kind").notNull(),
    status: outboxStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    // While a sender holds a message, the end of its lease; otherwise when it is next due.
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    // Drawn afresh at each claim: only the sender holding it may record the attempt's outcome.
    claimToken: uuid("claim_token"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    // When the body was removed after the retention period (OUTBOX_RETENTION_DAYS).
    redactedAt: timestamp("redacted_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("outbox_status_next_attempt_idx").on(t.status, t.nextAttemptAt),
    index("outbox_created_at_idx").on(t.createdAt),
    index("outbox_to_idx").on(t.to),
  ],
);
export type OutboxMessage = typeof outbox.$inferSelect;

export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    changes: jsonb("changes").$type<Record<string, unknown>>(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entityType, t.entityId, t.createdAt),
    index("audit_log_actor_idx").on(t.actorId),
    index("audit_log_created_at_idx").on(t.createdAt),
  ],
);
export type AuditEntry = typeof auditLog.$inferSelect;

export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    index("rate_limits_window_start_idx").on(t.windowStart),
  ],
);

// ---------------------------------------------------------------------------
// Relations

export const usersRelations = relations(users, ({ one }) => ({
  person: one(people, { fields: [users.id], references: [people.userId] }),
}));

export const peopleRelations = relations(people, ({ one, many }) => ({
  user: one(users, { fields: [people.userId], references: [users.id] }),
  portrait: one(media, { fields: [people.portraitId], references: [media.id] }),
  participations: many(eventParticipants),
  revisions: many(profileRevisions),
}));

export const profileRevisionsRelations = relations(profileRevisions, ({ one }) => ({
  person: one(people, { fields: [profileRevisions.personId], references: [people.id] }),
}));

export const topicsRelations = relations(topics, ({ many }) => ({
  series: many(series),
  events: many(events),
}));

export const seriesRelations = relations(series, ({ one, many }) => ({
  topic: one(topics, { fields: [series.topicId], references: [topics.id] }),
  events: many(events),
}));

export const venuesRelations = relations(venues, ({ many }) => ({
  events: many(events),
}));

export const eventsRelations = relations(events, ({ one, many }) => ({
  topic: one(topics, { fields: [events.topicId], references: [topics.id] }),
  series: one(series, { fields: [events.seriesId], references: [series.id] }),
  venue: one(venues, { fields: [events.venueId], references: [venues.id] }),
  participants: many(eventParticipants),
  agendaItems: many(agendaItems),
  registrations: many(registrations),
  questions: many(eventQuestions),
  summary: one(summaries, { fields: [events.id], references: [summaries.eventId] }),
  media: many(media),
}));

export const eventParticipantsRelations = relations(eventParticipants, ({ one, many }) => ({
  event: one(events, { fields: [eventParticipants.eventId], references: [events.id] }),
  person: one(people, { fields: [eventParticipants.personId], references: [people.id] }),
  agendaItems: many(agendaItemParticipants),
}));

export const agendaItemsRelations = relations(agendaItems, ({ one, many }) => ({
  event: one(events, { fields: [agendaItems.eventId], references: [events.id] }),
  participants: many(agendaItemParticipants),
}));

export const agendaItemParticipantsRelations = relations(agendaItemParticipants, ({ one }) => ({
  agendaItem: one(agendaItems, {
    fields: [agendaItemParticipants.agendaItemId],
    references: [agendaItems.id],
  }),
  participant: one(eventParticipants, {
    fields: [agendaItemParticipants.participantId],
    references: [eventParticipants.id],
  }),
}));

export const registrationsRelations = relations(registrations, ({ one }) => ({
  event: one(events, { fields: [registrations.eventId], references: [events.id] }),
}));

export const eventQuestionsRelations = relations(eventQuestions, ({ one }) => ({
  event: one(events, { fields: [eventQuestions.eventId], references: [events.id] }),
}));

export const summariesRelations = relations(summaries, ({ one, many }) => ({
  event: one(events, { fields: [summaries.eventId], references: [events.id] }),
  revisions: many(summaryRevisions),
  references: many(summaryReferences),
}));

export const summaryRevisionsRelations = relations(summaryRevisions, ({ one }) => ({
  summary: one(summaries, { fields: [summaryRevisions.summaryId], references: [summaries.id] }),
}));

export const summaryReferencesRelations = relations(summaryReferences, ({ one }) => ({
  summary: one(summaries, { fields: [summaryReferences.summaryId], references: [summaries.id] }),
}));

export const mediaRelations = relations(media, ({ one }) => ({
  event: one(events, { fields: [media.eventId], references: [events.id] }),
  person: one(people, { fields: [media.personId], references: [people.id] }),
}));
