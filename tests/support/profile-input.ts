import type { Person } from "@/db/schema";

/** The profile form's fields as `p` has them now, with `change` on top: what the panelist's form submits. */
export const profileInput = (p: Person, change: Record<string, unknown> = {}) => ({
  personId: p.id,
  honorific: p.honorific ?? "",
  givenName: p.givenName,
  familyName: p.familyName,
  nameOrder: p.nameOrder,
  position: p.position ?? "",
  organization: p.organization ?? "",
  bio: p.bio ?? "",
  portraitId: p.portraitId ?? "",
  portraitAlt: "",
  ...change,
});
