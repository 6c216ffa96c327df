import "server-only";
import { env } from "@/lib/env";
import { normalizeEmail } from "@/lib/validations/registration";

const TEN_MINUTES = 600;
const DAY = 86_400;

/**
 * The limits one registration attempt counts against. Per address: a few, so that nobody's inbox is
 * flooded with links. Per client address: `perClient` in ten minutes, so that an office registering a
 * delegation of twenty from one address gets through, and twice that for one event in a day, so that a
 * script from one address cannot take an event's seats by keeping under the ten-minute limit.
 */
export function registrationRateLimits(
  { email, client, eventId }: { email: string; client: string | null; eventId: string },
  perClient = env().REGISTRATION_LIMIT_PER_CLIENT,
) {
  const limits = [{ key: `register:email:${normalizeEmail(email)}`, limit: 5, windowSeconds: TEN_MINUTES }];
  if (client) {
    limits.push({ key: `register:ip:${client}`, limit: perClient, windowSeconds: TEN_MINUTES });
    limits.push({ key: `register:ip-event:${client}:${eventId}`, limit: perClient * 2, windowSeconds: DAY });
  }
  return limits;
}
