import { siteFeed } from "@/lib/summary-feeds";

// As /feed.xml (app/feed.xml/route.ts), in another enabled language: cached the same way.
export const revalidate = 60;

// No language is rendered at build time (the database, which knows the enabled ones, is not there then);
// without this list, the route would be rendered afresh on every request.
export async function generateStaticParams(): Promise<{ lang: string }[]> {
  return [];
}

export const GET = siteFeed;
