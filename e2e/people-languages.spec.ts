import { expect, test, waitForHydration } from "./fixtures";

const PERSON = "Ms. Sima Bahous";

test("a panelist edits their Japanese bio on /me, staff approve it, and the staff person page shows it", async ({ panelistPage: page, staffPage }) => {
  const bio = `国連女性機関（UN Women）事務局長。ジェンダー平等の推進に取り組む。（${Date.now()}）`;

  await test.step("the panelist sends the Japanese version of their bio for review", async () => {
    await page.goto("/me");
    const section = page.getByRole("region", { name: "Your profile in Japanese" });
    const form = section.getByRole("form", { name: "Japanese version of your profile" });
    const send = form.getByRole("button", { name: "Send the Japanese version for review" });
    await waitForHydration(send);
    const field = form.getByLabel("Bio (Japanese)");
    await expect(field).toHaveAttribute("lang", "ja");
    await field.fill(bio);
    await send.click();
    await expect(form.getByRole("status").filter({ hasText: "Sent for review." })).toBeVisible();
    await expect(section.getByRole("definition").filter({ hasText: bio })).toBeVisible();
  });

  await test.step("staff see it is the Japanese version and approve it", async () => {
    await staffPage.goto("/admin/approvals");
    const review = staffPage.getByRole("article", { name: `${PERSON} · Japanese` });
    await expect(review.getByText("Changes to the Japanese version only")).toBeVisible();
    await expect(review.getByRole("rowheader", { name: /^Bio/ })).toContainText("Changed");
    await expect(review.getByRole("cell", { name: bio })).toBeVisible();
    const approve = review.getByRole("button", { name: `Approve the changes of ${PERSON} in Japanese` });
    await waitForHydration(approve);
    await approve.click();
    await expect(staffPage.getByRole("status").filter({ hasText: `Approved: ${PERSON}'s profile in Japanese is updated.` })).toBeVisible();
  });

  await test.step("the staff person page shows the Japanese bio beside the English fields", async () => {
    await staffPage.goto("/admin/people?q=Bahous");
    await staffPage.getByRole("link", { name: PERSON }).click();
    await expect(staffPage.getByRole("heading", { level: 1, name: PERSON })).toBeVisible();
    await expect(staffPage.getByLabel("Bio (Japanese)")).toHaveValue(bio);
    await expect(staffPage.getByLabel("Family name (Japanese)")).toHaveValue("バフース");
    await expect(staffPage.getByLabel("Bio", { exact: true })).not.toHaveValue(bio);
  });
});
