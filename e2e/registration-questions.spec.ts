import { expectNoAxeViolations } from "./axe";
import { createScheduledEvent, expect, test, uniqueEmail, waitForHydration } from "./fixtures";

test("staff ask questions, visitors answer them, and the answers reach the list and the export", async ({ page, staffPage, browser }) => {
  test.slow();

  // Staff make an event of their own and schedule it.
  const title = `Questions journey ${Date.now()}`;
  const { eventId, slug } = await createScheduledEvent(staffPage, { title });

  // The Questions tab: a suggestion in one click, then a required one-of-several and an optional several-of-several.
  await staffPage.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Questions" }).click();
  await expect(staffPage).toHaveURL(new RegExp(`/admin/events/${eventId}/questions$`));
  const list = staffPage.getByRole("region", { name: "Questions on the registration form" });
  await expect(list).toContainText("No questions yet");
  const suggestion = staffPage.getByRole("button", { name: "Add “Dietary requirements”" });
  await waitForHydration(suggestion);
  await suggestion.click();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("Dietary requirements");
  // A suggestion the form already asks is no longer offered.
  await expect(suggestion).toHaveCount(0);

  const addForm = staffPage.getByRole("form", { name: "Add a question" });
  await addForm.getByLabel("Question", { exact: true }).fill("Delegation");
  await addForm.getByLabel("Answer", { exact: true }).selectOption({ label: "One of several" });
  await addForm.getByLabel("Choices").fill("Member State\nObserver\nCivil society");
  await addForm.getByLabel(/^Required/).check();
  await addForm.getByRole("button", { name: "Add question" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(addForm.getByLabel("Question", { exact: true })).toHaveValue("");

  await addForm.getByLabel("Question", { exact: true }).fill("Sessions");
  await addForm.getByLabel("Answer", { exact: true }).selectOption({ label: "Several of several" });
  await addForm.getByLabel("Choices").fill("Morning\nAfternoon");
  await addForm.getByRole("button", { name: "Add question" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(3);

  // Delegation goes first.
  await list.getByRole("button", { name: "Move up Delegation" }).click();
  await expect(list.getByRole("listitem").first()).toContainText("Delegation");
  await expect(list.getByRole("listitem").first()).toContainText("Required");

  // Before any script has loaded, the form still asks, checks and keeps the answers.
  const origin = new URL(staffPage.url()).origin;
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const early = uniqueEmail("questions-plain");
  try {
    const visitor = await plain.newPage();
    await visitor.goto(`${origin}/events/${slug}`);
    const plainForm = visitor.getByRole("form", { name: "Register for this event" });
    await plainForm.getByLabel("Name", { exact: true }).fill("Pat Plain");
    await plainForm.getByLabel("Email", { exact: true }).fill(early);
    await plainForm.getByLabel("Attendee category").selectOption("Government");
    await plainForm.getByLabel("Morning").check();
    await plainForm.getByLabel(/I agree that my details are kept/).check();
    await plainForm.getByRole("button", { name: "Register", exact: true }).click();
    const plainGroup = visitor.getByRole("form", { name: "Register for this event" }).getByRole("group", { name: "Delegation" });
    await expect(plainGroup).toContainText("Choose an answer to “Delegation”.");
    await expect(visitor.getByRole("form", { name: "Register for this event" }).getByLabel("Morning")).toBeChecked();
    await expect(visitor.getByRole("form", { name: "Register for this event" }).getByLabel("Name", { exact: true })).toHaveValue("Pat Plain");
    await plainGroup.getByRole("radio", { name: "Member State" }).check();
    await visitor.getByRole("button", { name: "Register", exact: true }).click();
    await expect(visitor.getByRole("heading", { name: "Thank you. Check your email." })).toBeVisible();
  } finally {
    await plain.close();
  }

  // A visitor sees the questions with their labels, in that order, and forgets the required one.
  const email = uniqueEmail("questions");
  await page.goto(`/events/${slug}`);
  const form = page.getByRole("form", { name: "Register for this event" });
  const delegation = form.getByRole("group", { name: "Delegation" });
  await expect(delegation.getByRole("radio")).toHaveCount(3);
  await expect(form.getByRole("group", { name: "Sessions (optional)" }).getByRole("checkbox")).toHaveCount(2);
  await expectNoAxeViolations(page);
  await form.getByLabel("Name", { exact: true }).fill("Quinn Questioner");
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Attendee category").selectOption("Academia");
  await form.getByLabel("Dietary requirements (optional)").fill("Vegetarian");
  await form.getByLabel("Afternoon").check();
  await form.getByLabel(/I agree that my details are kept/).check();
  await form.getByRole("button", { name: "Register", exact: true }).click();

  // The error stands by the question and in the summary; what was typed stays.
  const message = "Choose an answer to “Delegation”.";
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" }).getByRole("link", { name: message })).toBeVisible();
  await expect(delegation).toContainText(message);
  await expect(delegation.getByRole("radio", { name: "Member State" })).toHaveAccessibleDescription(message);
  await expect(delegation.getByRole("radio", { name: "Member State" })).toBeFocused();
  await expect(form.getByLabel("Dietary requirements (optional)")).toHaveValue("Vegetarian");
  await expect(form.getByLabel("Afternoon")).toBeChecked();
  await expectNoAxeViolations(page);

  // Once the page's script runs, the answers' schema checks in the browser too: choosing clears the error.
  await waitForHydration(form);
  await expect(async () => {
    await delegation.getByRole("radio", { name: "Member State" }).check();
    await delegation.getByRole("radio", { name: "Observer" }).check();
    await expect(delegation).not.toContainText(message, { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await form.getByRole("button", { name: "Register", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your email." })).toContainText(email);

  // Staff see the answers in the list, and find the registration by its answer.
  await staffPage.goto(`/admin/events/${eventId}/registrations`);
  const row = staffPage.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Delegation: Observer");
  await expect(row).toContainText("Sessions: Afternoon");
  await expect(row).toContainText("Dietary requirements: Vegetarian");
  const search = staffPage.getByRole("search", { name: "Find registrations" });
  await search.getByLabel("Question").selectOption({ label: "Delegation" });
  await search.getByLabel("Answer").fill("civil society");
  await search.getByRole("button", { name: "Show" }).click();
  await expect(staffPage).toHaveURL(/question=.*&answer=civil\+society/);
  await expect(staffPage.getByText("No registrations match")).toBeVisible();
  await search.getByLabel("Answer").fill("observer");
  await search.getByRole("button", { name: "Show" }).click();
  await expect(staffPage.getByRole("row").filter({ hasText: email })).toBeVisible();
  await expect(staffPage.getByRole("row").filter({ hasText: early })).toHaveCount(0);

  // Removing a question keeps its answers in the export, under a header that says so.
  await staffPage.goto(`/admin/events/${eventId}/questions`);
  const remove = staffPage.getByRole("button", { name: "Remove Dietary requirements" });
  await waitForHydration(remove);
  await remove.click();
  await expect(staffPage.getByRole("region", { name: "Removed questions" })).toContainText("Dietary requirements");
  const csv = await (await staffPage.request.get(`/admin/events/${eventId}/registrations/export.csv`)).text();
  const [header, ...rows] = csv.replace(/^\uFEFF/, "").split("\r\n");
  expect(header).toMatch(/,Delegation,Sessions,Dietary requirements \(removed\)$/);
  expect(rows.find((r) => r.includes(email))).toMatch(/,Observer,Afternoon,Vegetarian$/);
  expect(rows.find((r) => r.includes(early))).toMatch(/,Member State,Morning,$/);
});
