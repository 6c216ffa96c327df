import type { Metadata } from "next";
import type { ReactNode } from "react";
import "../globals.css";
import { PublicFrame } from "@/components/public-frame";
import { RootDocument } from "@/components/root-document";
import { rootMetadata } from "@/lib/i18n/metadata";
import { translator } from "@/lib/i18n/messages";
import { pageLanguage } from "@/lib/i18n/page";

export async function generateMetadata(): Promise<Metadata> {
  return rootMetadata((await pageLanguage(undefined)).language);
}

/** The public pages in the default language, at the unprefixed addresses. */
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const page = await pageLanguage(undefined);
  return (
    <RootDocument lang={page.language} skipLabel={translator(page.language, "site")("skipToContent")}>
      <PublicFrame page={page}>{children}</PublicFrame>
    </RootDocument>
  );
}
