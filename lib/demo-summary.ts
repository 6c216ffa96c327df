import type { Executor } from "@/db";
import { insertMedia } from "@/db/queries/media";
import { draftInputForEvent, insertSummaryRevision, lockSummary, replaceReferences, updateEventPhoto, updateSummaryRow } from "@/db/queries/summaries";
import { DEMO_PICTURES, type DemoPicture, renderDemoPicture } from "@/lib/demo-pictures";
import { type ProcessedImage, processImage } from "@/lib/images";
import { storage } from "@/lib/storage";
import { generateSummaryDraft, PLACEHOLDER } from "@/lib/summary-draft";
import { publishProblems } from "@/lib/summary-publish";
import { photoDetailsSchema, referencesSchema } from "@/lib/validations/summary";

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
  }

  const { references } = referencesSchema.parse({ eventId, references: REFERENCES });
  await replaceReferences(summary.id, references, tx);

  const problems = await publishProblems(eventId, tx);
  if (problems.length) throw new Error(`The demo summary cannot be published: ${problems.join(" ")}`);
  await updateSummaryRow(summary.id, { status: "published", publishedAt, updatedAt: row.updatedAt }, tx);
}
