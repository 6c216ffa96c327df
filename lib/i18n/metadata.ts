import type { Metadata } from "next";
import type { Language } from "./languages";
import { translator } from "./messages";

/** What every root layout gives its pages' metadata: the title pattern and the site's description. */
export function rootMetadata(language: Language = "en"): Metadata {
  return {
    title: { default: "Symposia", template: "%s · Symposia" },
    description: translator(language, "site")("siteDescription"),
  };
}
