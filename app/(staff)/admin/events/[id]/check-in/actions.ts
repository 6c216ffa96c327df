"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth";
import { type ActionResult, fail, invalid } from "@/lib/errors";
import { formInput } from "@/lib/form-input";
import { setCheckedIn } from "@/lib/registration/check-in";
import { requestInfo } from "@/lib/request-info";
import { idSchema } from "@/lib/validations/common";

async function toggle(input: unknown, checkedIn: boolean): Promise<ActionResult<{ checkedIn: number }>> {
  const me = await requireRole("staff");
  const parsed = idSchema.safeParse(formInput(input));
  if (!parsed.success) return invalid(parsed.error);
  const result = await setCheckedIn(parsed.data.id, checkedIn, { kind: "staff", userId: me.id, client: await requestInfo() });
  if (result.outcome === "refused") {
    return fail(result.reason === "missing" ? "This registration no longer exists." : "Only a confirmed registration can be checked in.");
  }
  // The action's answer carries the refreshed list, so the door's screen never shows a stale state.
  revalidatePath(`/admin/events/${result.eventId}`, "layout");
  return { ok: true, data: { checkedIn: result.checkedIn } };
}

/** One tap at the door. Checking in someone already checked in (from another tablet) changes nothing. */
export async function checkIn(input: unknown): Promise<ActionResult<{ checkedIn: number }>> {
  return toggle(input, true);
}

export async function undoCheckIn(input: unknown): Promise<ActionResult<{ checkedIn: number }>> {
  return toggle(input, false);
}
