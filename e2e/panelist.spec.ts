import sharp from "sharp";
import { expect, readInvitationLink, readOutboxLinks, savePersonAsStaff, test, uniqueEmail, waitForHydration } from "./fixtures";

const PERSON = "Ambassador Merete Brattested";
const SLUG = "merete-brattested";
const EVENT = "Technology, Peacebuilding and Women's Leadership";
const EVENT_SLUG = "wps-innovation-5-geneva";

test("staff invite a person, who accepts, updates their profile, and staff approve it", async ({ staffPage, adminPage, browser }) => {
  const email = uniqueEmail("merete");
  const newBio = `Merete Brattested has represented Norway at the United Nations since 2023.\n\nShe chaired the journey test ${Date.now()}.`;
  const firstParagraph = newBio.split("\n\n")[0]!;
  const alt = "Merete Brattested in front of a window";

  await test.step("staff give the person a private email and invite them", async () => {
    await savePersonAsStaff(staffPage, "Brattested", PERSON, () => staffPage.getByLabel("Private email (optional)").fill(email));

    await staffPage.goto("/admin/events");
    await staffPage.getByRole("link", { name: EVENT }).first().click();
    await staffPage.getByRole("link", { name: "Participants", exact: true }).click();
    await expect(staffPage).toHaveURL(/\/participants$/);
    const add = staffPage.getByRole("form", { name: "Add a participant" });
    await waitForHydration(add.getByRole("button", { name: "Add participant" }));
    await add.getByLabel("Person", { exact: true }).selectOption({ label: PERSON });
    await add.getByLabel("Role", { exact: true }).selectOption({ label: "Panelist" });
    await add.getByRole("button", { name: "Add participant" }).click();

    const row = staffPage.getByRole("listitem").filter({ hasText: PERSON });
    await expect(row.getByText("Invitation: Not invited")).toBeVisible();
    const invite = row.getByRole("button", { name: `Invite ${PERSON}`, exact: true });
    await waitForHydration(invite);
    await invite.click();
    await expect(row.getByRole("status").filter({ hasText: `Invitation sent to ${PERSON}.` })).toBeVisible();
    await expect(row.getByText(/Invitation: Invited · sent /)).toBeVisible();
  });

  const link = await readInvitationLink(adminPage, email);
  const panelistContext = await browser.newContext();
  const anonymousContext = await browser.newContext();
  try {
    const page = await panelistContext.newPage();
    const visitor = await anonymousContext.newPage();

    await test.step("the invitee opens the link, lands on the invitation and accepts", async () => {
      await page.goto(link);
      await expect(page).toHaveURL(/\/me\/invitations\/[0-9a-f-]{36}$/);
      await expect(page.getByRole("heading", { level: 1, name: EVENT })).toBeVisible();
      await expect(page.getByText(/\(local time; .+ JST\)/)).toBeVisible();
      await expect(page.getByText("Palais des Nations")).toBeVisible();
      await expect(page.getByText("You have not answered yet.")).toBeVisible();
      const accept = page.getByRole("button", { name: "Accept" });
      await waitForHydration(accept);
      await page.getByLabel("Message for the organizers (optional)").fill("Delighted to join.");
      await accept.click();
      await expect(page.getByRole("status").filter({ hasText: "you accepted" })).toBeVisible();
      await expect(page.getByText(/^You accepted on /)).toBeVisible();
    });

    await test.step("the public profile shows the old bio before the change", async () => {
      await visitor.goto(`/people/${SLUG}`);
      await expect(visitor.getByRole("heading", { level: 1, name: PERSON })).toBeVisible();
      await expect(visitor.getByText(firstParagraph)).toHaveCount(0);
      await expect(visitor.getByRole("img", { name: alt })).toHaveCount(0);
    });

    await test.step("the panelist edits the bio, uploads a photo and sends the change for review", async () => {
      await page.getByRole("link", { name: "← My profile" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "My profile" })).toBeVisible();
      await expect(page.getByRole("heading", { name: PERSON })).toBeVisible();
      const upcoming = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: EVENT, exact: true }) });
      await expect(upcoming).toContainText("Panelist · Invitation: Confirmed");

      const form = page.getByRole("form", { name: "Edit your profile" });
      const send = form.getByRole("button", { name: "Send for review" });
      await waitForHydration(send);
      await form.getByLabel("Bio", { exact: true }).fill(newBio);
      // The live preview follows the typing.
      await expect(page.getByRole("region", { name: "Preview" }).getByText(firstParagraph)).toBeVisible();

      const photo = await sharp({ create: { width: 600, height: 800, channels: 3, background: { r: 30, g: 90, b: 160 } } }).png().toBuffer();
      await form.getByLabel("Upload a photo").setInputFiles({ name: "portrait.png", mimeType: "image/png", buffer: photo });
      await expect(form.getByRole("status").filter({ hasText: "Photo uploaded." })).toBeVisible();
      await form.getByLabel("Photo description (alt text)").fill(alt);
      await expect(page.getByRole("region", { name: "Preview" }).getByRole("img", { name: alt })).toBeVisible();
      await send.click();
      await expect(form.getByRole("status").filter({ hasText: "Sent for review." })).toBeVisible();
      await expect(page.getByRole("region", { name: "Waiting for review" }).getByText(firstParagraph)).toBeVisible();
    });

    await test.step("the public profile still shows the old bio", async () => {
      await visitor.reload();
      await expect(visitor.getByRole("heading", { level: 1, name: PERSON })).toBeVisible();
      await expect(visitor.getByText(firstParagraph)).toHaveCount(0);
      await expect(visitor.getByRole("img", { name: alt })).toHaveCount(0);
    });

    await test.step("staff see the acceptance and approve the change", async () => {
      await staffPage.reload();
      const row = staffPage.getByRole("listitem").filter({ hasText: PERSON });
      await expect(row.getByText(/Invitation: Confirmed/)).toBeVisible();
      await expect(row.getByText("Delighted to join.")).toBeVisible();
      const notice = await readOutboxLinks(adminPage, "staff@example.org", new RegExp(`^${PERSON} accepted: `));
      expect(notice.some((href) => href.endsWith("/participants"))).toBe(true);

      await staffPage.goto("/admin/approvals");
      const review = staffPage.getByRole("article", { name: PERSON });
      await expect(review.getByRole("rowheader", { name: /^Bio/ })).toContainText("Changed");
      await expect(review.getByRole("img", { name: `Proposed photo: ${alt}` })).toBeVisible();
      const approve = review.getByRole("button", { name: `Approve the changes of ${PERSON}` });
      await waitForHydration(approve);
      await approve.click();
      await expect(staffPage.getByRole("status").filter({ hasText: `Approved: ${PERSON}'s profile is updated.` })).toBeVisible();
      await expect(staffPage.getByText("Nothing to review")).toBeVisible();
    });

    await test.step("the public profile and the event page show the new bio and photo", async () => {
      await visitor.goto(`/people/${SLUG}`);
      await expect(visitor.getByText(firstParagraph)).toBeVisible();
      const portrait = visitor.getByRole("img", { name: alt });
      await expect(portrait).toBeVisible();
      await expect.poll(() => portrait.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

      await visitor.goto(`/events/${EVENT_SLUG}`);
      const speakers = visitor.getByRole("region", { name: "Speakers" });
      await expect(speakers.getByRole("img", { name: alt })).toBeVisible();
      await speakers.getByRole("link", { name: PERSON }).click();
      await expect(visitor).toHaveURL(new RegExp(`/people/${SLUG}$`));
      await expect(visitor.getByText(firstParagraph)).toBeVisible();
    });
  } finally {
    await panelistContext.close();
    await anonymousContext.close();
  }
});
