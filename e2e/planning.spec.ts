import type { Browser, Locator, Page } from "@playwright/test";
import { expect, test, waitForHydration } from "./fixtures";

// Staff plan a symposium from nothing: the catalogue, the event, its people, and the public pages it makes.

/** Letters only, unique per run, so that names read like names and repeated runs do not collide. */
function runTag(): string {
  const letters = Date.now().toString(26).replace(/\d/g, (d) => "qrstuvwxyz".charAt(Number(d)));
  return letters.charAt(0).toUpperCase() + letters.slice(1);
}

/** The id at the end of an admin record's address: /admin/events/<id>?saved=1 → <id>. */
function recordId(page: Page, area: string): string {
  const match = new RegExp(`/admin/${area}/([0-9a-f-]{36})`).exec(page.url());
  expect(match, `the address of the new record under /admin/${area}`).not.toBeNull();
  return match?.[1] ?? "";
}

/** Opens a "new" form from its list page by the link a person would follow, ready for input. */
async function openNewForm(page: Page, listPath: string, linkName: string): Promise<Locator> {
  await page.goto(listPath);
  await page.getByRole("link", { name: linkName, exact: true }).click();
  const heading = page.getByRole("heading", { level: 1, name: linkName });
  await expect(heading).toBeVisible();
  const form = page.locator("main form").filter({ has: page.getByRole("button", { name: /^Create / }) });
  await waitForHydration(form);
  return form;
}

type PersonSpec = { honorific: string; givenName: string; familyName: string; position: string; organization: string };
const nameOf = (p: PersonSpec) => `${p.honorific} ${p.givenName} ${p.familyName}`;

async function createPerson(page: Page, person: PersonSpec): Promise<void> {
  const form = await openNewForm(page, "/admin/people", "New person");
  await form.getByLabel("Honorific", { exact: true }).fill(person.honorific);
  await form.getByRole("textbox", { name: "Given name", exact: true }).fill(person.givenName);
  await form.getByRole("textbox", { name: "Family name", exact: true }).fill(person.familyName);
  await expect(form.getByRole("radio", { name: /^Given name first/ })).toBeChecked();
  await expect(form.getByText("The name will read:")).toContainText(nameOf(person));
  await form.getByRole("textbox", { name: "Position", exact: true }).fill(person.position);
  await form.getByRole("textbox", { name: "Organization", exact: true }).fill(person.organization);
  await form.getByRole("button", { name: "Create person" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Person created." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${person.givenName} ${person.familyName}`);
}

/** Adds a person to the event on its Participants page, checking that their position is filled in for them. */
async function addParticipant(
  page: Page,
  p: { search: string; name: string; role: string; position: string; positionAtEvent?: string },
): Promise<void> {
  const form = page.getByRole("form", { name: "Add a participant" });
  await waitForHydration(form);
  await form.getByLabel("Search people").fill(p.search);
  await form.getByLabel("Person", { exact: true }).selectOption({ label: p.name });
  await expect(form.getByLabel("Position at the event", { exact: true })).toHaveValue(p.position);
  if (p.positionAtEvent) await form.getByLabel("Position at the event", { exact: true }).fill(p.positionAtEvent);
  await form.getByLabel("Role", { exact: true }).selectOption({ label: p.role });
  await form.getByLabel("Invitation").selectOption({ label: "Confirmed" });
  await form.getByRole("button", { name: "Add participant" }).click();
  const row = participantRows(page).filter({ hasText: p.name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`${p.role} · ${p.positionAtEvent ?? p.position}`);
  // The form empties itself for the next person.
  await expect(form.getByLabel("Person", { exact: true })).toHaveValue("");
}

const participantRows = (page: Page) => page.getByRole("region", { name: "Participants", exact: true }).getByRole("listitem");

/** Opens a page as an anonymous visitor in a browser context of its own. */
async function asVisitor<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

test("staff plan an event in New York from nothing, and the public page shows it in both time zones", async ({ staffPage: page, browser, request }) => {
  test.setTimeout(180_000);
  const tag = runTag();
  const topicName = `Oceans and Security ${tag}`;
  const seriesName = `Blue Horizons ${tag}`;
  const venueName = `Harbour Hall ${tag}`;
  const title = `Keeping the Sea Lanes Open ${tag}`;
  // A participant whose family name is made unique to this run.
  const participant = (honorific: string, givenName: string, familyName: string, position: string, organization: string): PersonSpec => ({
    honorific,
    givenName,
    familyName: `${familyName}${tag}`,
    position,
    organization,
  });
  const moderator = participant("Dr.", "Lena", "Okafor", "Director of the Ocean Policy Institute", "Ocean Policy Institute");
  const panelistA = participant("Ambassador", "Haruto", "Sato", "Permanent Representative of Japan to the United Nations", "Permanent Mission of Japan");
  const panelistB = participant("Ms.", "Ines", "Duarte", "Chief Executive of Tidewater Labs", "Tidewater Labs");
  // What panelist B's title was on the day: it is kept with the event, whatever her profile says later.
  const panelistBAtEvent = "Chief Executive of Tidewater Labs and Fellow of the Institute";

  await test.step("a topic", async () => {
    const form = await openNewForm(page, "/admin/topics", "New topic");
    await form.getByLabel("Name", { exact: true }).fill(topicName);
    await expect(form.getByText(`/topics/oceans-and-security-${tag.toLowerCase()}`)).toBeVisible();
    await form.getByLabel("Description", { exact: true }).fill("How states keep shipping lanes safe and open.");
    await form.getByRole("button", { name: "Create topic" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Topic created." })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: topicName })).toBeVisible();
  });
  const topicSlug = await page.getByLabel("Address (slug)").inputValue();
  expect(topicSlug).toBe(`oceans-and-security-${tag.toLowerCase()}`);

  await test.step("a series in that topic", async () => {
    const form = await openNewForm(page, "/admin/series", "New series");
    await form.getByLabel("Name", { exact: true }).fill(seriesName);
    await form.getByLabel("Topic (optional)").selectOption({ label: topicName });
    await form.getByRole("button", { name: "Create series" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Series created." })).toBeVisible();
  });
  const seriesSlug = await page.getByLabel("Address (slug)").inputValue();
  expect(seriesSlug).toBe(`blue-horizons-${tag.toLowerCase()}`);

  await test.step("a venue in New York", async () => {
    const form = await openNewForm(page, "/admin/venues", "New venue");
    await form.getByLabel("Name", { exact: true }).fill(venueName);
    await form.getByLabel("City", { exact: true }).fill("New York");
    await form.getByLabel("Country", { exact: true }).fill("United States");
    await form.getByLabel("Time zone").fill("America/New_York");
    await form.getByRole("button", { name: "Create venue" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Venue created." })).toBeVisible();
  });

  await test.step("three people", async () => {
    for (const person of [moderator, panelistA, panelistB]) await createPerson(page, person);
    await page.goto(`/admin/people?q=${encodeURIComponent(tag)}`);
    const table = page.getByRole("table", { name: "People" });
    await expect(table.getByRole("link")).toHaveCount(3);
    await expect(table.getByRole("row").filter({ hasText: nameOf(panelistA) })).toContainText(panelistA.position);
  });

  let eventId = "";
  let slug = "";
  await test.step("an event at 4:35 p.m. on 18 March 2024 in New York, for 65 minutes", async () => {
    await page.goto("/admin/events");
    await page.getByRole("link", { name: "New event", exact: true }).click();
    const form = page.getByRole("form", { name: "New event" });
    await waitForHydration(form);
    await form.getByLabel("Title", { exact: true }).fill(title);
    await expect(form.getByText(`/events/keeping-the-sea-lanes-open-${tag.toLowerCase()}`)).toBeVisible();
    await form.getByLabel("Topic", { exact: true }).selectOption({ label: topicName });
    await form.getByLabel("Series", { exact: true }).selectOption({ label: seriesName });
    // A new series: its first meeting is suggested; this one is numbered by hand.
    await expect(form.getByLabel("Number in series")).toHaveValue("1");
    await form.getByLabel("Number in series").fill("4");
    await expect(form.getByText("Reads as “the fourth meeting”.")).toBeVisible();
    await form.getByLabel("Venue").selectOption({ label: `${venueName}, New York` });
    await expect(form.getByLabel("Time zone")).toHaveValue("America/New_York");
    await form.getByLabel("Date", { exact: true }).fill("2024-03-18");
    await form.getByLabel("Start time").fill("16:35");
    await form.getByLabel("Duration (minutes)").fill("65");
    await form.getByLabel("Capacity").fill("120");
    await form.getByLabel("Description", { exact: true }).fill("Navies, shipowners and insurers on keeping trade moving.");
    const preview = form.getByRole("group", { name: "Preview of the public time line" });
    await expect(preview).toContainText("March 18, 2024, 4:35 p.m. (local time; March 19, 5:35 a.m. JST)");
    await expect(preview).toContainText("Lasts approximately 65 minutes, ending at 5:40 p.m. local time.");
    await form.getByRole("button", { name: "Create event" }).click();

    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Event created." })).toBeVisible();
    eventId = recordId(page, "events");
    const details = page.getByRole("form", { name: "Event details" });
    slug = await details.getByLabel("Address (slug)").inputValue();
    expect(slug).toBe(`keeping-the-sea-lanes-open-${tag.toLowerCase()}`);
    await expect(details.getByLabel("Time zone")).toHaveValue("America/New_York");
    await expect(details.getByLabel("Date", { exact: true })).toHaveValue("2024-03-18");
    await expect(details.getByLabel("Start time")).toHaveValue("16:35");
    await expect(details.getByLabel("Duration (minutes)")).toHaveValue("65");
    await expect(page.getByRole("region", { name: "Status", exact: true })).toContainText("This event is a draft");
  });

  await test.step("while a draft, the event is not found by the public", async () => {
    await asVisitor(browser, async (visitor) => {
      const response = await visitor.goto(`/events/${slug}`);
      expect(response?.status()).toBe(404);
      await expect(visitor.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      await expect(visitor.getByText(title)).toHaveCount(0);
    });
    expect((await request.get(`/events/${slug}/calendar.ics`)).status()).toBe(404);
  });

  await test.step("a moderator and two panelists", async () => {
    await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Participants" }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/events/${eventId}/participants$`));
    await expect(page.getByText("No participants yet")).toBeVisible();
    await addParticipant(page, { search: moderator.familyName, name: nameOf(moderator), role: "Moderator", position: moderator.position });
    await addParticipant(page, { search: panelistA.familyName, name: nameOf(panelistA), role: "Panelist", position: panelistA.position });
    await addParticipant(page, {
      search: "tidewater",
      name: nameOf(panelistB),
      role: "Panelist",
      position: panelistB.position,
      positionAtEvent: panelistBAtEvent,
    });
    await expect(participantRows(page)).toHaveText([
      new RegExp(`^1\\.\\s*${nameOf(moderator)}`),
      new RegExp(`^2\\.\\s*${nameOf(panelistA)}`),
      new RegExp(`^3\\.\\s*${nameOf(panelistB)}`),
    ]);
  });

  await test.step("schedule it", async () => {
    await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Details" }).click();
    const status = page.getByRole("region", { name: "Status", exact: true });
    const schedule = status.getByRole("button", { name: "Schedule" });
    await waitForHydration(schedule);
    await schedule.click();
    // Its date has passed, so once scheduled it reads as held: there is nothing left to cancel.
    await expect(status).toContainText("This event took place on March 18, 2024.");
    await expect(status.getByRole("button", { name: "Cancel event" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "View the public page" })).toHaveAttribute("href", `/events/${slug}`);
    await expect(page.getByRole("form", { name: "Event details" }).getByLabel("Address (slug)")).toHaveAttribute("readonly", "");
  });

  await test.step("the public page shows the time in New York and in Tokyo, and the speakers", async () => {
    await asVisitor(browser, async (visitor) => {
      const response = await visitor.goto(`/events/${slug}`);
      expect(response?.status()).toBe(200);
      await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();
      await expect(visitor.getByRole("link", { name: `${seriesName} — fourth meeting` })).toBeVisible();
      const when = visitor.getByRole("region", { name: "When and where" });
      await expect(when).toContainText("March 18, 2024, 4:35 p.m. (local time; March 19, 5:35 a.m. JST)");
      await expect(when).toContainText("4:35 p.m. – 5:40 p.m. (local time), approximately 65 minutes");
      await expect(when).toContainText(venueName);
      await expect(when).toContainText("New York, United States");

      const speakers = visitor.getByRole("region", { name: "Speakers", exact: true }).getByRole("listitem");
      const expected: [role: string, line: string][] = [
        ["Moderator", `${nameOf(moderator)}, ${moderator.position}`],
        ["Panelist", `${nameOf(panelistA)}, ${panelistA.position}`],
        ["Panelist", `${nameOf(panelistB)}, ${panelistBAtEvent}`],
      ];
      await expect(speakers).toHaveCount(expected.length);
      for (const [i, [role, line]] of expected.entries()) {
        await expect(speakers.nth(i).getByText(role, { exact: true })).toBeVisible();
        await expect(speakers.nth(i).getByText(line, { exact: true })).toBeVisible();
      }

      await expect(visitor.getByRole("link", { name: `Back to ${topicName}` })).toHaveAttribute("href", `/topics/${topicSlug}`);
    });
  });

  await test.step("its calendar entry has the start and end in UTC", async () => {
    const response = await request.get(`/events/${slug}/calendar.ics`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/calendar");
    const ics = await response.text();
    const lines = ics.split("\r\n");
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("DTSTART:20240318T203500Z");
    expect(lines).toContain("DTEND:20240318T214000Z");
    const uid = lines.find((line) => line.startsWith("UID:"));
    expect(uid).toBeTruthy();
    // The same event keeps the same UID, so that calendars update it rather than add a second copy.
    const again = (await (await request.get(`/events/${slug}/calendar.ics`)).text()).split("\r\n");
    expect(again.find((line) => line.startsWith("UID:"))).toBe(uid);
  });

  await test.step("the series page lists the meeting by its number, and the topic page links the event", async () => {
    await asVisitor(browser, async (visitor) => {
      await visitor.goto(`/series/${seriesSlug}`);
      await expect(visitor.getByRole("heading", { level: 1, name: seriesName })).toBeVisible();
      const past = visitor.getByRole("region", { name: "Past meetings" });
      await expect(past.getByRole("link", { name: `Fourth meeting — ${title}` })).toHaveAttribute("href", `/events/${slug}`);
      await expect(past).toContainText("March 18, 2024, 4:35 p.m. (local time; March 19, 5:35 a.m. JST)");

      await visitor.goto(`/topics/${topicSlug}`);
      await expect(visitor.getByRole("heading", { level: 1, name: topicName })).toBeVisible();
      await expect(visitor.getByRole("link", { name: seriesName })).toHaveAttribute("href", `/series/${seriesSlug}`);
      await visitor.getByRole("region", { name: "Past events" }).getByRole("link", { name: title }).click();
      await expect(visitor).toHaveURL(new RegExp(`/events/${slug}$`));
      await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible();
    });
  });
});

test("staff create a topic with the keyboard alone", async ({ staffPage: page }) => {
  const name = `Keyboard Topic ${runTag()}`;
  await page.goto("/admin/topics");
  const newTopic = page.getByRole("link", { name: "New topic", exact: true });
  await waitForHydration(newTopic);

  /** Presses Tab until `target` has the focus, as a keyboard user would. */
  async function tabTo(target: Locator, most = 40): Promise<void> {
    for (let i = 0; i < most; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press("Tab");
    }
    throw new Error("Tab never reached the element");
  }

  await tabTo(newTopic);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "New topic" })).toBeVisible();
  const nameField = page.getByLabel("Name", { exact: true });
  await waitForHydration(nameField);
  await tabTo(nameField);
  await page.keyboard.type(name);
  // The demo also publishes in Japanese: each field's Japanese version follows it.
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Name (Japanese)")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Address (slug)")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Description", { exact: true })).toBeFocused();
  await page.keyboard.type("Made without a mouse.");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Description (Japanese)")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Create topic" })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("status").filter({ hasText: "Topic created." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByLabel("Description", { exact: true })).toHaveValue("Made without a mouse.");
});

test("staff reorder an event's participants with “Move up”", async ({ staffPage: page }) => {
  const title = `Reorder Rehearsal ${runTag()}`;
  await page.goto("/admin/events/new");
  const form = page.getByRole("form", { name: "New event" });
  await waitForHydration(form);
  await form.getByLabel("Title", { exact: true }).fill(title);
  await form.getByLabel("Date", { exact: true }).fill("2031-05-20");
  await form.getByLabel("Start time").fill("10:00");
  await form.getByLabel("Duration (minutes)").fill("60");
  await form.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Participants" }).click();
  const host = "Ms. KAMIKAWA Yoko";
  const speaker = "Ambassador Mitsuko Shino";
  const add = page.getByRole("form", { name: "Add a participant" });
  await waitForHydration(add);
  for (const [name, role] of [
    [host, "Host"],
    [speaker, "Speaker"],
  ]) {
    await add.getByLabel("Person", { exact: true }).selectOption({ label: name });
    await add.getByLabel("Role", { exact: true }).selectOption({ label: role });
    await add.getByRole("button", { name: "Add participant" }).click();
    await expect(participantRows(page).filter({ hasText: name })).toHaveCount(1);
  }
  const rows = participantRows(page);
  await expect(rows).toHaveText([new RegExp(`^1\\.\\s*${host}`), new RegExp(`^2\\.\\s*${speaker}`)]);
  await expect(page.getByRole("button", { name: `Move up ${host}` })).toBeDisabled();

  const moveUp = page.getByRole("button", { name: `Move up ${speaker}` });
  await waitForHydration(moveUp);
  await moveUp.click();
  await expect(rows).toHaveText([new RegExp(`^1\\.\\s*${speaker}`), new RegExp(`^2\\.\\s*${host}`)]);
  // The order is stored, not just drawn: it survives a reload.
  await page.reload();
  await expect(rows).toHaveText([new RegExp(`^1\\.\\s*${speaker}`), new RegExp(`^2\\.\\s*${host}`)]);
  await expect(page.getByRole("button", { name: `Move up ${speaker}` })).toBeDisabled();
});
