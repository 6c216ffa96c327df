import type { Metadata } from "next";
import type { ReactNode } from "react";
import "../../globals.css";
import { PublicFrame } from "@/components/public-frame";
import { RootDocument } from "@/components/root-document";
import { rootMetadata } from "@/lib/i18n/metadata";
import { translator } from "@/lib/i18n/messages";
import { pageLanguage, type LangParams } from "@/lib/i18n/page";

type Props = { children: ReactNode; params: Promise<LangParams> };

// No language is rendered at build time (the database, which knows the enabled ones, is not there then):
// each page on its first request, then cached like its unprefixed twin.
export async function generateStaticParams(): Promise<LangParams[]> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return rootMetadata((await pageLanguage(params, { lenient: true })).language);
}

/**
 * The public pages in the site's other enabled languages, under `/<language>/…`. Each page here is the
 * same module as the unprefixed one (app/(public)), which reads the language from these params; a
 * prefix that is not an enabled language is not found.
 */
export default async function LocalizedLayout({ children, params }: Props) {
  const page = await pageLanguage(params, { lenient: true });
  return (
    <RootDocument lang={page.language} skipLabel={translator(page.language, "site")("skipToContent")}>
      <PublicFrame page={page}>{children}</PublicFrame>
    </RootDocument>
  );
}
