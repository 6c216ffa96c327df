import { eq } from "drizzle-orm";
import { db } from "@/db";
import { events, registrations, settings } from "@/db/schema";
import { registerForEvent } from "@/lib/registration/seats";
import { action, type Expectation, PUBLIC } from "../helpers";

// The demo's fifth meeting: scheduled and open for registration.
const OPEN_SLUG = "wps-innovation-5-geneva";

/** A registration made for this call as the public makes one; `f.scratch` is its manage link's token. */
async function registerWithLink(n: number): Promise<string> {
  const [event] = await db.select({ id: events.id }).from(events).where(eq(events.slug, OPEN_SLUG));
  const result = await registerForEvent(
    { eventId: event!.id, name: `Authz Eraser ${n}`, email: `authz-eraser-${n}@example.org`, organization: null, category: "Government", idempotencyKey: null },
    { kind: "public", client: null },
  );
  if (result.outcome !== "created") throw new Error(`could not register: ${result.outcome}`);
  return result.manageToken;
}

function eraseForm(token: string): FormData {
  const form = new FormData();
  form.set("token", token);
  form.set("confirm", "on");
  return form;
}

export const privacyArea: Record<string, Expectation> = {
  // Deleting one's registration data is for whoever holds the secret link, signed in or not.
  "app/(public)/registrations/[token]/actions.ts#eraseMyRegistration": {
    who: PUBLIC,
    prepare: async (f) => {
      f.scratch = await registerWithLink(f.n);
    },
    call: action((f) => eraseForm(f.scratch!)),
    state: (f) => db.select().from(registrations).where(eq(registrations.email, `authz-eraser-${f.n}@example.org`)),
  },
  // The retention period is a site setting: the admins'.
  "app/(staff)/admin/settings/actions.ts#saveRetention": {
    call: action((f) => ({ registrationRetentionMonths: String(24 + (f.n % 100)) })),
    state: () => db.select().from(settings).where(eq(settings.id, 1)),
  },
};
