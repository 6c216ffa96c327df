import { getLanguageSettings } from "@/db/queries/settings";
import { prerenderingAtBuild } from "@/lib/public-cache";
import type { NotFoundMessages } from "@/components/not-found-content";
import { LANGUAGES, type Language } from "./languages";
import { translator } from "./messages";

/** The not-found page's words in every language, and the default language, for NotFoundContent. */
export async function notFoundProps(): Promise<{ messages: Record<Language, NotFoundMessages>; defaultLanguage: Language }> {
  const messages = Object.fromEntries(
    LANGUAGES.map((language) => {
      const t = translator(language, "site");
      return [
        language,
        { title: t("notFound.title"), body: t("notFound.body"), searchLabel: t("notFound.searchLabel"), home: t("notFound.home"), landmark: t("notFound.searchLandmark"), button: t("search.button") },
      ];
    }),
  ) as Record<Language, NotFoundMessages>;
  const defaultLanguage = prerenderingAtBuild() ? "en" : (await getLanguageSettings()).defaultLanguage;
  return { messages, defaultLanguage };
}
