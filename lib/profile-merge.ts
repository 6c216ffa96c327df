import type { RevisionBase } from "@/db/schema";

/** The fields a revision proposes: the profile's, and the photo. */
export const MERGE_FIELDS = ["honorific", "givenName", "familyName", "nameOrder", "position", "organization", "bio", "portraitId"] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type ProfileValues = RevisionBase;
export type Resolution = "current" | "proposed";

export type MergePlan = {
  /** What the person becomes when the revision is approved, conflicts taken as resolved (or as current). */
  result: ProfileValues;
  /** Fields the panelist changed. */
  proposed: MergeField[];
  /** Fields staff edited after the revision was written, which the panelist did not touch: they stay. */
  keptStaffEdits: MergeField[];
  /** Fields both changed, differently: staff choose. */
  conflicts: MergeField[];
  /** Conflicts without a choice. */
  unresolved: MergeField[];
};

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/**
 * A three-way merge of a panelist's revision into the person as it is now. `base` is the person as
 * it was when the panelist wrote the revision: a field the panelist left as it was keeps whatever
 * staff put there since; a field only the panelist changed takes the proposal; a field both changed
 * (to different values) is a conflict that staff resolve. Without a base (revisions written before it
 * was kept) every proposed value applies, as it always did.
 */
export function planMerge(
  current: ProfileValues,
  proposal: ProfileValues,
  base: ProfileValues | null,
  resolutions: Partial<Record<MergeField, Resolution>> = {},
): MergePlan {
  const result = { ...current };
  const plan: MergePlan = { result, proposed: [], keptStaffEdits: [], conflicts: [], unresolved: [] };
  const set = <F extends MergeField>(field: F, value: ProfileValues[F]) => {
    result[field] = value;
  };
  for (const field of MERGE_FIELDS) {
    const now = current[field];
    const wanted = proposal[field];
    if (!base) {
      if (!same(now, wanted)) plan.proposed.push(field);
      set(field, wanted);
      continue;
    }
    const was = base[field];
    if (same(wanted, was)) {
      if (!same(now, was)) plan.keptStaffEdits.push(field);
      continue;
    }
    plan.proposed.push(field);
    if (same(now, was) || same(now, wanted)) {
      set(field, wanted);
      continue;
    }
    plan.conflicts.push(field);
    const choice = resolutions[field];
    if (choice === "proposed") set(field, wanted);
    else if (!choice) plan.unresolved.push(field);
  }
  return plan;
}
