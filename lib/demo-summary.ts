import type { Executor } from "@/db";
import { insertMedia } from "@/db/queries/media";
import {
  draftInputForEvent,
  insertSummaryRevision,
  listReferences,
  lockSummary,
  replaceReferences,
  setReferenceTranslations,
  updateEventPhoto,
  updateEventPhotoTranslation,
  updateSummaryRow,
} from "@/db/queries/summaries";
import { DEMO_PICTURES, type DemoPicture, renderDemoPicture } from "@/lib/demo-pictures";
import { type ProcessedImage, processImage } from "@/lib/images";
import { storage } from "@/lib/storage";
import { withTranslation } from "@/lib/i18n/localize";
import { generateSummaryDraft, PLACEHOLDER } from "@/lib/summary-draft";
import { PLACEHOLDER_JA } from "@/lib/summary-draft-ja";
import { publishProblems, translationProblems } from "@/lib/summary-publish";
import { photoDetailsSchema, referencesSchema, referenceTranslationsSchema } from "@/lib/validations/summary";

// The fourth meeting's summary as staff would publish it: the draft the editor generates from the
// event's records, its outline filled in, three described photos and two references.

/** What staff write in place of the draft's placeholders. */
const OUTLINE = {
  speech: [
    "Japan is vigorously promoting WPS to realize a safe and secure world where human dignity is protected, based on the principle of leaving no one behind, and collaboration with the UN is essential for this purpose.",
    "This is the fourth of a series of dialogues with stakeholders under the title “WPS + Innovation”. Almost a quarter of a century after the adoption of Security Council resolution 1325, it is time to bring innovation to WPS and take it to the next level.",
    "Recovery and reconstruction teams with the direct participation of women have achieved better results in Japan's disaster-affected areas, and the same holds internationally: Japan will keep the WPS perspective in its support for recovery and peacebuilding.",
    "The panel discussion that follows will hear frank opinions, from people on the front lines of UN operations and of WPS, on its challenges and its new areas of opportunity.",
  ],
  discussion:
    "The discussion was very active, with each panelist pointing out the progress on WPS in the Security Council in recent years, as well as the need to protect women in conflicts and for more women to take part in every field.",
  closing:
    "the opinions and suggestions gained in the panel discussion were very meaningful, and that she would work to translate the day's discussion into concrete actions to implement WPS",
};

const REFERENCES = [
  {
    title: "Women, Peace and Security (WPS)",
    text: "In 2000, the United Nations Security Council unanimously adopted resolution 1325 on Women, Peace and Security, which stated for the first time in the Council's history that international peace, and conflict prevention and resolution, require the equal participation of women, protection against sexual violence in conflict, and gender equality. To implement it and the related resolutions, Japan has formulated and implemented three national action plans.",
    url: null,
  },
  {
    title: "Opening remarks by the Minister for Foreign Affairs",
    text: "The full text of the minister's speech at the opening of the meeting, summarized in item 1 above.",
    url: null,
  },
];

/** Each picture's caption, and its description for people who cannot see it; both say it is a drawing. */
const PHOTO_DETAILS: Record<DemoPicture["name"], { caption: string; altText: string }> = {
  group: {
    caption: "Participants of the symposium (illustration)",
    altText: "Illustration: about twenty figures standing in three rows in front of a dark blue backdrop.",
  },
  speech: {
    caption: "The opening speech (illustration)",
    altText: "Illustration: a figure speaking at a wooden lectern between two blue flags, seen over the heads of the audience.",
  },
  panel: {
    caption: "The panel discussion (illustration)",
    altText: "Illustration: five figures seated at a long table on a stage, each with a microphone, facing the audience.",
  },
};

// The Japanese version, as staff would write it from the Japanese draft: a Japanese press release.
const JAPANESE = {
  title: "上川外務大臣の「WPS＋イノベーション」第4回会合「国連からの発信」への出席",
  speech: [
    "日本は、誰一人取り残さないとの理念の下、人間の尊厳が守られる安全・安心な世界の実現に向けてWPSを力強く推進しており、そのためには国連との連携が不可欠です。",
    "本会合は「WPS＋イノベーション」と題した関係者との対話シリーズの第4回です。安保理決議第1325号の採択から四半世紀近くが経つ今、WPSにイノベーションをもたらし、次の段階へと進める時です。",
    "日本の被災地では、女性が直接参画した復旧・復興チームがより良い成果を上げており、これは国際的にも同様です。日本は、復興・平和構築の支援においてWPSの視点を堅持していきます。",
    "続くパネルディスカッションでは、国連の活動とWPSの最前線にいる方々から、その課題と新たな機会について率直な意見を伺いたいと考えています。",
  ],
  discussion:
    "議論は非常に活発に行われ、各パネリストから、近年の安保理におけるWPSの進展とともに、紛争下における女性の保護と、あらゆる分野への女性の一層の参画の必要性が指摘されました。",
  closing: "パネルディスカッションで得られた意見や提言は大変有意義であり、本日の議論をWPSの実践に向けた具体的な行動につなげていきたい",
  attendees: "各国国連常駐代表を含め",
  references: [
    {
      title: "女性・平和・安全保障（WPS）",
      text: "2000年、国連安全保障理事会は、女性・平和・安全保障に関する決議第1325号を全会一致で採択しました。同決議は、国際の平和と安全の維持、紛争の予防と解決には、女性の平等な参画、紛争下の性的暴力からの保護及びジェンダー平等が必要であることを、安保理の歴史上初めて明記したものです。日本は、同決議及び関連決議を実施するため、これまで3次にわたる行動計画を策定・実施してきました。",
    },
    { title: "外務大臣による冒頭挨拶", text: "上記1で概要を記した、会合冒頭における大臣挨拶の全文です。" },
  ],
  photos: {
    group: { caption: "シンポジウムの参加者（イラスト）", altText: "イラスト：紺色の背景幕の前で、約20人の人物が3列に並んで立っている様子。" },
    speech: { caption: "冒頭挨拶の様子（イラスト）", altText: "イラスト：2本の青い旗の間の木製の演台で話す人物を、聴衆の頭越しに見た様子。" },
    panel: { caption: "パネルディスカッションの様子（イラスト）", altText: "イラスト：舞台上の長机に、それぞれマイクを前にした5人の人物が聴衆に向かって座っている様子。" },
  } satisfies Record<DemoPicture["name"], { caption: string; altText: string }>,
};

/** The Japanese draft with its notes to the editor replaced, as staff would finish it. */
function finishJapaneseDraft(body: string): string {
  const outline = `（1）${PLACEHOLDER_JA.speechPoint}\n\n（2）${PLACEHOLDER_JA.speechPoint}`;
  if (!body.includes(outline)) throw new Error("The demo summary: the Japanese draft has no speech outline to fill in.");
  return body
    .replace(outline, JAPANESE.speech.map((p, i) => `（${i + 1}）${p}`).join("\n\n"))
    .replace(PLACEHOLDER_JA.discussion, JAPANESE.discussion)
    .replace(PLACEHOLDER_JA.closing, JAPANESE.closing)
    .replace(PLACEHOLDER_JA.attendees, JAPANESE.attendees);
}

export type DemoPhoto = ProcessedImage & { name: DemoPicture["name"] };

let rendered: Promise<DemoPhoto[]> | undefined;

/**
 * The demo's pictures, drawn, checked and re-encoded as an upload would be, and put in storage by
 * their content hash (so storing them twice is harmless). Drawn once per process.
 */
export async function storeDemoPhotos(): Promise<DemoPhoto[]> {
  rendered ??= Promise.all(
    DEMO_PICTURES.map(async (picture) => ({ ...(await processImage(await renderDemoPicture(picture), "event")), name: picture.name })),
  ).catch((error: unknown) => {
    rendered = undefined;
    throw error;
  });
  const photos = await rendered;
  for (const photo of photos) await storage().put(photo.key, photo.bytes, photo.mime);
  return photos;
}

/** Replaces the first numbered outline under the speech with the given points. */
function fillOutline(body: string, points: string[]): string {
  const marker = `   1. ${PLACEHOLDER.speechPoint}\n   2. ${PLACEHOLDER.speechPoint}`;
  if (!body.includes(marker)) throw new Error("The demo summary: the draft has no speech outline to fill in.");
  return body.replace(marker, points.map((p, i) => `   ${i + 1}. ${p}`).join("\n"));
}

/**
 * Writes and publishes the event's summary inside the seed's transaction, by the staff account
 * `staffId`, released on `publishedAt`: the generated draft with its placeholders replaced, the photos (already stored) with
 * captions and descriptions, and the references. Publishing is held to the rules staff meet: if the
 * summary would be refused, the seed fails with the reasons.
 */
export async function publishDemoSummary(
  tx: Executor,
  { eventId, staffId, photos, publishedAt }: { eventId: string; staffId: string; photos: DemoPhoto[]; publishedAt: Date },
): Promise<void> {
  const input = await draftInputForEvent(eventId, tx);
  if (!input) throw new Error("The demo summary: its event is missing.");
  const draft = generateSummaryDraft(input);
  const body = fillOutline(draft.body, OUTLINE.speech).replace(PLACEHOLDER.discussion, OUTLINE.discussion).replace(PLACEHOLDER.closing, OUTLINE.closing);

  const summary = await lockSummary(eventId, tx);
  const row = await updateSummaryRow(
    summary.id,
    {
      title: "WPS + Innovation: From the United Nations",
      lede: draft.lede,
      body,
      attendanceCount: draft.attendanceCount,
      attendanceWording: draft.attendanceWording,
    },
    tx,
  );
  await insertSummaryRevision({ summaryId: summary.id, title: row.title, lede: row.lede, body: row.body, authorId: staffId }, tx);

  for (const [i, photo] of photos.entries()) {
    const inserted = await insertMedia(
      { storageKey: photo.key, mimeType: photo.mime, width: photo.width, height: photo.height, bytes: photo.bytes.length, uploadedById: staffId, eventId, sortOrder: i },
      tx,
    );
    // The details as the editor's form would send them, through its schema.
    const details = photoDetailsSchema.parse({ eventId, id: inserted.id, ...PHOTO_DETAILS[photo.name] });
    await updateEventPhoto(eventId, inserted.id, { caption: details.caption, altText: details.altText }, tx);
    const ja = photoDetailsSchema.parse({ eventId, id: inserted.id, language: "ja", ...JAPANESE.photos[photo.name] });
    await updateEventPhotoTranslation(eventId, inserted.id, "ja", { caption: ja.caption, altText: ja.altText }, tx);
  }

  const { references } = referencesSchema.parse({ eventId, references: REFERENCES });
  await replaceReferences(summary.id, references, tx);

  const problems = await publishProblems(eventId, tx);
  if (problems.length) throw new Error(`The demo summary cannot be published: ${problems.join(" ")}`);
  const published = await updateSummaryRow(summary.id, { status: "published", publishedAt, updatedAt: row.updatedAt }, tx);

  await publishJapaneseVersion(tx, { eventId, staffId, summary: published, publishedAt });
}

/**
 * The Japanese version beside it: the Japanese draft from the records' Japanese versions, finished,
 * with the references in Japanese (the photos' captions were given with them), published the same day.
 */
async function publishJapaneseVersion(
  tx: Executor,
  { eventId, staffId, summary, publishedAt }: { eventId: string; staffId: string; summary: Awaited<ReturnType<typeof lockSummary>>; publishedAt: Date },
): Promise<void> {
  const input = await draftInputForEvent(eventId, tx);
  const draft = generateSummaryDraft(input!, "ja");
  const version = { title: JAPANESE.title, lede: draft.lede, body: finishJapaneseDraft(draft.body), attendanceWording: draft.attendanceWording };
  const row = await updateSummaryRow(summary.id, { translations: withTranslation(summary.translations, "ja", version), updatedAt: summary.updatedAt }, tx);
  await insertSummaryRevision({ summaryId: summary.id, title: version.title, lede: version.lede, body: version.body, language: "ja", authorId: staffId }, tx);

  const references = await listReferences(summary.id, tx);
  const translated = referenceTranslationsSchema.parse({
    eventId,
    language: "ja",
    references: references.map((r, i) => ({ referenceId: r.id, ...JAPANESE.references[i] })),
  });
  await setReferenceTranslations(summary.id, "ja", translated.references, tx);

  const problems = translationProblems(row, "ja", "en");
  if (problems.length) throw new Error(`The demo summary's Japanese version cannot be published: ${problems.join(" ")}`);
  await updateSummaryRow(summary.id, { translationPublishedAt: { ja: publishedAt.toISOString() }, updatedAt: row.updatedAt }, tx);
}
