"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { insertMedia } from "@/db/queries/media";
import { lockSettings, saveSettingsRow, setLanguages, setLogoId, setRetentionMonths } from "@/db/queries/settings";
import { action } from "@/lib/action";
import { changedFields } from "@/lib/diff";
import { type ActionResult, fail } from "@/lib/errors";
import { ImageRejected, processImage } from "@/lib/images";
import { storage } from "@/lib/storage";
import { languagesSchema, logoSchema, retentionSchema, settingsSchema } from "@/lib/validations/settings";
import { publicChanged } from "@/lib/public-cache";

/** The organization's name, logo and home clock show on every page, so every cached page is stale. */
function everyPageChanged(): void {
  revalidatePath("/admin", "layout");
  publicChanged({ kind: "settings" });
}

/** The organization's name, home time zone and its label, and the label above published summaries. */
export const saveSettings = action({ role: "admin", schema: settingsSchema }, async ({ user: me, input: values, client }): Promise<ActionResult> => {
  await db.transaction(async (tx) => {
    const before = await lockSettings(tx);
    await saveSettingsRow(values, tx);
    const changes = before ? changedFields(before, values) : values;
    await writeAudit({ actorId: me.id, client, action: "settings.update", entityType: "settings", entityId: null, changes }, tx);
  });
  everyPageChanged();
  return { ok: true, data: undefined, message: "Settings saved. The public pages show them from now on." };
});

/**
 * How many months after its event a registration keeps its personal data. The next daily run
 * (lib/registration/retention.ts) applies it; nothing is removed here.
 */
export const saveRetention = action({ role: "admin", schema: retentionSchema }, async ({ user: me, input, client }): Promise<ActionResult> => {
  const months = input.registrationRetentionMonths;
  const changed = await db.transaction(async (tx) => {
    const before = await lockSettings(tx);
    if (!before) return null;
    if (before.registrationRetentionMonths === months) return false;
    await setRetentionMonths(months, tx);
    await writeAudit(
      { actorId: me.id, client, action: "settings.retention", entityType: "settings", entityId: null, changes: { registrationRetentionMonths: [before.registrationRetentionMonths, months] } },
      tx,
    );
    return true;
  });
  if (changed === null) return fail("Save the organization's name first, then the retention period.");
  // The privacy notice, which states the period, is rendered for each request.
  revalidatePath("/admin/settings");
  return { ok: true, data: undefined, message: changed ? "Retention period saved. The next daily run applies it." : "No changes to save." };
});

/**
 * The default language (the one every record's own fields are written in) and the languages the public
 * pages offer; the staff forms then show a version of each text in every other enabled language.
 */
export const saveLanguages = action({ role: "admin", schema: languagesSchema }, async ({ user: me, input, client }): Promise<ActionResult> => {
  const changed = await db.transaction(async (tx) => {
    const before = await lockSettings(tx);
    if (!before) return null;
    const changes = changedFields(before, input);
    if (Object.keys(changes).length === 0) return false;
    await setLanguages(input, tx);
    await writeAudit({ actorId: me.id, client, action: "settings.languages", entityType: "settings", entityId: null, changes }, tx);
    return true;
  });
  if (changed === null) return fail("Save the organization's name first, then its languages.");
  if (changed) everyPageChanged();
  return { ok: true, data: undefined, message: changed ? "Languages saved." : "No changes to save." };
});

export type LogoFormState = { ok: boolean; message: string; error?: string } | null;

/**
 * A new logo, from a plain form (it works before the page's JavaScript has loaded): checked by its
 * content and re-encoded without metadata like every photo, then stored by content hash.
 * Its arguments are a plain form's (the previous state, the form data), and so is its answer.
 */
export const uploadLogo = action({ role: "admin" }, async ({ user: me, client }, _previous: LogoFormState, formData: FormData): Promise<LogoFormState> => {
  const parsed = logoSchema.safeParse({ logo: formData instanceof FormData ? formData.get("logo") : null });
  if (!parsed.success) return { ok: false, message: "The logo was not changed.", error: parsed.error.issues[0]?.message };

  let image;
  try {
    image = await processImage(new Uint8Array(await parsed.data.logo.arrayBuffer()), "portrait");
  } catch (error) {
    if (error instanceof ImageRejected) return { ok: false, message: "The logo was not changed.", error: error.message };
    throw error;
  }
  await storage().put(image.key, image.bytes, image.mime);
  const saved = await db.transaction(async (tx) => {
    const before = await lockSettings(tx);
    if (!before) return false;
    const row = await insertMedia(
      { storageKey: image.key, mimeType: image.mime, width: image.width, height: image.height, bytes: image.bytes.length, altText: `${before.organizationName} logo`, uploadedById: me.id },
      tx,
    );
    await setLogoId(row.id, tx);
    await writeAudit({ actorId: me.id, client, action: "settings.logo", entityType: "settings", entityId: null, changes: { logoId: [before.logoId, row.id], key: image.key } }, tx);
    return true;
  });
  if (!saved) return { ok: false, message: "The logo was not changed.", error: "Save the organization's name first, then add its logo." };
  everyPageChanged();
  return { ok: true, message: "Logo saved. It heads the public pages from now on." };
});

/** Takes the logo off the public pages (the stored file stays, as every upload does). */
export const removeLogo = action({ role: "admin" }, async ({ user: me, client }): Promise<ActionResult> => {
  const changed = await db.transaction(async (tx) => {
    const before = await lockSettings(tx);
    if (!before?.logoId) return false;
    await setLogoId(null, tx);
    await writeAudit({ actorId: me.id, client, action: "settings.logo_removed", entityType: "settings", entityId: null, changes: { logoId: [before.logoId, null] } }, tx);
    return true;
  });
  if (!changed) return fail("There is no logo to remove.");
  everyPageChanged();
  return { ok: true, data: undefined, message: "Logo removed." };
});
