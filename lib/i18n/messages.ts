import { createTranslator } from "use-intl/core";
import type { Language } from "./languages";
import enError from "@/messages/en/error.json";
import enEvent from "@/messages/en/event.json";
import enManage from "@/messages/en/manage.json";
import enPages from "@/messages/en/pages.json";
import enPanelist from "@/messages/en/panelist.json";
import enRegistration from "@/messages/en/registration.json";
import enSite from "@/messages/en/site.json";
import enSummary from "@/messages/en/summary.json";
import jaError from "@/messages/ja/error.json";
import jaEvent from "@/messages/ja/event.json";
import jaManage from "@/messages/ja/manage.json";
import jaPages from "@/messages/ja/pages.json";
import jaPanelist from "@/messages/ja/panelist.json";
import jaRegistration from "@/messages/ja/registration.json";
import jaSite from "@/messages/ja/site.json";
import jaSummary from "@/messages/ja/summary.json";

/**
 * The interface's words, per language: one file per area under `messages/<language>/`, in ICU message
 * format (use-intl, the core of next-intl). English is the reference: its keys are the type every other
 * language must match, and tests/messages.test.ts fails on a key that exists in one language only.
 */
const en = {
  site: enSite,
  error: enError,
  event: enEvent,
  registration: enRegistration,
  summary: enSummary,
  pages: enPages,
  manage: enManage,
  panelist: enPanelist,
};

export type Messages = typeof en;
export type Namespace = keyof Messages;

export const MESSAGES: Record<Language, Messages> = {
  en,
  ja: {
    site: jaSite,
    error: jaError,
    event: jaEvent,
    registration: jaRegistration,
    summary: jaSummary,
    pages: jaPages,
    manage: jaManage,
    panelist: jaPanelist,
  } as Messages,
};

/**
 * The messages of one area in `language`: `t("nav.events")`, `t("languages.current", { language })`.
 * Works in Server Components, route handlers and emails alike; a client component is handed the
 * strings it needs (or `messagesFor`) by the page that renders it.
 */
export function translator<N extends Namespace>(language: Language, namespace: N) {
  return createTranslator({ locale: language, messages: MESSAGES[language], namespace });
}

/** One area's messages as plain data, for a client component to build its translator from. */
export function messagesFor<N extends Namespace>(language: Language, namespace: N): Messages[N] {
  return MESSAGES[language][namespace];
}

export type Translator<N extends Namespace> = ReturnType<typeof translator<N>>;

/** The public pages' page navigation in `language` (components/ui/pagination.tsx). */
export function paginationWords(language: Language, page: number, pages: number, total: number) {
  const t = translator(language, "pages");
  return { label: t("pagination.label"), status: t("pagination.status", { page, pages, total }), previous: t("pagination.previous"), next: t("pagination.next") };
}
