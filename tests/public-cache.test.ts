import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { PAGE_TAGS, PUBLIC_TAGS, type PublicChange, publicChanged, publicTagsFor } from "@/lib/public-cache";

const { updateTag } = vi.hoisted(() => ({ updateTag: vi.fn() }));
vi.mock("next/cache", () => ({ updateTag, unstable_cache: vi.fn() }));

// A small site: two events (one in each topic and series), two topics, two series.
const PAGES: Record<string, string[]> = {
  "home, /feed.xml, /calendar.ics": PAGE_TAGS.lists(),
  "event A and its summary": PAGE_TAGS.event("a"),
  "event B and its summary": PAGE_TAGS.event("b"),
  "topic T": PAGE_TAGS.topic("t"),
  "topic U": PAGE_TAGS.topic("u"),
  "series S": PAGE_TAGS.series("s"),
  "series R": PAGE_TAGS.series("r"),
  "a not-found address": PAGE_TAGS.missing(),
};

/** The pages a change marks stale: those carrying one of its tags. */
function marked(change: PublicChange): string[] {
  const tags = new Set(publicTagsFor(change));
  return Object.entries(PAGES)
    .filter(([, pageTags]) => pageTags.some((t) => tags.has(t)))
    .map(([name]) => name)
    .sort();
}

const ALL = Object.keys(PAGES).sort();
const without = (...names: string[]) => ALL.filter((n) => !names.includes(n));

describe("which public pages a staff change marks stale", () => {
  it("settings (organization name, logo, time zone): every page", () => {
    expect(marked({ kind: "settings" })).toEqual(ALL);
  });

  it("an event: its own pages, every list, topic and series page, and not-found addresses; not other events", () => {
    expect(marked({ kind: "event", id: "a" })).toEqual(without("event B and its summary"));
  });

  it("seats on an event (staff registrations, capacity): that event's pages only", () => {
    expect(marked({ kind: "seats", id: "a" })).toEqual(["event A and its summary"]);
  });

  it("a topic: its page, home, every event and series page; not the other topic", () => {
    expect(marked({ kind: "topic", id: "t" })).toEqual(without("topic U"));
  });

  it("a new or deleted topic: home, events, series and not-found addresses, but no existing topic page", () => {
    expect(marked({ kind: "topic" })).toEqual(without("topic T", "topic U"));
  });

  it("a series: its page, home, every event and topic page; not the other series", () => {
    expect(marked({ kind: "series", id: "s" })).toEqual(without("series R"));
  });

  it("a venue: every page that shows events, not the not-found ones", () => {
    expect(marked({ kind: "venue" })).toEqual(without("a not-found address"));
  });

  it("a person's public profile: the event pages, where speakers are shown", () => {
    expect(marked({ kind: "person" })).toEqual(["event A and its summary", "event B and its summary"]);
  });

  it("every page kind carries the site-wide tag", () => {
    for (const tags of Object.values(PAGES)) expect(tags).toContain(PUBLIC_TAGS.site);
  });
});

describe("publicChanged", () => {
  beforeEach(() => updateTag.mockClear());

  it("expires each tag of the changes once, with Next.js's updateTag", () => {
    publicChanged({ kind: "event", id: "a" }, { kind: "seats", id: "a" });
    const tags = updateTag.mock.calls.map(([tag]) => tag as string);
    expect(tags.sort()).toEqual(publicTagsFor({ kind: "event", id: "a" }).sort());
  });
});

// The wiring, read from the source: the cached public routes keep their directives and tags, and no
// action marks public pages by path any more (that re-rendered them per registration).
const root = join(import.meta.dirname, "..");
const read = (path: string) => readFileSync(join(root, path), "utf8");
/** The code without its line comments, which may name what it avoids. */
const code = (path: string) => read(path).replace(/^\s*\/\/.*$/gm, "");

describe("cached public routes", () => {
  const ROUTES: Record<string, string> = {
    "app/(public)/page.tsx": "PAGE_TAGS.lists()",
    "app/(public)/events/[slug]/page.tsx": "PAGE_TAGS.event",
    "app/(public)/events/[slug]/summary/page.tsx": "PAGE_TAGS.event",
    "app/(public)/topics/[slug]/page.tsx": "PAGE_TAGS.topic",
    "app/(public)/series/[slug]/page.tsx": "PAGE_TAGS.series",
    "app/feed.xml/route.ts": "siteFeed",
    "app/(localized)/[lang]/feed.xml/route.ts": "siteFeed",
    "app/(public)/calendar.ics/route.ts": "PAGE_TAGS.lists()",
    "app/(public)/topics/[slug]/feed.xml/route.ts": "topicFeed",
    "app/(public)/topics/[slug]/calendar.ics/route.ts": "PAGE_TAGS.topic",
    "app/(public)/series/[slug]/calendar.ics/route.ts": "PAGE_TAGS.series",
    "app/(public)/events/[slug]/calendar.ics/route.ts": "PAGE_TAGS.event",
  };

  it.each(Object.entries(ROUTES))("%s is cached for at most a minute, tagged, and never rendered per request", (path, tags) => {
    const source = code(path);
    const revalidate = /^export const revalidate = (\d+);$/m.exec(source);
    expect(revalidate, "export const revalidate").not.toBeNull();
    expect(Number(revalidate![1])).toBeGreaterThan(0);
    expect(Number(revalidate![1])).toBeLessThanOrEqual(60);
    expect(source).toContain(tags);
    expect(source).not.toMatch(/connection\(\)|force-dynamic|headers\(\)|cookies\(\)|auth\(\)/);
    // A dynamic address is rendered on first request, not at build time (there is no database then).
    if (path.includes("[slug]") || path.includes("[lang]")) expect(source).toContain("generateStaticParams");
  });

  it("the event page's seats are at most five seconds old", () => {
    expect(read("app/(public)/events/[slug]/page.tsx")).toMatch(/^export const revalidate = 5;$/m);
  });

  it("the feeds tag what they list, and read no request data", () => {
    const source = code("lib/summary-feeds.ts");
    expect(source).toContain("tagPage(PAGE_TAGS.lists())");
    expect(source).toContain("tagPage(PAGE_TAGS.topic(topic.id))");
    expect(source).not.toMatch(/connection\(\)|headers\(\)|cookies\(\)|auth\(\)/);
  });

  it("the public layouts (the default language's and the others') tag every page and read no request data", () => {
    expect(code("components/public-frame.tsx")).toContain("tagPage([PUBLIC_TAGS.site])");
    for (const layout of ["app/(public)/layout.tsx", "app/(localized)/[lang]/layout.tsx"]) {
      const source = code(layout);
      expect(source).toContain("<PublicFrame");
      expect(source).not.toMatch(/connection\(\)|headers\(\)|cookies\(\)|auth\(\)/);
    }
  });

  // The calendars are one file for every language: no twin.
  it.each(Object.keys(ROUTES).filter((path) => path.startsWith("app/(public)/") && !path.endsWith("calendar.ics/route.ts")))(
    "%s in another language is the same module, cached for as long",
    (path) => {
      const twin = path.replace("app/(public)/", "app/(localized)/[lang]/");
      const revalidate = (p: string) => /^export const revalidate = (\d+);$/m.exec(code(p))?.[1];
      expect(revalidate(twin)).toBe(revalidate(path));
      const source = path.replace(/\.tsx?$/, "");
      expect(code(twin).includes(`from "@/${source}"`) || code(twin).includes("Feed")).toBe(true);
    },
  );
});

describe("staff actions", () => {
  const ACTIONS = [
    "app/(staff)/admin/events/actions.ts",
    "app/(staff)/admin/events/[id]/agenda/actions.ts",
    "app/(staff)/admin/events/[id]/participants/actions.ts",
    "app/(staff)/admin/events/[id]/registrations/actions.ts",
    "app/(staff)/admin/events/[id]/summary/actions.ts",
    "app/(staff)/admin/approvals/actions.ts",
    "app/(staff)/admin/people/actions.ts",
    "app/(staff)/admin/series/actions.ts",
    "app/(staff)/admin/settings/actions.ts",
    "app/(staff)/admin/topics/actions.ts",
    "app/(staff)/admin/venues/actions.ts",
    "app/(panelist)/me/actions.ts",
  ];

  it.each(ACTIONS)("%s marks public pages by tag, never by path", (path) => {
    const source = code(path);
    expect(source).toContain("publicChanged(");
    for (const [, target] of source.matchAll(/revalidatePath\(\s*([^,)]+)/g)) {
      expect(target, `revalidatePath(${target})`).toMatch(/^["`]\/(admin|me)\b/);
    }
  });
});
