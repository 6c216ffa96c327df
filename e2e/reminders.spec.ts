import { createScheduledEvent, expect, fillRegistrationForm, outboxMessages, readOutboxMessage, test, uniqueEmail, waitForHydration } from "./fixtures";

const MINUTE = 60_000;

/** The date and time clocks read in `timeZone` at `at`, as the event form takes them. */
function wallClock(at: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

test("staff set an event's reminders; a visitor with a seat is reminded an hour before, with the links", async ({ page, staffPage, adminPage, browser }) => {
  // The reminder is real: it falls due two to three minutes after the event is made, and the sender looks every 15 seconds.
  test.setTimeout(360_000);
  const title = `Reminder journey ${Date.now()}`;

  // An event starting in a little over an hour: its hour-before reminder falls due in two to three minutes.
  const { eventId, slug } = await createScheduledEvent(staffPage, {
    title,
    when: async (form) => wallClock(new Date(Math.ceil((Date.now() + 2 * MINUTE) / MINUTE) * MINUTE + 60 * MINUTE), await form.getByLabel("Time zone").inputValue()),
  });

  await test.step("staff change the reminders and see them saved", async () => {
    await staffPage.goto(`/admin/events/${eventId}/registrations`);
    const schedule = staffPage.getByRole("list", { name: "When the reminders go" });
    // The default: a day and an hour before.
    await expect(schedule.getByRole("listitem")).toHaveText([/^1 day before: /, /^1 hour before: .*, to be sent$/]);
    const form = staffPage.getByRole("form", { name: "Reminders" });
    await waitForHydration(form);
    const row = (n: number) => form.getByRole("group", { name: `Reminder ${n}` });
    await expect(row(1).getByLabel("How many")).toHaveValue("1");
    await expect(row(1).getByLabel("Unit")).toHaveValue("days");
    await row(1).getByLabel("How many").fill("2");
    await row(3).getByLabel("How many").fill("15");
    await row(3).getByLabel("Unit").selectOption({ label: "minutes before" });
    await form.getByRole("button", { name: "Save reminders" }).click();
    await expect(form.getByRole("status")).toHaveText("Reminders saved.");

    await staffPage.reload();
    await expect(schedule.getByRole("listitem")).toHaveText([/^2 days before: /, /^1 hour before: .*, to be sent$/, /^15 minutes before: .*, to be sent$/]);
    await expect(row(1).getByLabel("How many")).toHaveValue("2");
    await expect(row(1).getByLabel("Unit")).toHaveValue("days");
    await expect(row(2).getByLabel("How many")).toHaveValue("1");
    await expect(row(2).getByLabel("Unit")).toHaveValue("hours");
    await expect(row(3).getByLabel("How many")).toHaveValue("15");
    await expect(row(3).getByLabel("Unit")).toHaveValue("minutes");
  });

  const email = uniqueEmail("reminded");
  await test.step("a visitor registers", async () => {
    const form = await fillRegistrationForm(page, slug, { name: "Rita Reminded", email, category: "Academia" });
    await form.getByRole("button", { name: "Register", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Check your email." })).toContainText(email);
  });

  await test.step("an hour before, the sender's round queues the reminder, with the links and the calendar file", async () => {
    await expect
      .poll(async () => (await outboxMessages(adminPage, email)).map((m) => m.subject), {
        message: "the hour-before reminder in the outbox",
        timeout: 270_000,
        intervals: [10_000],
      })
      .toContain(`Reminder: ${title}`);
    const reminder = await readOutboxMessage(adminPage, email, /^Reminder: /);
    expect(reminder.text).toContain(`you have a seat at “${title}”`);
    expect(reminder.text).toMatch(/Your check-in code: [2-9A-Z]{4}-[2-9A-Z]{4}/);
    expect(reminder.text).toContain("Add to Google Calendar");
    expect(reminder.text).toContain("Add to Outlook (Microsoft 365)");
    expect(reminder.links.some((l) => new URL(l).hostname === "calendar.google.com")).toBe(true);
    expect(reminder.links.some((l) => new URL(l).hostname === "outlook.office.com")).toBe(true);
    expect(reminder.attachments).toContain(`${slug}.ics`);

    // The day-before reminders were due before the visitor registered: only this one went.
    expect((await outboxMessages(adminPage, email)).map((m) => m.subject).sort()).toEqual([`Registration confirmed: ${title}`, `Reminder: ${title}`]);

    // The reminder's own manage link opens the registration.
    const manage = reminder.links.find((l) => new URL(l).pathname.startsWith("/registrations/"));
    expect(manage, "a manage link in the reminder").toBeTruthy();
    const visitor = await browser.newContext();
    try {
      const own = await visitor.newPage();
      await own.goto(manage!);
      await expect(own.getByRole("heading", { level: 1, name: title })).toBeVisible();
      await expect(own.getByRole("region", { name: "Status" })).toContainText("Confirmed: you have a seat.");
    } finally {
      await visitor.close();
    }
  });

  await test.step("staff see whom it went to", async () => {
    await staffPage.goto(`/admin/events/${eventId}/registrations`);
    await expect(staffPage.getByRole("list", { name: "When the reminders go" }).getByRole("listitem")).toHaveText([
      /^2 days before: .*, not sent: a later reminder was due by then$/,
      /^1 hour before: .*, sent to 1 person$/,
      /^15 minutes before: .*, to be sent$/,
    ]);
  });
});
