import { and, eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportColumns, localStamper } from "@/app/(staff)/admin/events/[id]/registrations/export.csv/columns";
import { GET as exportCsv } from "@/app/(staff)/admin/events/[id]/registrations/export.csv/route";
import {
  countMatches,
  decodeCursor,
  encodeCursor,
  listRegistrationsForExport,
  listRegistrationsPage,
  type RegistrationListFilter,
  type RegistrationListRow,
  registrationBatches,
} from "@/db/queries/registration-lists";
import { events, type RegistrationStatus, registrations } from "@/db/schema";
import { csvDocument, csvStream } from "@/lib/csv";
import { formatCheckInCode } from "@/lib/email/registration-emails";
import { utcToZonedParts } from "@/lib/time";
import { REGISTRATION_SORTS, REGISTRATION_STATUS_LABELS, type RegistrationSort } from "@/lib/validations/registration";
import { closeDb, db, resetWithDemo } from "./support/db";
import { actAs } from "./support/session";

let eventId: string;
const ZONE = "America/New_York";

// 40 registrations made to tie: ten share each of four instants (two of them a microsecond apart,
// which a JavaScript Date cannot tell apart), names repeat in different capitals, and every status is
// there, with a waitlist in order.
/** A timestamp written as text, so that PostgreSQL keeps its microseconds. */
const at = (text: string) => sql`${text}::timestamptz`;

beforeAll(async () => {
  await resetWithDemo();
  const startsAt = new Date("2026-03-08T15:00:00Z");
  const [event] = await db
    .insert(events)
    .values({ slug: "keyset-test", title: "Keyset test", timeZone: ZONE, startsAt, endsAt: new Date(startsAt.getTime() + 3600_000), status: "scheduled" })
    .returning();
  eventId = event!.id;
  const instants = ["2026-03-01 10:00:00+00", "2026-03-08 06:30:00.000001+00", "2026-03-08 06:30:00.000002+00", "2026-03-08 07:30:00+00"];
  const names = ["Ana García", "ana garcía", "Bea Müller", "Chen Wei", "=cmd|' /C calc'!A0"];
  const rows = Array.from({ length: 40 }, (_, i) => {
    const status: RegistrationStatus = i % 7 === 3 ? "cancelled" : i % 5 === 4 ? "waitlisted" : "confirmed";
    const created = instants[i % instants.length]!;
    return {
      eventId,
      name: `${names[i % names.length]}${i % 3 === 0 ? "" : ` ${Math.floor(i / 10)}`}`,
      email: `keyset-${i}@example.org`,
      emailNormalized: `keyset-${i}@example.org`,
      organization: i % 4 === 0 ? "Mission of Norway, Geneva" : null,
      category: i % 2 === 0 ? "Government" : null,
      status,
      manageTokenHash: `keyset-token-${i}`,
      checkInCode: `K${String(i).padStart(2, "0")}AB2CD`.slice(0, 8),
      waitlistedAt: status === "waitlisted" ? at(`2026-03-0${1 + (i % 3)} 12:00:00+00`) : null,
      confirmedAt: status === "confirmed" ? at(created) : null,
      cancelledAt: status === "cancelled" ? at(instants[3]!) : null,
      checkedInAt: status === "confirmed" && i % 2 === 0 ? at(instants[3]!) : null,
      consentAt: at(created),
      createdAt: at(created),
    };
  });
  for (const row of rows) await db.insert(registrations).values(row);
});
afterAll(closeDb);

/** Every page of the list, following "Next page" from the first. */
async function walkForward(filter: RegistrationListFilter, pageSize: number) {
  const pages: RegistrationListRow[][] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await listRegistrationsPage(eventId, { ...filter, after, pageSize });
    pages.push(page.rows);
    expect(page.previous === null).toBe(pages.length === 1);
    if (!page.next) return pages;
    after = page.next;
  }
  throw new Error("the pages never ended");
}

/** The same order, worked out here from the rows themselves: what each sort promises. */
async function expectedOrder(filter: RegistrationListFilter): Promise<string[]> {
  const all = await db
    .select({
      id: registrations.id,
      name: registrations.name,
      status: registrations.status,
      createdAt: registrations.createdAt,
      waitlistedAt: registrations.waitlistedAt,
      email: registrations.email,
      organization: registrations.organization,
      checkInCode: registrations.checkInCode,
      checkedInAt: registrations.checkedInAt,
    })
    .from(registrations)
    .where(eq(registrations.eventId, eventId));
  // The two instants a microsecond apart: their order comes from the database, not from Date.
  const exact = new Map(
    (
      await db
        .select({ id: registrations.id, t: sql<string>`to_char(${registrations.createdAt} at time zone 'UTC', 'YYYYMMDDHH24MISSUS')` })
        .from(registrations)
        .where(eq(registrations.eventId, eventId))
    ).map((r) => [r.id, r.t]),
  );
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  // The enum's order, which the database sorts by.
  const STATUS_ORDER = { confirmed: 0, waitlisted: 1, cancelled: 2, pending: 3, declined: 4 };
  const rows = all.filter((r) => {
    if (filter.status === "checked_in") return r.status === "confirmed" && r.checkedInAt;
    return !filter.status || r.status === filter.status;
  });
  const created = (r: (typeof rows)[number]) => exact.get(r.id)!;
  const compare: Record<RegistrationSort, (a: (typeof rows)[number], b: (typeof rows)[number]) => number> = {
    created_desc: (a, b) => byText(created(b), created(a)) || byText(b.id, a.id),
    created_asc: (a, b) => byText(created(a), created(b)) || byText(a.id, b.id),
    name_asc: (a, b) => (a.name.toLowerCase() === b.name.toLowerCase() ? byText(a.id, b.id) : 0),
    name_desc: (a, b) => (a.name.toLowerCase() === b.name.toLowerCase() ? byText(b.id, a.id) : 0),
    status: (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (a.waitlistedAt?.getTime() ?? Infinity) - (b.waitlistedAt?.getTime() ?? Infinity) ||
      byText(created(a), created(b)) ||
      byText(a.id, b.id),
  };
  return rows.sort(compare[filter.sort]).map((r) => r.id);
}

describe("keyset pages of the staff list", () => {
  it.each(Object.keys(REGISTRATION_SORTS) as RegistrationSort[])("visits every registration once, in order, ties and all: %s", async (sort) => {
    const pages = await walkForward({ sort }, 6);
    expect(pages.slice(0, -1).every((p) => p.length === 6)).toBe(true);
    const ids = pages.flat().map((r) => r.id);
    expect(new Set(ids).size).toBe(40);
    const expected = await expectedOrder({ sort });
    if (sort === "name_asc" || sort === "name_desc") {
      // Names compare by the database's collation; ties among equal names go by id.
      const names = pages.flat().map((r) => r.name.toLowerCase());
      const tied = pages.flat();
      for (let i = 1; i < tied.length; i++) {
        if (names[i] === names[i - 1]) expect(sort === "name_asc" ? tied[i - 1]!.id < tied[i]!.id : tied[i - 1]!.id > tied[i]!.id).toBe(true);
      }
      expect(ids.toSorted()).toEqual(expected.toSorted());
    } else {
      expect(ids).toEqual(expected);
    }
    // And the same in a single read: the export's batches follow the same order.
    expect((await listRegistrationsForExport(eventId, { sort })).map((r) => r.id)).toEqual(ids);
  });

  it("goes back with Previous page to exactly the pages it came through", async () => {
    for (const sort of ["created_desc", "status", "name_asc"] as const) {
      const forward = await walkForward({ sort }, 7);
      let page = await listRegistrationsPage(eventId, { sort, pageSize: 7, after: undefined });
      const cursors: (string | null)[] = [];
      while (page.next) {
        cursors.push(page.next);
        page = await listRegistrationsPage(eventId, { sort, pageSize: 7, after: page.next });
      }
      const backward: RegistrationListRow[][] = [page.rows];
      while (page.previous) {
        page = await listRegistrationsPage(eventId, { sort, pageSize: 7, before: page.previous });
        backward.unshift(page.rows);
      }
      expect(backward.map((p) => p.map((r) => r.id))).toEqual(forward.map((p) => p.map((r) => r.id)));
      expect(page.previous).toBeNull();
      expect(cursors.length).toBe(forward.length - 1);
    }
  });

  it("keeps the filter and the search on every page", async () => {
    for (const status of ["confirmed", "waitlisted", "cancelled", "checked_in"] as const) {
      const ids = (await walkForward({ sort: "name_desc", status }, 4)).flat().map((r) => r.id);
      expect(ids.toSorted()).toEqual((await expectedOrder({ sort: "name_desc", status })).toSorted());
    }
    const found = (await walkForward({ sort: "created_asc", q: "garcia", status: "confirmed" }, 3)).flat();
    expect(found.length).toBeGreaterThan(3);
    expect(found.every((r) => r.name.toLowerCase().startsWith("ana garcía") && r.status === "confirmed")).toBe(true);
    expect(await countMatches(eventId, { q: "garcia", status: "confirmed" }, 1000)).toEqual({ n: found.length, more: false });
    expect(await countMatches(eventId, { q: "keyset" }, 10)).toEqual({ n: 10, more: true });
    expect((await walkForward({ sort: "created_desc", q: "norway geneva" }, 50)).flat()).toHaveLength(10);
    expect((await walkForward({ sort: "created_desc", q: "keyset-7@example.org" }, 50)).flat().map((r) => r.email)).toEqual(["keyset-7@example.org"]);
  });

  it("reads a cursor only for the order it was made in, and starts over on anything else", async () => {
    const first = await listRegistrationsPage(eventId, { sort: "created_desc", pageSize: 5 });
    expect(decodeCursor(first.next!, "created_desc")).toHaveLength(2);
    expect(decodeCursor(first.next!, "name_asc")).toBeUndefined();
    for (const bad of ["nonsense", encodeCursor({ sort: "created_desc", key: ["yesterday", "x"] }), Buffer.from("[1,2]").toString("base64url")]) {
      const page = await listRegistrationsPage(eventId, { sort: "created_desc", pageSize: 5, after: bad });
      expect(page.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
      expect(page.previous).toBeNull();
    }
    // "Previous" from the second page is the first page, whole, even when a row before it went away.
    const second = await listRegistrationsPage(eventId, { sort: "created_desc", pageSize: 5, after: first.next! });
    const back = await listRegistrationsPage(eventId, { sort: "created_desc", pageSize: 5, before: second.previous! });
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
  });
});

/** The body as sent, byte-order mark included (Response.text() would drop it). */
const withBom = async (response: Response) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());

describe("the streamed CSV export", () => {
  /** The export as it was written before it streamed: every row read at once, then one string. */
  async function oldExport(filter: RegistrationListFilter) {
    const stamp = (d: Date | null) => (d ? `${utcToZonedParts(d, ZONE).date} ${utcToZonedParts(d, ZONE).time}` : "");
    const rows = await listRegistrationsForExport(eventId, filter);
    const { header } = exportColumns(ZONE);
    return csvDocument(
      header,
      rows.map((r) => [
        r.name,
        r.email,
        r.organization,
        r.category,
        REGISTRATION_STATUS_LABELS[r.status],
        r.waitlistPosition,
        formatCheckInCode(r.checkInCode),
        stamp(r.createdAt),
        stamp(r.confirmedAt),
        stamp(r.cancelledAt),
        stamp(r.checkedInAt),
      ]),
    );
  }

  it("sends what the whole-file export sent, to staff, with the filter, the filename and no caching", async () => {
    await actAs("staff@example.org");
    for (const query of ["", "?status=waitlisted&sort=status", "?q=garcia&sort=name_asc"]) {
      const response = await exportCsv(new NextRequest(`http://localhost:3000/admin/events/${eventId}/registrations/export.csv${query}`), {
        params: Promise.resolve({ id: eventId }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toBe('attachment; filename="keyset-test-registrations.csv"');
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      const params = new URLSearchParams(query);
      const filter = { q: params.get("q") ?? undefined, status: (params.get("status") ?? undefined) as RegistrationListFilter["status"], sort: (params.get("sort") ?? "created_desc") as RegistrationSort };
      expect(await withBom(response)).toBe(await oldExport(filter));
    }
    // The formula guard holds in the stream too.
    const all = await withBom(await exportCsv(new NextRequest(`http://localhost:3000/admin/events/${eventId}/registrations/export.csv`), { params: Promise.resolve({ id: eventId }) }));
    expect(all).toContain(`\r\n'=cmd|' /C calc'!A0,`);
    expect(all).not.toMatch(/(^|\r\n)=/);
    await actAs("panelist@example.org");
    const refused = await exportCsv(new NextRequest(`http://localhost:3000/admin/events/${eventId}/registrations/export.csv`), { params: Promise.resolve({ id: eventId }) });
    expect(refused.status).toBe(404);
  });

  it("reads batches one at a time, and small batches make the same file", async () => {
    const { header, cells } = exportColumns(ZONE);
    let batches = 0;
    async function* counted() {
      for await (const batch of registrationBatches(eventId, { sort: "status" }, 7)) {
        batches++;
        yield batch.map(cells);
      }
    }
    const text = await withBom(new Response(csvStream(header, counted())));
    expect(batches).toBe(Math.ceil(40 / 7));
    expect(text).toBe(await oldExport({ sort: "status" }));
  });

  it("writes local times as lib/time.ts does, across clock changes", () => {
    for (const zone of ["America/New_York", "Europe/Zurich", "Asia/Kolkata", "Australia/Lord_Howe", "America/St_Johns", "Pacific/Chatham"]) {
      const stamp = localStamper(zone);
      for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 29 * 3600_000 + 13 * 60_000) {
        const d = new Date(t);
        const p = utcToZonedParts(d, zone);
        expect(stamp(d), `${zone} ${d.toISOString()}`).toBe(`${p.date} ${p.time}`);
      }
    }
  });
});

describe("the check-in and waitlist columns", () => {
  it("numbers the waitlist first come first served", async () => {
    const rows = await listRegistrationsForExport(eventId, { sort: "status", status: "waitlisted" });
    expect(rows.map((r) => r.waitlistPosition)).toEqual(rows.map((_, i) => i + 1));
    const [first] = await db
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "waitlisted")))
      .orderBy(registrations.waitlistedAt, registrations.createdAt, registrations.id)
      .limit(1);
    expect(rows[0]!.id).toBe(first!.id);
  });
});
