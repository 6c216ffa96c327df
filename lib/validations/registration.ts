import { z } from "zod";
import type { RegistrationStatus } from "@/db/schema";
import { filterText, listParamsSchema } from "./common";
import { capacityField } from "./event";
import { CATEGORY_MAX, EMAIL_MAX, NAME_MAX, ORGANIZATION_MAX } from "./registration-limits";

export const REGISTRATION_STATUSES = ["confirmed", "waitlisted", "pending", "declined", "cancelled"] as const satisfies readonly RegistrationStatus[];
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  confirmed: "Confirmed",
  waitlisted: "Waitlisted",
  pending: "Awaiting approval",
  declined: "Declined",
  cancelled: "Cancelled",
};

export { CATEGORY_MAX, EMAIL_MAX, NAME_MAX, ORGANIZATION_MAX };

/**
 * What the public form says of each problem, in English, by code: the codes are the keys of
 * messages/<language>/registration.json's `errors`, so that the form and the action, which share these
 * rules, can tell a person in another language the same thing (`registrationErrorCode`).
 */
export const REGISTRATION_MESSAGES = {
  nameRequired: "Enter your name.",
  nameTooLong: `Keep the name under ${NAME_MAX} characters.`,
  nameCharacters: "Use letters, spaces and punctuation only.",
  emailRequired: "Enter your email address.",
  emailTooLong: "That address is too long.",
  emailOne: "Enter one email address, like name@example.org.",
  emailInvalid: "Enter a valid email address, like name@example.org.",
  organizationTooLong: `The organization is too long (at most ${ORGANIZATION_MAX} characters).`,
  organizationOneLine: "The organization must be on one line.",
  categoryTooLong: `The category is too long (at most ${CATEGORY_MAX} characters).`,
  categoryOneLine: "The category must be on one line.",
  category: "Choose a category from the list.",
  consent: "Please agree to the privacy notice to register.",
  eventGone: "We could not find this event. Reload the page and try again.",
  leaveEmpty: "Leave this field empty.",
  reload: "Reload the page and try again.",
} as const;
export type RegistrationMessageCode = keyof typeof REGISTRATION_MESSAGES;

/** The limit a code's message names, for the messages that take one (`{max}`). */
export const REGISTRATION_MESSAGE_LIMITS: Partial<Record<RegistrationMessageCode, number>> = {
  nameTooLong: NAME_MAX,
  organizationTooLong: ORGANIZATION_MAX,
  categoryTooLong: CATEGORY_MAX,
};

const CODES = new Map(Object.entries(REGISTRATION_MESSAGES).map(([code, text]) => [text as string, code as RegistrationMessageCode]));

/** The code of one of the schema's messages (undefined for any other text). */
export function registrationErrorCode(message: string): RegistrationMessageCode | undefined {
  return CODES.get(message);
}

const M = REGISTRATION_MESSAGES;

const name = z
  .string(M.nameRequired)
  .trim()
  .min(1, M.nameRequired)
  .max(NAME_MAX, M.nameTooLong)
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), M.nameCharacters);

/** One plain address: no display name, no list, nothing that could turn into a second mail header. */
const email = z
  .string(M.emailRequired)
  .trim()
  .min(1, M.emailRequired)
  .max(EMAIL_MAX, M.emailTooLong)
  .refine((v) => !/[\s,;<>"]/.test(v), M.emailOne)
  .pipe(z.email(M.emailInvalid));

const optionalLine = (max: number, tooLong: string, oneLine: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), oneLine)
    .nullish()
    .transform((v) => v || null);

/** Someone's details, common to the public form and the staff's "Add registration". */
const personFields = {
  name,
  email,
  organization: optionalLine(ORGANIZATION_MAX, M.organizationTooLong, M.organizationOneLine),
  category: optionalLine(CATEGORY_MAX, M.categoryTooLong, M.categoryOneLine),
};

/**
 * A double submission carries the same key: generated once per form, so two clicks, a retry after a
 * timeout or a second tab with the same form make one registration.
 */
const idempotencyKey = z.uuid(M.reload);

// Hidden fields: a person meets these only with a page from before a change, or a tampered form.
const EVENT_GONE = M.eventGone;
const LEAVE_EMPTY = M.leaveEmpty;

export const CONSENT_MESSAGE = M.consent;

// A checkbox arrives as true from react-hook-form and as "on" from a plain form post (and is absent
// when unticked). One literal after a preprocess, not a union: a union's first branch would speak for
// it ("Invalid input: expected true") in react-hook-form's resolver.
const consent = z.preprocess((v) => v === true || v === "on" || v === "true", z.literal(true, CONSENT_MESSAGE));

/** The public registration form. */
export const registrationSchema = z.object({
  slug: z.string(EVENT_GONE).trim().min(1, EVENT_GONE).max(200, EVENT_GONE),
  ...personFields,
  consent,
  // The honeypot: people never see it; form-filling robots do, and fill it.
  website: z.string(LEAVE_EMPTY).max(500, LEAVE_EMPTY).optional().default(""),
  idempotencyKey,
});
export type RegistrationInput = z.input<typeof registrationSchema>;

export const CATEGORY_MESSAGE = M.category;

/**
 * The public form for one event: a category from the event's list is required when it has one.
 */
export function registrationSchemaFor(categories: readonly string[]) {
  if (categories.length === 0) return registrationSchema;
  return registrationSchema.refine((v) => typeof v?.category === "string" && categories.includes(v.category), {
    path: ["category"],
    message: CATEGORY_MESSAGE,
    // Runs even when other fields failed, so that the category's message is not held back a round.
    when: () => true,
  });
}
export type RegistrationValues = z.output<typeof registrationSchema>;

/** Staff registering someone by hand: consent is recorded as given to them. */
export const staffRegistrationSchema = z.object({
  eventId: z.uuid("That event does not exist."),
  ...personFields,
  idempotencyKey: idempotencyKey.optional(),
});
export type StaffRegistrationInput = z.input<typeof staffRegistrationSchema>;

export const manageTokenSchema = z.object({
  token: z.string("That link is not valid.").regex(/^[A-Za-z0-9_-]{43}$/, "That link is not valid."),
});

export const ERASE_CONFIRM_MESSAGE = "Tick the box to confirm that you want your registration data deleted.";

/** "Delete my registration data": the manage link's token and the box that confirms it (a plain form). */
export const eraseRegistrationSchema = manageTokenSchema.extend({
  confirm: z.preprocess((v) => v === true || v === "on" || v === "true", z.literal(true, ERASE_CONFIRM_MESSAGE)),
});

export const capacitySchema = z.object({
  eventId: z.uuid("That event does not exist."),
  capacity: capacityField,
});
export type CapacityInput = z.input<typeof capacitySchema>;

export const APPROVAL_MODES = { open: "Open", approval: "Requires approval" } as const;
export type ApprovalMode = keyof typeof APPROVAL_MODES;

/** Whether an event's registrations wait for the staff's approval. */
export const approvalModeSchema = z.object({
  eventId: z.uuid("That event does not exist."),
  mode: z.enum(Object.keys(APPROVAL_MODES) as [ApprovalMode, ...ApprovalMode[]], "Choose open or requires approval."),
});
export type ApprovalModeInput = z.input<typeof approvalModeSchema>;

export const DECISION_MESSAGE_MAX = 1000;
const SELECT_ONE = "Select at least one registration.";

/**
 * Staff approve or decline registrations awaiting approval, one or many at once, with an optional
 * message that goes into each email. The message may run over several lines.
 */
export const registrationDecisionSchema = z.object({
  eventId: z.uuid("That event does not exist."),
  // One checkbox ticked arrives from a plain form as a single value.
  ids: z.preprocess(
    (v) => (typeof v === "string" ? [v] : v),
    z.array(z.uuid("Reload the page and try again."), SELECT_ONE).min(1, SELECT_ONE).max(200, "Choose at most 200 registrations at a time."),
  ),
  decision: z.enum(["approve", "decline"], "Choose whether to approve or decline."),
  message: z
    .string()
    .trim()
    .max(DECISION_MESSAGE_MAX, `Keep the message under ${DECISION_MESSAGE_MAX} characters.`)
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v), "Use letters, spaces, punctuation and line breaks only.")
    .nullish()
    .transform((v) => v || null),
});
export type RegistrationDecisionInput = z.input<typeof registrationDecisionSchema>;

export const REGISTRATION_SORTS = {
  created_desc: "Newest first",
  created_asc: "Oldest first",
  name_asc: "Name, A to Z",
  name_desc: "Name, Z to A",
  status: "Status, waitlist in order",
} as const;
export type RegistrationSort = keyof typeof REGISTRATION_SORTS;

export const REGISTRATION_FILTERS = ["confirmed", "waitlisted", "pending", "declined", "cancelled", "checked_in"] as const;
export type RegistrationFilter = (typeof REGISTRATION_FILTERS)[number];
export const REGISTRATION_FILTER_LABELS: Record<RegistrationFilter, string> = {
  ...REGISTRATION_STATUS_LABELS,
  checked_in: "Checked in",
};

/** The staff list's search, status filter, answer filter (a question, and words of the answer), order and page. */
export const registrationListParamsSchema = listParamsSchema.extend({
  status: z.enum(REGISTRATION_FILTERS).optional().catch(undefined),
  question: z.uuid().optional().catch(undefined),
  answer: filterText(200),
  sort: z
    .enum(Object.keys(REGISTRATION_SORTS) as [RegistrationSort, ...RegistrationSort[]])
    .optional()
    .catch(undefined)
    .transform((v): RegistrationSort => v ?? "created_desc"),
});
export type RegistrationListParams = z.output<typeof registrationListParamsSchema>;

/** Lower-case and trimmed: one address is one registration whatever its capitals. */
export function normalizeEmail(address: string): string {
  return address.trim().toLowerCase();
}
