import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateAgendaItem } from "@/app/(staff)/admin/events/[id]/agenda/actions";
import { updateParticipant } from "@/app/(staff)/admin/events/[id]/participants/actions";
import { createEvent, updateEvent } from "@/app/(staff)/admin/events/actions";
import { updateSeries } from "@/app/(staff)/admin/series/actions";
import { updateTopic } from "@/app/(staff)/admin/topics/actions";
import { createVenue, updateVenue } from "@/app/(staff)/admin/venues/actions";
import { listAgenda } from "@/db/queries/agenda";
import { getTranslationLanguages, translationLanguages } from "@/db/queries/settings";
import { agendaItems, auditLog, eventParticipants, events, series, settings, topics, venues } from "@/db/schema";
import { DEMO_ACCOUNTS } from "@/db/seed";
import { localized } from "@/lib/i18n/localize";
import { mergeTranslations } from "@/lib/translations";
import { eventFormValues } from "@/lib/validations/event";
import { closeDb, db, resetWithDemo } from "./support/db";
import { eventFormInput } from "./support/event-input";
import { actAs } from "./support/session";

// Staff save a record's other-language versions with the record itself, through the same actions.

beforeAll(async () => {
  await resetWithDemo();
  await actAs(DEMO_ACCOUNTS.staff);
});
afterAll(closeDb);

const fifth = async () => (await db.select().from(events).where(eq(events.slug, "wps-innovation-5-geneva")))[0]!;
const lastAudit = async (entityId: string) => (await db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(desc(auditLog.createdAt)).limit(1))[0];

describe("mergeTranslations", () => {
  it("replaces the fields sent, drops emptied ones and a language left empty, and keeps what was not sent", () => {
    const current = { ja: { title: "旧", description: "説明" } };
    expect(mergeTranslations(current, { ja: { title: " 新 " } })).toEqual({ ja: { title: "新", description: "説明" } });
    expect(mergeTranslations(current, { ja: { title: "", description: "" } })).toEqual({});
    expect(mergeTranslations(current, undefined)).toBe(current);
  });

  it("gives back the record's own object when nothing changed, whatever the order of its keys", () => {
    const stored = { ja: { description: "説明", title: "題" } };
    expect(mergeTranslations(stored, { ja: { title: "題", description: "説明" } })).toBe(stored);
  });
});

describe("the languages the staff forms show", () => {
  it("are the enabled ones besides the default", async () => {
    expect(await getTranslationLanguages()).toEqual(["ja"]);
    expect(translationLanguages({ defaultLanguage: "ja", enabledLanguages: ["en", "ja"] })).toEqual(["en"]);
    expect(translationLanguages({ defaultLanguage: "en", enabledLanguages: ["en"] })).toEqual([]);
  });
});

describe("an event's title and description in Japanese", () => {
  it("are saved with the event, audited, and read back as the Japanese version", async () => {
    const event = await fifth();
    const result = await updateEvent({
      ...eventFormValues(event),
      id: event.id,
      translations: { ja: { title: "  第5回会合：テクノロジーと女性  ", description: "説明文です。" } },
    });
    expect(result).toMatchObject({ ok: true });
    const after = await fifth();
    expect(after.translations).toEqual({ ja: { title: "第5回会合：テクノロジーと女性", description: "説明文です。" } });
    expect(localized(after, "title", "ja", "en")).toEqual({ text: "第5回会合：テクノロジーと女性", lang: "ja" });
    expect(after.title).toBe(event.title);
    expect((await lastAudit(event.id))?.changes).toMatchObject({ translations: [event.translations, after.translations] });
  });

  it("drops a field emptied, which then falls back to the default language", async () => {
    const event = await fifth();
    expect(await updateEvent({ ...eventFormValues(event), id: event.id, translations: { ja: { title: "", description: "説明文です。" } } })).toMatchObject({ ok: true });
    const after = await fifth();
    expect(after.translations).toEqual({ ja: { description: "説明文です。" } });
    expect(localized(after, "title", "ja", "en")).toEqual({ text: event.title, lang: "en" });
  });

  it("refuses a translation longer than the default field allows, and saves nothing of the form", async () => {
    const event = await fifth();
    const result = await updateEvent({
      ...eventFormValues(event),
      id: event.id,
      description: "A new description that must not be saved.",
      translations: { ja: { title: "題".repeat(201) } },
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { translations: ["Keep it under 200 characters."] } });
    expect(await fifth()).toEqual(event);
  });

  it("is kept on a new event made with translations, and an event made without has none", async () => {
    const zone = "Europe/Zurich";
    const created = async (input: Record<string, unknown>) => {
      try {
        await createEvent(eventFormInput(zone, { startDate: "2027-05-01", startTime: "10:00", ...input }));
      } catch (error) {
        const digest = (error as { digest?: string }).digest ?? "";
        if (!digest.startsWith("NEXT_REDIRECT")) throw error;
        const id = /\/admin\/events\/([0-9a-f-]{36})/.exec(digest)![1]!;
        return (await db.select().from(events).where(eq(events.id, id)))[0]!;
      }
      throw new Error("Expected a redirect");
    };
    const withJapanese = await created({ title: "Open day", slug: "open-day-ja", translations: { ja: { title: "オープンデー", description: "" } } });
    expect(withJapanese.translations).toEqual({ ja: { title: "オープンデー" } });
    const without = await created({ title: "Closed day", slug: "closed-day" });
    expect(without.translations).toEqual({});
  });
});

describe("the catalogue in Japanese", () => {
  it("saves a topic's and a series' names and descriptions, keeping their other fields", async () => {
    const [topic] = await db.select().from(topics);
    expect(await updateTopic({ id: topic!.id, name: topic!.name, slug: topic!.slug, description: topic!.description, translations: { ja: { name: "ジェンダー平等", description: "" } } })).toMatchObject({ ok: true });
    expect((await db.select().from(topics).where(eq(topics.id, topic!.id)))[0]!.translations).toEqual({ ja: { name: "ジェンダー平等" } });

    const [own] = await db.select().from(series).where(eq(series.slug, "wps-innovation"));
    const same = { id: own!.id, name: own!.name, slug: own!.slug, topicId: own!.topicId, description: own!.description };
    expect(await updateSeries({ ...same, translations: { ja: { name: own!.translations.ja!.name, description: own!.translations.ja!.description } } })).toMatchObject({
      ok: true,
      message: "No changes to save.",
    });
    expect(await updateSeries({ ...same, translations: { ja: { name: "WPS＋イノベーション対話" } } })).toMatchObject({ ok: true, message: "Saved." });
    const after = (await db.select().from(series).where(eq(series.id, own!.id)))[0]!;
    // The description was not sent, so it stays.
    expect(after.translations).toEqual({ ja: { name: "WPS＋イノベーション対話", description: own!.translations.ja!.description } });
  });

  it("saves a venue's name, address, city and country, and refuses a refused venue whole", async () => {
    const [venue] = await db.select().from(venues).where(eq(venues.city, "Geneva"));
    const base = { id: venue!.id, name: venue!.name, address: venue!.address, city: venue!.city, country: venue!.country, timeZone: venue!.timeZone };
    expect(await updateVenue({ ...base, translations: { ja: { name: "パレ・デ・ナシオン", address: "", city: "ジュネーブ", country: "スイス" } } })).toMatchObject({ ok: true });
    expect((await db.select().from(venues).where(eq(venues.id, venue!.id)))[0]!.translations).toEqual({ ja: { name: "パレ・デ・ナシオン", city: "ジュネーブ", country: "スイス" } });

    const before = (await db.select().from(venues).where(eq(venues.id, venue!.id)))[0]!;
    const refused = await updateVenue({ ...base, city: "", translations: { ja: { name: "別名", city: "市".repeat(201) } } });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { city: ["Enter the city."], translations: ["Keep it under 200 characters."] } });
    expect((await db.select().from(venues).where(eq(venues.id, venue!.id)))[0]).toEqual(before);

    const count = (await db.select().from(venues)).length;
    expect(await createVenue({ ...base, id: undefined, name: "", translations: { ja: { name: "新しい会場" } } })).toMatchObject({ ok: false });
    expect((await db.select().from(venues)).length).toBe(count);
  });
});

describe("an event's parts in Japanese", () => {
  it("saves an agenda segment's title beside its other fields", async () => {
    const [fourth] = await db.select().from(events).where(eq(events.seriesNumber, 4));
    const [segment] = await listAgenda(fourth!.id);
    const input = {
      id: segment!.id,
      kind: segment!.kind,
      title: segment!.title,
      startTime: "",
      durationMinutes: segment!.durationMinutes,
      description: segment!.description,
      participantIds: segment!.participants.map((p) => p.participantId),
    };
    expect(await updateAgendaItem({ ...input, translations: { ja: { title: "冒頭挨拶", description: "外務大臣が挨拶を行いました。" } } })).toMatchObject({ ok: true });
    const [row] = await db.select().from(agendaItems).where(eq(agendaItems.id, segment!.id));
    expect(row!.translations).toEqual({ ja: { title: "冒頭挨拶", description: "外務大臣が挨拶を行いました。" } });

    const refused = await updateAgendaItem({ ...input, title: "", translations: { ja: { title: "" } } });
    expect(refused.ok).toBe(false);
    expect((await db.select().from(agendaItems).where(eq(agendaItems.id, segment!.id)))[0]).toEqual(row);
  });

  it("saves a participant's position at the event, and drops it when emptied", async () => {
    const event = await fifth();
    const [participant] = await db.select().from(eventParticipants).where(eq(eventParticipants.eventId, event.id));
    const input = { id: participant!.id, role: participant!.role, positionAtEvent: participant!.positionAtEvent, invitationStatus: participant!.invitationStatus };
    expect(await updateParticipant({ ...input, translations: { ja: { positionAtEvent: "次席常駐代表" } } })).toMatchObject({ ok: true });
    const read = async () => (await db.select().from(eventParticipants).where(eq(eventParticipants.id, participant!.id)))[0]!;
    expect((await read()).translations).toEqual({ ja: { positionAtEvent: "次席常駐代表" } });

    expect(await updateParticipant({ ...input, translations: { ja: { positionAtEvent: "位".repeat(301) } } })).toMatchObject({ ok: false });
    expect((await read()).translations).toEqual({ ja: { positionAtEvent: "次席常駐代表" } });

    expect(await updateParticipant({ ...input, translations: { ja: { positionAtEvent: " " } } })).toMatchObject({ ok: true });
    expect((await read()).translations).toEqual({});
  });
});

describe("with Japanese turned off", () => {
  it("the forms show no other language, and what was written in Japanese stays", async () => {
    await db.update(settings).set({ enabledLanguages: ["en"] });
    expect(await getTranslationLanguages()).toEqual([]);
    const event = await fifth();
    // The form no longer sends Japanese fields: the event's Japanese description is kept for when it returns.
    expect(await updateEvent({ ...eventFormValues(event), id: event.id, capacity: "81" })).toMatchObject({ ok: true });
    expect((await fifth()).translations).toEqual(event.translations);
  });
});
