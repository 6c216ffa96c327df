import type { Event } from "@/db/schema";

export type RegistrationWindow = "open" | "draft" | "cancelled" | "past" | "not_yet_open" | "closed";

type WindowFields = Pick<Event, "status" | "startsAt" | "endsAt" | "registrationOpensAt" | "registrationClosesAt">;

/**
 * Whether the public may register now. Without a closing time, registration closes when the event
 * starts: later arrivals are staff's to add by hand at the door.
 */
export function registrationWindow(event: WindowFields, now: Date): RegistrationWindow {
  if (event.status === "draft") return "draft";
  if (event.status === "cancelled") return "cancelled";
  if (event.endsAt <= now) return "past";
  if (event.registrationOpensAt && event.registrationOpensAt > now) return "not_yet_open";
  if ((event.registrationClosesAt ?? event.startsAt) <= now) return "closed";
  return "open";
}

/** Seats still free; null when the event has no limit. */
export function seatsLeft(capacity: number | null, confirmed: number): number | null {
  return capacity == null ? null : Math.max(0, capacity - confirmed);
}
