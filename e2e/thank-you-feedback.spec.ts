import { expectNoAxeViolations } from "./axe";
import { setFourthSummaryPublished } from "./demo-summary";
import { expect, readOutboxMessage, test, waitForHydration } from "./fixtures";

// The demo's fourth meeting was held in March 2024 with 92 people checked in; attendee1 is one of them.
const ATTENDEE = "attendee1@example.org";
const SUBJECT = /^Thank you, and the summary: /;
const COMMENT = "The panel was excellent; more time for questions next time, please.";

test("after the event: staff thank everyone checked in, once; an attendee rates the event from the email, staff read it, and the unsubscribe link works", async ({
  browser,
  staffPage,
  adminPage,
}) => {
  // Staff, on the summary tab of the held meeting, its summary published.
  await setFourthSummaryPublished(staffPage, true);
  const summaryTab = staffPage.url();
  const panel = staffPage.getByRole("region", { name: "Thank-you email" });
  const send = panel.getByRole("button", { name: "Send thank-you…" });
  // A retried run finds it sent already: it goes once.
  if (await send.isVisible()) {
    await expect(panel.getByRole("radio", { name: "Everyone checked in at the door (92)" })).toBeChecked();
    await expect(panel.getByRole("radio", { name: "Everyone with a confirmed seat (92)" })).not.toBeChecked();
    await expect(panel).toContainText("It will go to 92 people.");
    // The step that asks first is the panel's script.
    await waitForHydration(send);
    await send.click();
    const confirm = panel.getByRole("group", { name: "Confirm sending the thank-you email" });
    await expect(confirm).toContainText("Send the thank-you email to 92 people now? It can be sent only once.");
    await confirm.getByRole("button", { name: "Yes, send to 92 people" }).click();
    await expect(panel.getByRole("status")).toHaveText("Sent: the thank-you email is on its way to 92 people.");
  }
  await expect(panel).toContainText(/Sent .+ to 92 people, everyone checked in at the door\. It cannot be sent again\./);
  await expect(send).toHaveCount(0);

  // The outbox has it. Staff read it without the links that act for the attendee.
  const seenByStaff = await readOutboxMessage(staffPage, ATTENDEE, SUBJECT);
  expect(seenByStaff.text).toContain("Thank you for coming to “From the United Nations");
  expect(seenByStaff.text).toContain("[personal manage link hidden]");
  expect(seenByStaff.text).toContain("[personal unsubscribe link hidden]");
  expect(seenByStaff.links.some((href) => href.endsWith("/events/wps-innovation-4-from-the-united-nations/summary"))).toBe(true);
  // An admin, while the outbox is the mailbox, reads it whole: the mailbox of this journey.
  const { links } = await readOutboxMessage(adminPage, ATTENDEE, SUBJECT);
  const feedbackLink = links.find((href) => /\/registrations\/[\w-]{43}#feedback$/.test(href));
  const unsubscribeLink = links.find((href) => new URL(href).pathname.startsWith("/unsubscribe/"));
  expect(feedbackLink, "the feedback link in the email").toBeTruthy();
  expect(unsubscribeLink, "the unsubscribe link in the email").toBeTruthy();

  // The attendee, in a browser of their own, follows the email's feedback link.
  const context = await browser.newContext();
  // The same person later, in a browser without JavaScript: the form works there too.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  try {
    const attendee = await context.newPage();
    await attendee.goto(feedbackLink!);
    const section = attendee.getByRole("region", { name: "Your feedback" });
    await expect(section).toBeVisible();
    await expectNoAxeViolations(attendee);
    const form = section.getByRole("form", { name: "Rate the event" });
    // Whether the page's script has loaded yet or not: the form works both ways.
    await form.getByRole("radio", { name: "5 – Excellent" }).check();
    await form.getByLabel("Comment (optional)").fill(COMMENT);
    await form.getByRole("button", { name: /^(Send my feedback|Save my new answer)$/ }).click();
    await expect(attendee.getByText("Thank you for your feedback.")).toBeVisible();
    await expect(section).toContainText("You can change it at any time on this page");
    await expectNoAxeViolations(attendee);

    // Staff see it on the summary tab, without the attendee's name.
    await staffPage.goto(summaryTab);
    const results = staffPage.getByRole("region", { name: "Feedback", exact: true });
    await expect(results).toContainText("5.0 out of 5 on average, from 1 answer.");
    await expect(results.getByRole("list", { name: "Comments, newest first" })).toContainText(COMMENT);
    await expect(results).not.toContainText("Attendee 1");

    // One answer per registration: a second one replaces the first, here without JavaScript.
    const later = await plain.newPage();
    await later.goto(feedbackLink!);
    const again = later.getByRole("form", { name: "Rate the event" });
    await expect(later.getByRole("region", { name: "Your feedback" })).toContainText("You answered on");
    await expect(again.getByRole("radio", { name: "5 – Excellent" })).toBeChecked();
    await expect(again.getByLabel("Comment (optional)")).toHaveValue(COMMENT);
    await again.getByRole("radio", { name: "4 – Very good" }).check();
    await again.getByRole("button", { name: "Save my new answer" }).click();
    await expect(later.getByText("Thank you for your feedback.")).toBeVisible();
    await expect(later.getByRole("form", { name: "Rate the event" }).getByRole("radio", { name: "4 – Very good" })).toBeChecked();
    await staffPage.reload();
    await expect(results).toContainText("4.0 out of 5 on average, from 1 answer.");
    await expect(results.getByRole("list", { name: "Comments, newest first" })).toContainText(COMMENT);

    // The unsubscribe link asks first (a mail scanner that opens it changes nothing), then unsubscribes.
    await attendee.goto(unsubscribeLink!);
    const button = attendee.getByRole("button", { name: "Unsubscribe" });
    if (await button.isVisible()) {
      await expect(attendee.getByRole("heading", { level: 1, name: "Unsubscribe" })).toBeVisible();
      await expect(attendee.getByRole("main")).toContainText(ATTENDEE);
      await expectNoAxeViolations(attendee);
      await button.click();
      await expect(attendee.getByRole("status")).toHaveText("Done: you are unsubscribed.");
    }
    await expect(attendee.getByRole("heading", { level: 1, name: "You are unsubscribed" })).toBeVisible();
    await expect(attendee.getByRole("main")).toContainText(`${ATTENDEE} will receive no more emails`);
    await expectNoAxeViolations(attendee);

    // A mail client's one-click unsubscribe (RFC 8058) at the header's address answers the same.
    const oneClick = unsubscribeLink!.replace("/unsubscribe/", "/api/unsubscribe/");
    const answer = await attendee.request.post(oneClick, { form: { "List-Unsubscribe": "One-Click" } });
    expect(answer.status()).toBe(200);
  } finally {
    await context.close();
    await plain.close();
  }
});
