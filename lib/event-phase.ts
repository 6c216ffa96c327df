import type { EventStatus } from "@/db/schema";

/**
 * Where an event stands for the people who read its status: its stored status, except that a
 * scheduled event that has ended is "held". Held is derived from time, never stored, so correcting
 * an event's dates after the fact moves it back and forth by itself.
 */
export type EventPhase = EventStatus | "held";

export const EVENT_PHASE_LABELS: Record<EventPhase, string> = { draft: "Draft", scheduled: "Scheduled", cancelled: "Cancelled", held: "Held" };

export function eventPhase(event: { status: EventStatus; endsAt: Date }, now: Date = new Date()): EventPhase {
  return event.status === "scheduled" && event.endsAt <= now ? "held" : event.status;
}
