import { createHash, randomUUID } from "node:crypto";
import { count } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { demoLogoPng } from "@/lib/demo-logo";
import { publishDemoSummary, storeDemoPhotos } from "@/lib/demo-summary";
import { processImage } from "@/lib/images";
import { storage } from "@/lib/storage";
import { zonedDateTimeToUtc } from "@/lib/time";
import { db } from "./index";
import {
  agendaItemParticipants,
  media,
  agendaItems,
  eventParticipants,
  events,
  people,
  registrations,
  series,
  settings,
  topics,
  users,
  venues,
} from "./schema";

export const DEMO_PASSWORD = "symposia-demo";
/** The demo keeps registrations ten years after their event (a new installation: 24 months). */
export const DEMO_RETENTION_MONTHS = 120;
export const DEMO_ACCOUNTS = {
  admin: "admin@example.org",
  staff: "staff@example.org",
  panelist: "panelist@example.org",
} as const;

const DAY = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------
// Participants' positions at the demo's events, in Japanese (the people's own names and positions are
// seeded with the people).

const POSITIONS_IN_JAPANESE: Record<string, string> = {
  "Minister for Foreign Affairs of Japan": "外務大臣",
  "Deputy Permanent Representative of Japan to the United Nations": "国際連合日本政府代表部次席常駐代表",
  "Executive Director of UN Women": "UN Women事務局長",
  "Permanent Representative of Norway to the United Nations": "ノルウェー国連常駐代表",
  "UN Under-Secretary-General and High Representative for Disarmament Affairs": "国連事務次長兼軍縮担当上級代表",
};

const positionInJapanese = (position: string) => {
  const ja = POSITIONS_IN_JAPANESE[position];
  return ja ? { ja: { positionAtEvent: ja } } : {};
};

/** True when the database holds no site yet (the settings row is the first thing a seed writes). */
export async function isEmpty(): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(settings);
  return (row?.n ?? 0) === 0;
}

/**
 * Fills an empty database with the demo: the fourth "WPS + Innovation" meeting held at the UN in
 * March 2024 with its published summary, an upcoming fifth meeting open for registration, and three
 * accounts.
 */
export async function seedDemo(now = new Date()): Promise<void> {
  if (process.env.NODE_ENV === "production") {
    throw new Error("The demo seed does not run with NODE_ENV=production.");
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // Stored as an upload would be: checked, re-encoded and kept by its content hash.
  const logo = await processImage(await demoLogoPng(), "portrait");
  await storage().put(logo.key, logo.bytes, logo.mime);
  // The fourth meeting's photos, stored the same way before anything refers to them.
  const photos = await storeDemoPhotos();

  await db.transaction(async (tx) => {
    const [logoRow] = await tx
      .insert(media)
      .values({ storageKey: logo.key, mimeType: logo.mime, width: logo.width, height: logo.height, bytes: logo.bytes.length, altText: "Symposia Demo Ministry logo" })
      .returning({ id: media.id });
    await tx.insert(settings).values({
      organizationName: "Symposia Demo Ministry",
      homeTimeZone: "Asia/Tokyo",
      homeTimeZoneLabel: "JST",
      releaseLabel: "Press release",
      logoId: logoRow!.id,
      // Long enough for the March 2024 meeting to keep its attendees' names: with the default 24 months,
      // the first daily run would anonymize them (lib/registration/retention.ts).
      registrationRetentionMonths: DEMO_RETENTION_MONTHS,
      // The ministry publishes in English first and in Japanese.
      defaultLanguage: "en",
      enabledLanguages: ["en", "ja"],
    });

    const [, staffUser, panelistUser] = await tx
      .insert(users)
      .values([
        { email: DEMO_ACCOUNTS.admin, name: "Demo Admin", role: "admin", passwordHash },
        { email: DEMO_ACCOUNTS.staff, name: "Demo Staff", role: "staff", passwordHash },
        { email: DEMO_ACCOUNTS.panelist, name: "Sima Bahous", role: "panelist" },
      ])
      .returning({ id: users.id });

    const [topic] = await tx
      .insert(topics)
      .values({
        slug: "womens-empowerment-and-gender-equality",
        name: "Women's Empowerment and Gender Equality",
        description:
          "Dialogues on Women, Peace and Security (WPS) and on women's full, equal and meaningful participation in every field.",
        translations: {
          ja: {
            name: "女性のエンパワーメントとジェンダー平等",
            description: "女性・平和・安全保障（WPS）及びあらゆる分野における女性の完全かつ平等で意義ある参画に関する対話。",
          },
        },
      })
      .returning({ id: topics.id });

    const [wps] = await tx
      .insert(series)
      .values({
        slug: "wps-innovation",
        name: "WPS + Innovation",
        description: "A series of dialogues bringing innovation to Women, Peace and Security.",
        translations: {
          ja: { name: "WPS＋イノベーション", description: "女性・平和・安全保障（WPS）にイノベーションをもたらすための対話シリーズ。" },
        },
        topicId: topic!.id,
      })
      .returning({ id: series.id });

    const [unhq, geneva] = await tx
      .insert(venues)
      .values([
        {
          name: "United Nations Headquarters",
          address: "405 East 42nd Street",
          city: "New York",
          country: "United States",
          timeZone: "America/New_York",
          translations: { ja: { name: "国連本部", city: "ニューヨーク", country: "米国" } },
        },
        {
          name: "Palais des Nations",
          address: "Avenue de la Paix 8-14",
          city: "Geneva",
          country: "Switzerland",
          timeZone: "Europe/Zurich",
          translations: { ja: { name: "国連欧州本部（パレ・デ・ナシオン）", city: "ジュネーブ", country: "スイス" } },
        },
      ])
      .returning({ id: venues.id });

    const [kamikawa, shino, bahous, brattested, nakamitsu] = await tx
      .insert(people)
      .values([
        {
          slug: "kamikawa-yoko",
          honorific: "Ms.",
          givenName: "Yoko",
          familyName: "Kamikawa",
          nameOrder: "family_given",
          position: "Minister for Foreign Affairs of Japan",
          organization: "Ministry of Foreign Affairs of Japan",
          translations: { ja: { familyName: "上川", givenName: "陽子", position: "外務大臣", organization: "外務省" } },
        },
        {
          slug: "mitsuko-shino",
          honorific: "Ambassador",
          givenName: "Mitsuko",
          familyName: "Shino",
          position: "Deputy Permanent Representative of Japan to the United Nations",
          organization: "Permanent Mission of Japan to the United Nations",
          translations: {
            ja: { honorific: "大使", familyName: "志野", givenName: "光子", position: "国際連合日本政府代表部次席常駐代表", organization: "国際連合日本政府代表部" },
          },
        },
        {
          slug: "sima-bahous",
          honorific: "Ms.",
          givenName: "Sima",
          familyName: "Bahous",
          position: "Executive Director of UN Women",
          organization: "UN Women",
          translations: {
            ja: {
              familyName: "バフース",
              givenName: "シマ",
              position: "UN Women事務局長",
              organization: "UN Women（国連女性機関）",
              bio: "UN Women事務局長。ヨルダン出身。国連開発計画（UNDP）アラブ局長、国連事務次長補などを歴任し、ジェンダー平等と女性のエンパワーメントに長年取り組んできた。",
            },
          },
          email: DEMO_ACCOUNTS.panelist,
          userId: panelistUser!.id,
        },
        {
          slug: "merete-brattested",
          honorific: "Ambassador",
          givenName: "Merete",
          familyName: "Brattested",
          position: "Permanent Representative of Norway to the United Nations",
          organization: "Permanent Mission of Norway to the United Nations",
          translations: {
            ja: { honorific: "大使", familyName: "ブラッテステッド", givenName: "メレーテ", position: "国際連合ノルウェー政府代表部常駐代表", organization: "国際連合ノルウェー政府代表部" },
          },
        },
        {
          slug: "izumi-nakamitsu",
          honorific: "Ms.",
          givenName: "Izumi",
          familyName: "Nakamitsu",
          position: "UN Under-Secretary-General and High Representative for Disarmament Affairs",
          organization: "United Nations Office for Disarmament Affairs",
          translations: { ja: { familyName: "中満", givenName: "泉", position: "国連事務次長・軍縮担当上級代表", organization: "国連軍縮部" } },
        },
      ])
      .returning({ id: people.id });

    // The fourth meeting: 18 March 2024, 4:35 p.m. in New York (EDT, UTC−4), about 65 minutes.
    const fourthStart = new Date("2024-03-18T20:35:00Z");
    const [fourth] = await tx
      .insert(events)
      .values({
        slug: "wps-innovation-4-from-the-united-nations",
        title: "From the United Nations",
        topicId: topic!.id,
        seriesId: wps!.id,
        seriesNumber: 4,
        venueId: unhq!.id,
        timeZone: "America/New_York",
        startsAt: fourthStart,
        endsAt: new Date(fourthStart.getTime() + 65 * 60_000),
        capacity: 120,
        status: "scheduled",
        description:
          "The fourth dialogue on \"WPS + Innovation\", held at the United Nations during the Ministerial Meeting of the Security Council.",
        translations: {
          ja: {
            title: "国連からの発信",
            description: "国連安全保障理事会閣僚級会合の機会に国連本部で開催した、「WPS＋イノベーション」第4回会合です。",
          },
        },
      })
      .returning({ id: events.id });

    const participantRows = await tx
      .insert(eventParticipants)
      .values([
        { personId: kamikawa!.id, role: "host" as const, positionAtEvent: "Minister for Foreign Affairs of Japan" },
        {
          personId: shino!.id,
          role: "moderator" as const,
          positionAtEvent: "Deputy Permanent Representative of Japan to the United Nations",
        },
        { personId: bahous!.id, role: "panelist" as const, positionAtEvent: "Executive Director of UN Women" },
        {
          personId: brattested!.id,
          role: "panelist" as const,
          positionAtEvent: "Permanent Representative of Norway to the United Nations",
        },
        {
          personId: nakamitsu!.id,
          role: "panelist" as const,
          positionAtEvent: "UN Under-Secretary-General and High Representative for Disarmament Affairs",
        },
      ].map((p, i) => ({ ...p, eventId: fourth!.id, invitationStatus: "confirmed" as const, sortOrder: i, translations: positionInJapanese(p.positionAtEvent) })))
      .returning({ id: eventParticipants.id, role: eventParticipants.role });

    const [speech, panel, closing] = await tx
      .insert(agendaItems)
      .values([
        { kind: "speech" as const, title: "Opening speech by the Minister for Foreign Affairs", ja: "外務大臣による冒頭挨拶", minutes: 0, duration: 10 },
        { kind: "panel" as const, title: "Panel discussion", ja: "パネルディスカッション", minutes: 10, duration: 50 },
        { kind: "closing_remarks" as const, title: "Closing remarks", ja: "閉会挨拶", minutes: 60, duration: 5 },
      ].map((a, i) => ({
        eventId: fourth!.id,
        kind: a.kind,
        title: a.title,
        translations: { ja: { title: a.ja } },
        startsAt: new Date(fourthStart.getTime() + a.minutes * 60_000),
        durationMinutes: a.duration,
        sortOrder: i,
      })))
      .returning({ id: agendaItems.id });

    const host = participantRows.find((p) => p.role === "host")!;
    const panelParticipants = participantRows.filter((p) => p.role === "moderator" || p.role === "panelist");
    await tx.insert(agendaItemParticipants).values([
      { agendaItemId: speech!.id, participantId: host.id, sortOrder: 0 },
      ...panelParticipants.map((p, i) => ({ agendaItemId: panel!.id, participantId: p.id, sortOrder: i })),
      { agendaItemId: closing!.id, participantId: host.id, sortOrder: 0 },
    ]);

    // About 90 people came to the fourth meeting and were checked in at the door: its attendance.
    const categories = ["Government", "International organization", "Civil society", "Academia", "Media"];
    await tx.insert(registrations).values(
      Array.from({ length: 92 }, (_, i) => {
        const email = `attendee${i + 1}@example.org`;
        return {
          eventId: fourth!.id,
          name: `Attendee ${i + 1}`,
          email,
          emailNormalized: email,
          organization: i % 3 === 0 ? "Permanent Mission to the United Nations" : null,
          category: categories[i % categories.length]!,
          status: "confirmed" as const,
          manageTokenHash: createHash("sha256").update(`demo-attendee-${i + 1}-${randomUUID()}`).digest("hex"),
          checkInCode: `DEMO${String(i + 1).padStart(4, "0")}`,
          consentAt: new Date("2024-03-01T12:00:00Z"),
          confirmedAt: new Date("2024-03-01T12:00:00Z"),
          checkedInAt: new Date(fourthStart.getTime() - 10 * 60_000),
          createdAt: new Date("2024-03-01T12:00:00Z"),
        };
      }),
    );

    // Its summary, published by staff the day after, from the draft its records give.
    await publishDemoSummary(tx, { eventId: fourth!.id, staffId: staffUser!.id, photos, publishedAt: new Date(fourthStart.getTime() + DAY) });

    // The fifth meeting: six weeks ahead, 3 p.m. in Geneva, open for registration.
    const fifthDay = new Date(now.getTime() + 42 * DAY);
    const fifthStart = zonedDateTimeToUtc(fifthDay.toISOString().slice(0, 10), "15:00", "Europe/Zurich");
    const [fifth] = await tx
      .insert(events)
      .values({
        slug: "wps-innovation-5-geneva",
        title: "Technology, Peacebuilding and Women's Leadership",
        topicId: topic!.id,
        seriesId: wps!.id,
        seriesNumber: 5,
        venueId: geneva!.id,
        timeZone: "Europe/Zurich",
        startsAt: fifthStart,
        endsAt: new Date(fifthStart.getTime() + 90 * 60_000),
        capacity: 80,
        registrationOpensAt: new Date(now.getTime() - DAY),
        registrationClosesAt: new Date(fifthStart.getTime() - DAY),
        status: "scheduled",
        description:
          "The fifth dialogue on \"WPS + Innovation\": how new technology can widen women's part in peacebuilding, and where it can put them at risk.",
        translations: {
          ja: {
            title: "テクノロジー、平和構築と女性のリーダーシップ",
            description:
              "「WPS＋イノベーション」第5回会合です。新たなテクノロジーが平和構築における女性の役割をいかに広げ得るか、また、女性をどのような危険にさらし得るかについて議論します。",
          },
        },
      })
      .returning({ id: events.id });

    await tx.insert(eventParticipants).values([
      { eventId: fifth!.id, personId: shino!.id, role: "moderator" as const, positionAtEvent: "Deputy Permanent Representative of Japan to the United Nations", invitationStatus: "confirmed" as const, sortOrder: 0 },
      { eventId: fifth!.id, personId: bahous!.id, role: "panelist" as const, positionAtEvent: "Executive Director of UN Women", invitationStatus: "invited" as const, invitedAt: now, sortOrder: 1 },
    ].map((p) => ({ ...p, translations: positionInJapanese(p.positionAtEvent) })));
  });
}

/** Seeds only when the database is empty. Returns whether it did. */
export async function seedIfEmpty(now = new Date()): Promise<boolean> {
  if (!(await isEmpty())) return false;
  await seedDemo(now);
  return true;
}
