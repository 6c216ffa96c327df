import { siteFeed } from "@/lib/summary-feeds";

// As /feed.xml (app/feed.xml/route.ts), in another enabled language.
export const revalidate = 60;

export const GET = siteFeed;
