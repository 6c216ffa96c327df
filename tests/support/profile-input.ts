import type { Person } from "@/db/schema";
import { profileFormInput } from "@/lib/validations/profile";

/** What the panelist's form submits for `p` as it stands, with `change` on top (a photo without its description). */
export const profileInput = (p: Person, change: Record<string, unknown> = {}) => ({
  ...profileFormInput(p.id, p, p.portraitId ? { id: p.portraitId, alt: null } : null),
  ...change,
});
