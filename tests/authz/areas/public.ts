import { NextRequest } from "next/server";
import { type Expectation, PUBLIC } from "../helpers";

// The demo's fourth "WPS + Innovation" meeting: scheduled, so its calendar file is everyone's.
const DEMO_SLUG = "wps-innovation-4-from-the-united-nations";

const getWithSlug = (slug: string) => (_f: unknown, mod: Record<string, unknown>, name: string) =>
  (mod[name] as (r: NextRequest, ctx: { params: Promise<{ slug: string }> }) => Promise<Response>)(
    new NextRequest(`http://localhost:3000/events/${slug}/calendar.ics`),
    { params: Promise.resolve({ slug }) },
  );

const getAt = (path: string, slug: string) => (_f: unknown, mod: Record<string, unknown>, name: string) =>
  (mod[name] as (r: NextRequest, ctx: { params: Promise<{ slug: string }> }) => Promise<Response>)(
    new NextRequest(`http://localhost:3000${path}`),
    { params: Promise.resolve({ slug }) },
  );

const getInLanguage = (path: string, lang: string) => (_f: unknown, mod: Record<string, unknown>, name: string) =>
  (mod[name] as (r: NextRequest, ctx: { params: Promise<{ lang: string }> }) => Promise<Response>)(
    new NextRequest(`http://localhost:3000${path}`),
    { params: Promise.resolve({ lang }) },
  );

export const publicArea: Record<string, Expectation> = {
  // The site's feed in another enabled language: published summaries, the same for everyone.
  "app/(localized)/[lang]/feed.xml/route.ts#GET": { who: PUBLIC, call: getInLanguage("/ja/feed.xml", "ja") },
  // Subscriptions: public events only, the same for everyone.
  "app/(public)/topics/[slug]/calendar.ics/route.ts#GET": { who: PUBLIC, call: getAt("/topics/womens-empowerment-and-gender-equality/calendar.ics", "womens-empowerment-and-gender-equality") },
  "app/(public)/topics/[slug]/feed.xml/route.ts#GET": { who: PUBLIC, call: getAt("/topics/womens-empowerment-and-gender-equality/feed.xml", "womens-empowerment-and-gender-equality") },
  "app/(public)/series/[slug]/calendar.ics/route.ts#GET": { who: PUBLIC, call: getAt("/series/wps-innovation/calendar.ics", "wps-innovation") },
  "app/(public)/events/[slug]/calendar.ics/route.ts#GET": { who: PUBLIC, call: getWithSlug(DEMO_SLUG) },
  "app/(public)/calendar.ics/route.ts#GET": {
    who: PUBLIC,
    call: (_f, mod, name) => (mod[name] as (r: NextRequest) => Promise<Response>)(new NextRequest("http://localhost:3000/calendar.ics")),
  },
};
