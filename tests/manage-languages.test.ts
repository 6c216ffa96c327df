import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelMyRegistration, eraseMyRegistration } from "@/app/(public)/registrations/[token]/actions";
import { saveMyFeedback } from "@/app/(public)/registrations/[token]/feedback-actions";
import { confirmUnsubscribe } from "@/app/(public)/unsubscribe/[token]/actions";
import { settings } from "@/db/schema";
import { unsubscribeToken } from "@/lib/email/unsubscribe";
import { registrationContext, type RegistrationContext } from "@/lib/registration/context";
import { registerForEvent } from "@/lib/registration/seats";
import { attendee, heldEvent } from "./support/after-event";
import { closeDb, db, resetWithDemo } from "./support/db";
import { registrants } from "./support/registrant";
import { scratchEvent } from "./support/scratch-event";
import { actAs } from "./support/session";
import { formData as form } from "./support/form-data";

const now = new Date();
let ctx: RegistrationContext;
const person = registrants({ email: "manage-lang-" });
const asPublic = { kind: "public" as const, client: null };

beforeAll(async () => {
  await resetWithDemo(now);
  await db.update(settings).set({ defaultLanguage: "en", enabledLanguages: ["en", "ja"] });
  ctx = await registrationContext(now);
  await actAs(null);
});
afterAll(closeDb);

async function registered(label: string) {
  const event = await scratchEvent("Manage languages", now, 10);
  const result = await registerForEvent(person(event.id, label), asPublic, ctx);
  if (result.outcome !== "created") throw new Error("not created");
  return result.manageToken;
}

const redirectTo = (path: string) => ({ digest: expect.stringContaining(`;${path};`) });

describe("the registrant's forms send back to the page's language", () => {
  it("cancels from a Japanese page back to the Japanese page, and from an unprefixed one to the unprefixed one", async () => {
    const ja = await registered("ja");
    await expect(cancelMyRegistration(form({ token: ja, lang: "ja" }))).rejects.toMatchObject(redirectTo(`/ja/registrations/${ja}?cancelled=1`));
    await expect(cancelMyRegistration(form({ token: ja, lang: "ja" }))).rejects.toMatchObject(redirectTo(`/ja/registrations/${ja}?refused=already_cancelled`));
    const en = await registered("en");
    await expect(cancelMyRegistration(form({ token: en }))).rejects.toMatchObject(redirectTo(`/registrations/${en}?cancelled=1`));
  });

  it("ignores a language the site does not offer", async () => {
    const token = await registered("fr");
    await expect(cancelMyRegistration(form({ token, lang: "fr" }))).rejects.toMatchObject(redirectTo(`/registrations/${token}?cancelled=1`));
  });

  it("deletes the data from a Japanese page, and lands on the Japanese outcome page", async () => {
    const token = await registered("erase");
    await expect(eraseMyRegistration(form({ token, lang: "ja" }))).rejects.toMatchObject(redirectTo(`/ja/registrations/${token}?erase=unconfirmed#erase-heading`));
    await expect(eraseMyRegistration(form({ token, lang: "ja", confirm: "on" }))).rejects.toMatchObject(redirectTo("/ja/registrations/deleted?cancelled=1"));
  });

  it("answers the feedback form in the page's language", async () => {
    const event = await heldEvent("Manage languages feedback");
    const { token } = await attendee(event.id, `rater-ja-${event.id.slice(0, 8)}@example.org`);
    expect(await saveMyFeedback(null, form({ token, lang: "ja" }))).toMatchObject({ status: "invalid", message: "入力内容をご確認ください。", fieldErrors: { rating: ["1から5までの評価をお選びください。"] } });
    expect(await saveMyFeedback(null, form({ token, lang: "ja", rating: "2", comment: "x".repeat(2001) }))).toMatchObject({
      fieldErrors: { comment: ["コメントは2,000文字以内でご記入ください。"] },
    });
    expect(await saveMyFeedback(null, form({ token, lang: "ja", rating: "5" }))).toMatchObject({ status: "saved", message: "ご感想をお寄せいただき、ありがとうございました。" });
    expect(await saveMyFeedback(null, form({ token, rating: "4" }))).toMatchObject({ status: "saved", message: "Thank you for your feedback." });
  });

  it("unsubscribes from a Japanese page back to the Japanese page", async () => {
    const token = unsubscribeToken("someone-ja@example.org");
    await expect(confirmUnsubscribe(form({ token, lang: "ja" }))).rejects.toMatchObject(redirectTo(`/ja/unsubscribe/${token}?done=1`));
  });
});
