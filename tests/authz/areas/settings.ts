import { eq } from "drizzle-orm";
import sharp from "sharp";
import { db } from "@/db";
import { settings } from "@/db/schema";
import { action, type Expectation, type Fixtures } from "../helpers";

const settingsRow = () => db.select().from(settings).where(eq(settings.id, 1));

async function logoForm(f: Fixtures): Promise<FormData> {
  const png = await sharp({ create: { width: 40, height: 40, channels: 3, background: { r: 10, g: 40 + (f.n % 200), b: 90 } } }).png().toBuffer();
  const form = new FormData();
  form.set("logo", new File([new Uint8Array(png)], "logo.png", { type: "image/png" }));
  return form;
}

// Site settings are the admins'.
export const siteSettings: Record<string, Expectation> = {
  "app/(staff)/admin/settings/actions.ts#saveSettings": {
    call: action((f) => ({ organizationName: `Ministry ${f.n}`, homeTimeZone: "Asia/Tokyo", homeTimeZoneLabel: "JST", releaseLabel: "Press release" })),
    state: settingsRow,
  },
  "app/(staff)/admin/settings/actions.ts#saveLanguages": {
    call: action((f) => ({ defaultLanguage: "en", enabledLanguages: f.n % 2 ? ["en"] : ["en", "ja"] })),
    state: settingsRow,
  },
  "app/(staff)/admin/settings/actions.ts#uploadLogo": {
    call: async (f, mod, name) => (mod[name] as (state: unknown, form: FormData) => Promise<unknown>)(null, await logoForm(f)),
    state: settingsRow,
  },
  "app/(staff)/admin/settings/actions.ts#removeLogo": {
    call: action(() => undefined),
    state: settingsRow,
  },
};
