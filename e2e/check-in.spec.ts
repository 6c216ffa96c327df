import { addRegistration, eventIdByTitle, UPCOMING_TITLE } from "./check-in-desk";
import { expect, storageStatePath, test, waitForHydration } from "./fixtures";

// A tablet at the door.
const TABLET = { width: 1024, height: 768 };
const HELD_TITLE = "From the United Nations";

test.use({ viewport: TABLET });

test("the door at 1024×768: focus, green and red answers, a confirmed undo, and the list high on the screen", async ({ browser }) => {
  test.slow();
  const context = await browser.newContext({ viewport: TABLET, storageState: storageStatePath("staff") });
  const page = await context.newPage();
  try {
    const eventId = await eventIdByTitle(page, UPCOMING_TITLE);
    const stamp = Date.now();
    const arriving = `Dora Door ${stamp}`;
    const leaving = `Carl Callsoff ${stamp}`;
    const arrivingCode = await addRegistration(page, eventId, arriving, "door");
    const cancelledCode = await addRegistration(page, eventId, leaving, "door");

    // The second one cancels, from the staff list.
    const cancelRow = page.getByRole("row").filter({ hasText: leaving });
    const cancel = cancelRow.getByRole("button", { name: `Cancel the registration of ${leaving}` });
    await waitForHydration(cancel);
    await cancel.click();
    await cancelRow.getByRole("button", { name: "Yes, cancel" }).click();
    await expect(cancelRow.getByRole("cell").nth(3)).toHaveText("Cancelled");

    await page.goto(`/admin/events/${eventId}/check-in`);
    const search = page.getByLabel("Search by name, email or code");
    await waitForHydration(search);
    await expect(search).toBeFocused();
    const list = page.getByRole("list", { name: "People with a seat" });
    const box = await list.boundingBox();
    expect(box, "the list is on the screen").not.toBeNull();
    expect(box!.y, "the list starts in the first 200 pixels").toBeLessThan(200);

    const count = page.getByRole("status").filter({ hasText: /checked in$/ });
    const before = Number(/^(\d+) of/.exec(await count.innerText())?.[1]);

    // A scanned code and Enter: green, the count moves, and the box is ready for the next person.
    await search.fill(arrivingCode);
    await search.press("Enter");
    const ok = page.getByRole("status").filter({ hasText: `Checked in: ${arriving}` });
    await expect(ok).toBeVisible();
    await expect(ok).toHaveAttribute("data-tone", "ok");
    await expect(count).toHaveText(new RegExp(`^${before + 1} of`));
    await expect(search).toBeFocused();
    await expect(search).toHaveValue("");

    // The same code again: red, with the time of the first check-in.
    await search.fill(arrivingCode);
    await search.press("Enter");
    const already = page.getByRole("alert").filter({ hasText: /^✗ Already checked in at \d{1,2}:\d{2} [ap]\.m\. \S+: / });
    await expect(already).toContainText(arriving);
    await expect(already).toHaveAttribute("data-tone", "stop");

    // A cancelled registration's code and an unknown code: red, each with its reason.
    await search.fill(cancelledCode);
    await search.press("Enter");
    await expect(page.getByRole("alert").filter({ hasText: `Cancelled registration: ${leaving}` })).toBeVisible();
    await search.fill("ZZZZ-9999");
    await search.press("Enter");
    await expect(page.getByRole("alert").filter({ hasText: "Unknown code: ZZZZ-9999" })).toBeVisible();
    await expect(search).toBeFocused();

    // Undo asks first; "Keep" changes nothing, "Yes, undo" takes the check-in back.
    await search.fill(arriving);
    await page.getByRole("button", { name: `Undo check-in of ${arriving}` }).click();
    const confirm = page.getByRole("group", { name: `Confirm undoing the check-in of ${arriving}` });
    await confirm.getByRole("button", { name: "Keep" }).click();
    await expect(confirm).toBeHidden();
    await expect(count).toHaveText(new RegExp(`^${before + 1} of`));
    await page.getByRole("button", { name: `Undo check-in of ${arriving}` }).click();
    await confirm.getByRole("button", { name: "Yes, undo" }).click();
    await expect(count).toHaveText(new RegExp(`^${before} of`));
    await expect(page.getByRole("button", { name: `Check in ${arriving}` })).toBeVisible();
  } finally {
    await context.close();
  }
});

test("one check-in reads the same time on the Registrations and Check-in tabs", async ({ browser }) => {
  const context = await browser.newContext({ viewport: TABLET, storageState: storageStatePath("staff") });
  const page = await context.newPage();
  try {
    // The held demo meeting: its attendees were checked in at the door in New York.
    const eventId = await eventIdByTitle(page, HELD_TITLE);
    const email = "attendee1@example.org";
    await page.goto(`/admin/events/${eventId}/check-in`);
    const search = page.getByLabel("Search by name, email or code");
    await waitForHydration(search);
    await search.fill(email);
    const person = page.getByRole("list", { name: "People with a seat" }).getByRole("listitem");
    await expect(person).toHaveCount(1);
    const atDoor = (await person.getByText(/^Checked in at /).innerText()).trim();
    // Labelled with the zone, and dated because it was not today.
    expect(atDoor).toMatch(/^Checked in at [A-Z][a-z]+ \d{1,2}, \d{4}, \d{1,2}:\d{2} [ap]\.m\. [A-Z]{3,4}$/);

    await page.goto(`/admin/events/${eventId}/registrations?q=${encodeURIComponent(email)}`);
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row).toHaveCount(1);
    await expect(row.getByText(/^Checked in at /)).toHaveText(atDoor);
  } finally {
    await context.close();
  }
});
