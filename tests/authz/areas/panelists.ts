import { and, count, eq, gt, ne } from "drizzle-orm";
import { NextRequest } from "next/server";
import sharp from "sharp";
import { db } from "@/db";
import { eventParticipants, events, media, people, profileRevisions, outbox, users } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth";
import { processImage } from "@/lib/images";
import { storage } from "@/lib/storage";
import { action, type Expectation, type Fixtures, PUBLIC } from "../helpers";

// A panelist acts only on their own person. So that only authorization can refuse a call, each call
// acts on the caller's own person: the demo panelist's (Ms. Sima Bahous), or one linked to the staff
// or admin account on first use. Anonymous callers aim at the demo panelist's.
const SIGNED_IN = { anonymous: "deny", panelist: "allow", staff: "allow", admin: "allow" } as const;

const bySlug = async (slug: string) => (await db.select().from(people).where(eq(people.slug, slug)))[0]!;

async function callerPersonId(): Promise<string> {
  const me = await getCurrentUser();
  if (!me) return (await bySlug("sima-bahous")).id;
  const [own] = await db.select({ id: people.id }).from(people).where(eq(people.userId, me.id));
  if (own) return own.id;
  const [created] = await db
    .insert(people)
    .values({ slug: `own-${me.id}`, givenName: "Own", familyName: me.email, userId: me.id })
    .returning({ id: people.id });
  return created!.id;
}

async function fifthMeetingId(): Promise<string> {
  const [row] = await db.select({ id: events.id }).from(events).where(and(eq(events.status, "scheduled"), gt(events.endsAt, new Date())));
  return row!.id;
}

/** An open invitation of the person to an upcoming public event. */
async function invitationFor(personId: string): Promise<string> {
  const eventId = await fifthMeetingId();
  const [existing] = await db
    .select({ id: eventParticipants.id })
    .from(eventParticipants)
    .where(and(eq(eventParticipants.eventId, eventId), eq(eventParticipants.personId, personId), ne(eventParticipants.role, "guest")));
  const id =
    existing?.id ??
    (await db.insert(eventParticipants).values({ eventId, personId, role: "speaker", sortOrder: 50 }).returning({ id: eventParticipants.id }))[0]!.id;
  await db.update(eventParticipants).set({ invitationStatus: "invited", invitedAt: new Date(), respondedAt: null }).where(eq(eventParticipants.id, id));
  return id;
}

/** The person's one pending revision, made afresh. */
async function pendingRevisionFor(personId: string, n: number): Promise<string> {
  await db
    .update(profileRevisions)
    .set({ status: "withdrawn" })
    .where(and(eq(profileRevisions.personId, personId), eq(profileRevisions.status, "pending")));
  const person = (await db.select().from(people).where(eq(people.id, personId)))[0]!;
  const [row] = await db
    .insert(profileRevisions)
    .values({ personId, status: "pending", givenName: person.givenName, familyName: person.familyName, nameOrder: person.nameOrder, bio: `Proposed ${n}` })
    .returning({ id: profileRevisions.id });
  return row!.id;
}

const revisionRow = (f: Fixtures) => db.select().from(profileRevisions).where(eq(profileRevisions.id, f.scratch!));
const participantRow = (f: Fixtures) => db.select().from(eventParticipants).where(eq(eventParticipants.id, f.scratch!));
const revisionCount = async () => (await db.select({ n: count() }).from(profileRevisions))[0]?.n;
const mediaCount = async () => (await db.select({ n: count() }).from(media))[0]?.n;

const profileInput = async (f: Fixtures) => {
  const personId = await callerPersonId();
  const person = (await db.select().from(people).where(eq(people.id, personId)))[0]!;
  return { personId, givenName: person.givenName, familyName: person.familyName, nameOrder: person.nameOrder, bio: `Bio ${f.n}`, portraitId: "", portraitAlt: "" };
};

/** A scratch person with a private email, on the upcoming meeting, not yet invited. */
async function scratchInvitee(f: Fixtures) {
  const [person] = await db
    .insert(people)
    .values({ slug: `invitee-${f.n}`, givenName: "Ina", familyName: `Invitee ${f.n}`, email: `invitee-${f.n}@example.org` })
    .returning({ id: people.id });
  const [row] = await db
    .insert(eventParticipants)
    .values({ eventId: await fifthMeetingId(), personId: person!.id, role: "panelist", sortOrder: 60 + f.n })
    .returning({ id: eventParticipants.id });
  f.scratch = row!.id;
}

async function scratchRevision(f: Fixtures) {
  const [person] = await db.insert(people).values({ slug: `reviewed-${f.n}`, givenName: "Rev", familyName: `Reviewed ${f.n}` }).returning({ id: people.id });
  f.scratch = await pendingRevisionFor(person!.id, f.n);
}

/** A scratch person whose position changed, on the upcoming meeting with the old title. */
async function scratchPositionChange(f: Fixtures) {
  const [person] = await db
    .insert(people)
    .values({ slug: `promoted-${f.n}`, givenName: "Pro", familyName: `Moted ${f.n}`, position: `New title ${f.n}` })
    .returning({ id: people.id });
  const [row] = await db
    .insert(eventParticipants)
    .values({ eventId: await fifthMeetingId(), personId: person!.id, role: "speaker", positionAtEvent: `Old title ${f.n}`, sortOrder: 80 + f.n })
    .returning({ id: eventParticipants.id });
  f.scratch = row!.id;
}

const smallPng = () => sharp({ create: { width: 40, height: 60, channels: 3, background: "#224488" } }).png().toBuffer();

/** A portrait approved onto a demo person: public to everyone. */
async function publicPortrait(f: Fixtures) {
  const image = await processImage(await sharp({ create: { width: 50, height: 50, channels: 3, background: { r: f.n % 255, g: 90, b: 40 } } }).png().toBuffer(), "portrait");
  await storage().put(image.key, image.bytes, image.mime);
  const person = await bySlug("kamikawa-yoko");
  const [row] = await db
    .insert(media)
    .values({ storageKey: image.key, mimeType: image.mime, width: image.width, height: image.height, bytes: image.bytes.length, personId: person.id, altText: "Portrait" })
    .returning({ id: media.id });
  await db.update(people).set({ portraitId: row!.id }).where(eq(people.id, person.id));
  f.scratch = image.key;
}

const ME = "app/(panelist)/me/actions.ts";
const APPROVALS = "app/(staff)/admin/approvals/actions.ts";
const PARTICIPANTS = "app/(staff)/admin/events/[id]/participants/actions.ts";

export const panelistsArea: Record<string, Expectation> = {
  [`${ME}#saveProfile`]: {
    call: async (f, mod, name) => (mod[name] as (i: unknown) => Promise<unknown>)(await profileInput(f)),
    state: revisionCount,
  },
  [`${ME}#saveProfileTranslation`]: {
    call: async (f, mod, name) => (mod[name] as (i: unknown) => Promise<unknown>)({ personId: await callerPersonId(), language: "ja", bio: `略歴 ${f.n}` }),
    state: revisionCount,
  },
  [`${ME}#saveEmailLanguage`]: {
    call: async (f, mod, name) => (mod[name] as (i: unknown) => Promise<unknown>)({ language: f.n % 2 ? "ja" : "en" }),
    state: () => db.select({ id: users.id, language: users.language }).from(users).orderBy(users.id),
  },
  [`${ME}#withdrawRevision`]: {
    prepare: async (f) => {
      f.scratch = await pendingRevisionFor((await bySlug("sima-bahous")).id, f.n);
    },
    call: async (f, mod, name) => {
      const personId = await callerPersonId();
      const bahous = (await bySlug("sima-bahous")).id;
      const id = personId === bahous ? f.scratch : await pendingRevisionFor(personId, f.n);
      return (mod[name] as (i: unknown) => Promise<unknown>)({ id });
    },
    state: revisionRow,
  },
  [`${ME}#respondToInvitation`]: {
    prepare: async (f) => {
      f.scratch = await invitationFor((await bySlug("sima-bahous")).id);
    },
    call: async (f, mod, name) => {
      const personId = await callerPersonId();
      const bahous = (await bySlug("sima-bahous")).id;
      const participantId = personId === bahous ? f.scratch : await invitationFor(personId);
      return (mod[name] as (i: unknown) => Promise<unknown>)({ participantId, answer: "accept", message: `Yes ${f.n}` });
    },
    state: participantRow,
  },

  [`${APPROVALS}#approveRevision`]: {
    prepare: scratchRevision,
    call: action((f) => ({ id: f.scratch })),
    state: async (f) => [await revisionRow(f), await db.select().from(people).where(eq(people.slug, `reviewed-${f.n}`))],
  },
  [`${APPROVALS}#rejectRevision`]: {
    prepare: scratchRevision,
    call: action((f) => ({ id: f.scratch, note: "Please use your official title." })),
    state: revisionRow,
  },

  [`${APPROVALS}#updateUpcomingPositions`]: {
    prepare: scratchPositionChange,
    call: async (f, mod, name) => {
      const [place] = await db.select().from(eventParticipants).where(eq(eventParticipants.id, f.scratch!));
      return (mod[name] as (i: unknown) => Promise<unknown>)({ personId: place!.personId, from: `Old title ${f.n}`, participantIds: [f.scratch] });
    },
    state: participantRow,
  },

  [`${PARTICIPANTS}#inviteParticipant`]: {
    prepare: scratchInvitee,
    call: action((f) => ({ id: f.scratch })),
    state: async (f) => [
      await participantRow(f),
      (await db.select({ n: count() }).from(users))[0]?.n,
      (await db.select({ n: count() }).from(outbox))[0]?.n,
    ],
  },

  "app/api/uploads/route.ts#POST": {
    who: SIGNED_IN,
    call: async (_f, mod, name) => {
      const personId = (await bySlug("sima-bahous")).id;
      const request = new NextRequest(`http://localhost:3000/api/uploads?purpose=portrait&personId=${personId}`, {
        method: "POST",
        body: await smallPng(),
        headers: { "content-type": "image/png" },
      });
      return (mod[name] as (r: NextRequest) => Promise<Response>)(request);
    },
    state: mediaCount,
  },
  "app/media/[key]/route.ts#GET": {
    who: PUBLIC,
    prepare: publicPortrait,
    call: (f, mod, name) =>
      (mod[name] as (r: NextRequest, ctx: { params: Promise<{ key: string }> }) => Promise<Response>)(new NextRequest(`http://localhost:3000/media/${f.scratch}`), {
        params: Promise.resolve({ key: f.scratch! }),
      }),
  },
};
