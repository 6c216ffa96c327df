import type { NewRegistration } from "@/lib/registration/seats";

/**
 * A test file's maker of public registrations: `person(eventId, label)` is "<name> <label>" at
 * `<email><label>-<first 8 of the event id>@<domain>`, with a fresh idempotency key each time; `extra`
 * overrides any field.
 */
export function registrants({
  email,
  name = "Person",
  organization = null,
  category = "Government",
  domain = "example.org",
}: {
  email: string;
  name?: string;
  organization?: string | null;
  category?: string;
  domain?: string;
}) {
  return (eventId: string, label: string | number, extra: Partial<NewRegistration> = {}): NewRegistration => ({
    eventId,
    name: `${name} ${label}`,
    email: `${email}${label}-${eventId.slice(0, 8)}@${domain}`,
    organization,
    category,
    idempotencyKey: crypto.randomUUID(),
    ...extra,
  });
}
