import type { NextRequest } from "next/server";
import { mediaAccess } from "@/db/queries/media";
import { getCurrentUser, hasRole } from "@/lib/auth";
import { isStorageKey, storage } from "@/lib/storage";

type Context = { params: Promise<{ key: string }> };

const notFound = () =>
  new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * Serves a stored image. Public files (approved portraits, published event photos) are cached for
 * good: the address is the content's hash, so it never changes meaning. Anything else is shown only
 * to staff, its uploader and the person it portrays, and never kept in a shared cache; to everyone
 * else it does not exist.
 */
export async function GET(_request: NextRequest, { params }: Context): Promise<Response> {
  const { key } = await params;
  if (!isStorageKey(key)) return notFound();
  const access = await mediaAccess(key);
  if (!access) return notFound();
  if (!access.isPublic) {
    const me = await getCurrentUser();
    if (!me || !(hasRole(me.role, "staff") || access.viewerIds.has(me.id))) return notFound();
  }
  const file = await storage().get(key);
  if (!file) return notFound();
  return new Response(file.body, {
    headers: {
      "Content-Type": access.mimeType,
      "Content-Length": String(file.size),
      "Content-Disposition": "inline",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": access.isPublic ? "public, max-age=31536000, immutable" : "private, no-store",
      // Should the file ever be opened as a document, it can run nothing.
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
