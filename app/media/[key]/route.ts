import type { NextRequest } from "next/server";
import { mediaAccess } from "@/db/queries/media";
import { getCurrentUser, hasRole } from "@/lib/auth";
import { isStorageKey, storage } from "@/lib/storage";

type Context = { params: Promise<{ key: string }> };

const notFound = () =>
  new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * How long a public file may be reused before its cache asks again. The bytes behind an address never
 * change (it is their hash), but whether the public may see them does: a summary is unpublished, a
 * photo removed, a portrait replaced. So caches keep a public file for five minutes and then revalidate
 * it (a cheap 304 while it is still public, a 404 once it is not), never for a year.
 */
const PUBLIC_CACHE_CONTROL = "public, max-age=300, must-revalidate";

/** The address is the content's hash, so the key itself is a strong validator. */
const etagOf = (key: string) => `"${key}"`;

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

/**
 * Serves a stored image. Public files (approved portraits, published event photos with a description)
 * go to everyone, cached briefly (see PUBLIC_CACHE_CONTROL). Anything else is shown only to staff, its
 * uploader and the person it portrays, and never kept in a shared cache; to everyone else it does not
 * exist.
 */
export async function GET(request: NextRequest, { params }: Context): Promise<Response> {
  const { key } = await params;
  if (!isStorageKey(key)) return notFound();
  const access = await mediaAccess(key);
  if (!access) return notFound();
  if (!access.isPublic) {
    const me = await getCurrentUser();
    if (!me || !(hasRole(me.role, "staff") || access.viewerIds.has(me.id))) return notFound();
  }
  const etag = etagOf(key);
  if (access.isPublic && matches(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": PUBLIC_CACHE_CONTROL } });
  }
  const file = await storage().get(key);
  if (!file) return notFound();
  return new Response(file.body, {
    headers: {
      "Content-Type": access.mimeType,
      "Content-Length": String(file.size),
      "Content-Disposition": "inline",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": access.isPublic ? PUBLIC_CACHE_CONTROL : "private, no-store",
      ...(access.isPublic ? { ETag: etag } : {}),
      // Should the file ever be opened as a document, it can run nothing.
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
