import { expect, savePersonAsStaff, test, waitForHydration } from "./fixtures";

const PERSON = "Ms. Sima Bahous";
const FIFTH = "Technology, Peacebuilding and Women's Leadership";

test("approving an older change keeps a later staff edit when staff choose it, and carries the new position onto upcoming events", async ({
  panelistPage,
  staffPage,
}) => {
  const run = Date.now();
  const newPosition = `Under-Secretary-General ${run}`;
  const panelistBio = `The panelist's own words ${run}.`;
  const staffBio = `The office's corrected bio ${run}.`;

  await test.step("the panelist proposes a new position and bio", async () => {
    await panelistPage.goto("/me");
    const form = panelistPage.getByRole("form", { name: "Edit your profile" });
    const send = form.getByRole("button", { name: "Send for review" });
    await waitForHydration(send);
    await form.getByLabel("Position", { exact: true }).fill(newPosition);
    await form.getByLabel("Bio", { exact: true }).fill(panelistBio);
    await send.click();
    await expect(form.getByRole("status").filter({ hasText: "Sent for review." })).toBeVisible();
  });

  await test.step("staff then correct the bio on the person's page", async () => {
    await savePersonAsStaff(staffPage, "Bahous", PERSON, () => staffPage.getByLabel("Bio", { exact: true }).fill(staffBio));
  });

  await test.step("the review shows the conflict and asks staff to choose", async () => {
    await staffPage.goto("/admin/approvals");
    const review = staffPage.getByRole("article", { name: PERSON });
    await expect(review.getByRole("rowheader", { name: /^Bio/ })).toContainText("Also edited by staff");
    await expect(review.getByRole("rowheader", { name: /^Position/ })).toContainText("Changed");
    const approve = review.getByRole("button", { name: `Approve the changes of ${PERSON}` });
    await waitForHydration(approve);
    await approve.click();
    await expect(review.getByRole("alert")).toHaveText("Choose which value to keep for Bio first.");

    const choice = review.getByRole("group", { name: `Changed by staff since ${PERSON} proposed` });
    await choice.getByRole("radio", { name: `Keep the staff edit: ${staffBio}` }).check();
    await approve.click();
    await expect(staffPage.getByRole("status").filter({ hasText: `Approved: ${PERSON}'s profile is updated.` })).toBeVisible();
  });

  await test.step("staff update the position on the upcoming meeting in one action", async () => {
    const offer = staffPage.getByRole("region", { name: `Update ${PERSON}'s position on upcoming events?` });
    await expect(offer).toContainText(newPosition);
    await expect(offer.getByRole("checkbox", { name: new RegExp(FIFTH) })).toBeChecked();
    await offer.getByRole("button", { name: "Update the position on 1 event" }).click();
    await expect(offer.getByRole("status")).toHaveText("Updated the position on 1 upcoming event.");
  });

  await test.step("the person keeps the staff bio and has the new position", async () => {
    await staffPage.goto("/admin/people?q=Bahous");
    await staffPage.getByRole("link", { name: PERSON }).click();
    await expect(staffPage.getByLabel("Bio", { exact: true })).toHaveValue(staffBio);
    await expect(staffPage.getByLabel("Position", { exact: true })).toHaveValue(newPosition);
  });
});
