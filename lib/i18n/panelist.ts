import "server-only";
import { cache } from "react";
import { getOwnEmailLanguage } from "@/db/queries/profiles";
import { getLanguageSettings } from "@/db/queries/settings";
import { getCurrentUser } from "@/lib/auth";
import type { Language } from "./languages";
import { translator } from "./messages";
import { panelistLanguage } from "./panelist-language";

/** The language the panelist area is drawn in for `userId` (nobody signed in: the default). */
export async function panelistAreaLanguage(userId: string | null): Promise<Language> {
  const [settings, chosen] = await Promise.all([getLanguageSettings(), userId ? getOwnEmailLanguage(userId) : null]);
  return panelistLanguage(chosen, settings);
}

/** The signed-in user's panelist-area language, once per request (the layout and the page both ask). */
export const currentPanelistLanguage = cache(async (): Promise<Language> => panelistAreaLanguage((await getCurrentUser())?.id ?? null));

/** The panelist area's words for `userId`, for an action's answers. */
export async function panelistTranslator(userId: string) {
  return translator(await panelistAreaLanguage(userId), "panelist");
}
