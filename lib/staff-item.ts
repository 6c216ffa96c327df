import "server-only";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { isUuid } from "@/lib/validations/common";

/**
 * The item a staff page at `${base}/[id]` is about, found by `load`: anyone but staff is sent to sign in
 * and back here, an unknown or malformed id is "not found".
 */
export async function staffItem<T>(params: Promise<{ id: string }>, base: string, load: (id: string) => Promise<T | undefined>) {
  const { id } = await params;
  await requireRole("staff", `${base}/${id}`);
  const item = isUuid(id) ? await load(id) : undefined;
  if (!item) notFound();
  return { id, item };
}
