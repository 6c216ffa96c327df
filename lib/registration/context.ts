import "server-only";
import type { Executor } from "@/db";
import type { AuditClient } from "@/db/queries/audit";
import { getEventCalendarSource } from "@/db/queries/public";
import { getSettings } from "@/db/queries/settings";
import type { Settings } from "@/db/schema";
import type { EmailContext, EmailEvent } from "@/lib/email/registration-emails";
import { appUrl } from "@/lib/env";
import type { Language } from "@/lib/i18n/languages";
import { localePath } from "@/lib/i18n/paths";

// What every change to registrations needs: who acts, and what its emails say.

export type RegistrationContext = EmailContext & { now: Date };

/** The settings a registration's emails need. */
export type ContextSettings = Pick<Settings, "organizationName" | "homeTimeZone" | "homeTimeZoneLabel" | "defaultLanguage">;

/** Read before a transaction opens: inside one, only the transaction may query. */
export async function registrationContext(now = new Date()): Promise<RegistrationContext> {
  return contextFrom(await getSettings(), now);
}

/** The context from settings already read (a registration reads them with its event). */
export function contextFrom(settings: ContextSettings, now = new Date()): RegistrationContext {
  return {
    now,
    home: { zone: settings.homeTimeZone, label: settings.homeTimeZoneLabel },
    baseUrl: appUrl(),
    organization: settings.organizationName,
    defaultLanguage: settings.defaultLanguage,
  };
}

/** A registration's manage page, in the language of its emails (under /<language>/ unless it is the default). */
export function manageUrl(ctx: EmailContext, token: string, language: Language): string {
  return `${ctx.baseUrl}${localePath(`/registrations/${token}`, language, ctx.defaultLanguage)}`;
}

/** The event as the emails describe it, read in the change's transaction. */
export async function emailEvent(eventId: string, tx: Executor): Promise<EmailEvent> {
  const source = await getEventCalendarSource(eventId, tx);
  if (!source) throw new Error(`Event ${eventId} vanished under its own lock`);
  return source;
}

/** Who acts, and the client they act from (for the audit log; null outside a request). */
export type Actor = ({ kind: "public" } | { kind: "staff"; userId: string }) & { client: AuditClient | null };
export type StaffActor = Extract<Actor, { kind: "staff" }>;
