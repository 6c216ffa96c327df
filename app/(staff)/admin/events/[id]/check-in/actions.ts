"use server";

import { revalidatePath } from "next/cache";
import { action, type ActionContext } from "@/lib/action";
import { type ActionResult, fail } from "@/lib/errors";
import { setCheckedIn } from "@/lib/registration/check-in";
import { idSchema } from "@/lib/validations/common";

async function toggle({ user, input, client }: ActionContext<{ id: string }>, checkedIn: boolean): Promise<ActionResult<{ checkedIn: number }>> {
  const result = await setCheckedIn(input.id, checkedIn, { kind: "staff", userId: user.id, client });
  if (result.outcome === "refused") {
    return fail(result.reason === "missing" ? "This registration no longer exists." : "Only a confirmed registration can be checked in.");
  }
  // The action's answer carries the refreshed list, so the door's screen never shows a stale state.
  revalidatePath(`/admin/events/${result.eventId}`, "layout");
  return { ok: true, data: { checkedIn: result.checkedIn } };
}

/** One tap at the door. Checking in someone already checked in (from another tablet) changes nothing. */
export const checkIn = action({ role: "staff", schema: idSchema }, (context) => toggle(context, true));

export const undoCheckIn = action({ role: "staff", schema: idSchema }, (context) => toggle(context, false));
