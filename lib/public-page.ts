import { notFound } from "next/navigation";

/**
 * The params of a public page or file addressed by slug (an event, topic or series); `lang` under
 * `/[lang]/…` (lib/i18n/page.ts `pageLanguage`).
 */
export type SlugParams = { params: Promise<{ slug: string; lang?: string }> };

/**
 * Re-exported by the pages and files addressed by slug: none is rendered at build time (the database
 * is not there then); each address on its first request.
 */
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

/** What `load` finds at the page's slug; with nothing there the page is not found. */
export async function loadBySlug<T>(load: (slug: string) => Promise<T | null | undefined>, params: SlugParams["params"]): Promise<T> {
  const found = await load((await params).slug);
  if (!found) notFound();
  return found;
}
