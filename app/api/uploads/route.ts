import { type NextRequest, NextResponse } from "next/server";
import { db } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { requestInfo } from "@/lib/request-info";
import { getEvent } from "@/db/queries/events";
import { insertMedia, lockStoredBytesOf, storedBytesOf } from "@/db/queries/media";
import { getPerson } from "@/db/queries/people";
import { getOwnPerson } from "@/db/queries/profiles";
import { getCurrentUser, hasRole } from "@/lib/auth";
import { env } from "@/lib/env";
import { ImageRejected, MAX_UPLOAD_BYTES, MESSAGES, processImage, readBodyWithLimit, takeUploadSlot } from "@/lib/images";
import { mediaUrl, storage } from "@/lib/storage";
import { type UploadedMedia, uploadParamsSchema } from "@/lib/validations/upload";


const NOT_FOUND = "We could not find where this photo belongs.";

function problem(status: number, error: string, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json({ error }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

const QUOTA_EXCEEDED = Symbol("quota exceeded");

/** A browser sends Origin with every upload; one from another site is not this site's form. */
function fromThisSite(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? request.nextUrl.host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Takes one photo as the request body (its bytes, not a form): a portrait (panelists for their own
 * person, staff for anyone) or an event photo (staff). The file is checked by its content,
 * re-encoded, stored by content hash, and recorded as a media row that nobody but its uploader, its
 * person and staff can see until it is approved or published.
 */
export async function POST(request: NextRequest): Promise<Response> {
  const me = await getCurrentUser();
  if (!me) return problem(401, "Please sign in to upload photos.");
  const client = await requestInfo();
  if (!fromThisSite(request)) return problem(403, "Uploads must come from this site.");

  const parsed = uploadParamsSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return problem(400, parsed.error.issues[0]?.message ?? "That upload is not complete.");
  const { purpose, personId, eventId } = parsed.data;
  const isStaff = hasRole(me.role, "staff");

  let owner: { personId: string } | { eventId: string };
  if (purpose === "portrait") {
    const own = await getOwnPerson(me.id);
    if (personId && personId !== own?.id) {
      if (!isStaff) {
        await writeAudit({ actorId: me.id, client, action: "media.upload_denied", entityType: "person", entityId: personId, changes: { attemptedPersonId: personId } });
        return problem(404, NOT_FOUND);
      }
      if (!(await getPerson(personId))) return problem(404, NOT_FOUND);
    }
    const target = personId ?? own?.id;
    if (!target) return problem(400, "Your account has no profile to add a photo to yet.");
    owner = { personId: target };
  } else {
    if (!isStaff || !eventId || !(await getEvent(eventId))) return problem(404, NOT_FOUND);
    owner = { eventId };
  }

  if (request.headers.get("content-type")?.toLowerCase().startsWith("multipart/")) {
    return problem(415, "Send the image file itself as the request body, not a form.");
  }
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) return problem(413, MESSAGES.tooLarge);

  // Each upload holds its body and a decode in memory: an account gets a few at a time, not a flood.
  const release = takeUploadSlot(me.id);
  if (!release) return problem(429, MESSAGES.busy, { "Retry-After": "5" });
  // Staff curate the site's photos; a panelist's own uploads count against a quota.
  const quotaBytes = isStaff ? null : env().UPLOAD_QUOTA_MB * 1024 * 1024;
  try {
    if (quotaBytes !== null && (await storedBytesOf(me.id)) >= quotaBytes) return problem(403, MESSAGES.quota(env().UPLOAD_QUOTA_MB));
    const image = await processImage(await readBodyWithLimit(request.body), purpose);
    const row = await db.transaction(async (tx) => {
      if (quotaBytes !== null && (await lockStoredBytesOf(me.id, tx)) + image.bytes.length > quotaBytes) return QUOTA_EXCEEDED;
      // Written inside the transaction: a file whose row is refused is an orphan at worst, never a row without its file.
      await storage().put(image.key, image.bytes, image.mime);
      const inserted = await insertMedia(
        { storageKey: image.key, mimeType: image.mime, width: image.width, height: image.height, bytes: image.bytes.length, uploadedById: me.id, ...owner },
        tx,
      );
      await writeAudit({ actorId: me.id, client, action: "media.upload", entityType: "media", entityId: inserted.id, changes: { purpose, ...owner, key: image.key } }, tx);
      return inserted;
    });
    if (row === QUOTA_EXCEEDED) return problem(403, MESSAGES.quota(env().UPLOAD_QUOTA_MB));
    const body: UploadedMedia = { id: row.id, url: mediaUrl(row.storageKey), width: row.width, height: row.height };
    return NextResponse.json(body, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof ImageRejected) return problem(error.status, error.message);
    throw error;
  } finally {
    release();
  }
}
