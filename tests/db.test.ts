import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/db/migrate";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo, seedIfEmpty } from "@/db/seed";
import {
  agendaItemParticipants,
  agendaItems,
  eventParticipants,
  events,
  people,
  series,
  settings,
  topics,
  users,
  venues,
} from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { displayName } from "@/lib/names";
import { closeDb, db, resetDatabase } from "./support/db";

const NOW = new Date("2026-11-28T12:00:00Z");

beforeAll(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await closeDb();
});

describe("migrations", () => {
  it("can run again without changing anything", async () => {
    await migrateDatabase();
    await migrateDatabase();
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(sql`drizzle.__drizzle_migrations`);
    expect(rows[0]?.n).toBeGreaterThan(0);
  });
});

describe("embedded database", () => {
  it.runIf(!process.env.DATABASE_URL)("keeps a 16 MB buffer cache, not PostgreSQL's 128 MB, inside the server's memory", async () => {
    const result = (await db.execute(sql`show shared_buffers`)) as unknown as { rows: { shared_buffers: string }[] };
    const value = result.rows[0]?.shared_buffers;
    expect(value).toBe("16MB");
  });

  it.runIf(!process.env.DATABASE_URL)("gives the event loop a turn before each query, so that sockets are read between one request's queries", async () => {
    const order: string[] = [];
    await db.execute(sql`select 1`);
    setImmediate(() => order.push("event loop"));
    await db.execute(sql`select 1`);
    order.push("query");
    // Without the turn the query settles in microtasks alone, ahead of anything waiting on the event loop.
    expect(order).toEqual(["event loop", "query"]);
  });
});

describe("demo seed", () => {
  beforeAll(async () => {
    expect(await seedIfEmpty(NOW)).toBe(true);
  });

  it("does not run twice", async () => {
    expect(await seedIfEmpty(NOW)).toBe(false);
  });

  it("refuses to run in production", async () => {
    const previous = process.env.NODE_ENV;
    Object.assign(process.env, { NODE_ENV: "production" });
    try {
      await expect(seedDemo(NOW)).rejects.toThrow(/production/);
    } finally {
      Object.assign(process.env, { NODE_ENV: previous });
    }
  });

  it("sets the home time zone to Tokyo", async () => {
    const [row] = await db.select().from(settings);
    expect(row).toMatchObject({ homeTimeZone: "Asia/Tokyo", homeTimeZoneLabel: "JST" });
  });

  it("holds the fourth WPS + Innovation meeting as in the reference", async () => {
    const [event] = await db
      .select({
        id: events.id,
        startsAt: events.startsAt,
        endsAt: events.endsAt,
        timeZone: events.timeZone,
        seriesNumber: events.seriesNumber,
        seriesName: series.name,
        topicName: topics.name,
        city: venues.city,
        venueZone: venues.timeZone,
      })
      .from(events)
      .innerJoin(series, eq(series.id, events.seriesId))
      .innerJoin(topics, eq(topics.id, events.topicId))
      .innerJoin(venues, eq(venues.id, events.venueId))
      .where(eq(events.seriesNumber, 4));
    expect(event).toMatchObject({
      seriesName: "WPS + Innovation",
      topicName: "Women's Empowerment and Gender Equality",
      city: "New York",
      timeZone: "America/New_York",
      venueZone: "America/New_York",
    });
    expect(event!.startsAt.toISOString()).toBe("2024-03-18T20:35:00.000Z");
    expect((event!.endsAt.getTime() - event!.startsAt.getTime()) / 60_000).toBe(65);

    const participants = await db
      .select({ role: eventParticipants.role, position: eventParticipants.positionAtEvent, person: people })
      .from(eventParticipants)
      .innerJoin(people, eq(people.id, eventParticipants.personId))
      .where(eq(eventParticipants.eventId, event!.id))
      .orderBy(asc(eventParticipants.sortOrder));
    expect(participants.map((p) => [p.role, displayName(p.person), p.position])).toEqual([
      ["host", "Ms. KAMIKAWA Yoko", "Minister for Foreign Affairs of Japan"],
      ["moderator", "Ambassador Mitsuko Shino", "Deputy Permanent Representative of Japan to the United Nations"],
      ["panelist", "Ms. Sima Bahous", "Executive Director of UN Women"],
      ["panelist", "Ambassador Merete Brattested", "Permanent Representative of Norway to the United Nations"],
      ["panelist", "Ms. Izumi Nakamitsu", "UN Under-Secretary-General and High Representative for Disarmament Affairs"],
    ]);

    const agenda = await db
      .select({ id: agendaItems.id, kind: agendaItems.kind })
      .from(agendaItems)
      .where(eq(agendaItems.eventId, event!.id))
      .orderBy(asc(agendaItems.sortOrder));
    expect(agenda.map((a) => a.kind)).toEqual(["speech", "panel", "closing_remarks"]);
    const onPanel = await db
      .select({ id: agendaItemParticipants.participantId })
      .from(agendaItemParticipants)
      .where(eq(agendaItemParticipants.agendaItemId, agenda[1]!.id));
    expect(onPanel).toHaveLength(4);
  });

  it("has an upcoming event open for registration with a capacity", async () => {
    const upcoming = await db.select().from(events).where(sql`${events.startsAt} > ${NOW.toISOString()}`);
    expect(upcoming).toHaveLength(1);
    const [event] = upcoming;
    expect(event!.status).toBe("scheduled");
    expect(event!.capacity).toBeGreaterThan(0);
    expect(event!.registrationOpensAt!.getTime()).toBeLessThan(NOW.getTime());
    expect(event!.registrationClosesAt!.getTime()).toBeGreaterThan(NOW.getTime());
  });

  it("creates the three demo accounts", async () => {
    const rows = await db.select().from(users).orderBy(asc(users.email));
    const byEmail = new Map(rows.map((u) => [u.email, u]));
    expect(byEmail.get(DEMO_ACCOUNTS.admin)?.role).toBe("admin");
    expect(byEmail.get(DEMO_ACCOUNTS.staff)?.role).toBe("staff");
    expect(byEmail.get(DEMO_ACCOUNTS.panelist)?.role).toBe("panelist");
    expect(byEmail.get(DEMO_ACCOUNTS.panelist)?.passwordHash).toBeNull();
    expect(await verifyPassword(byEmail.get(DEMO_ACCOUNTS.admin)!.passwordHash!, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(byEmail.get(DEMO_ACCOUNTS.staff)!.passwordHash!, "wrong-password")).toBe(false);

    const [linked] = await db.select().from(people).where(eq(people.userId, byEmail.get(DEMO_ACCOUNTS.panelist)!.id));
    expect(displayName(linked!)).toBe("Ms. Sima Bahous");
  });
});

describe("constraints", () => {
  it("stores email addresses in lower case only", async () => {
    await expect(db.insert(users).values({ email: "Mixed@Example.org", role: "staff" })).rejects.toThrow();
  });

  it("keeps a single settings row", async () => {
    await expect(
      db.insert(settings).values({ id: 2, organizationName: "x", homeTimeZone: "UTC", homeTimeZoneLabel: "UTC" }),
    ).rejects.toThrow();
  });

  it("refuses an event that ends before it starts", async () => {
    await expect(
      db.insert(events).values({
        slug: "backwards",
        title: "Backwards",
        timeZone: "UTC",
        startsAt: new Date("2025-01-01T10:00:00Z"),
        endsAt: new Date("2025-01-01T09:00:00Z"),
      }),
    ).rejects.toThrow();
  });
});
