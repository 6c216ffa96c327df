import type { Metadata } from "next";
import { connection } from "next/server";
import { Section } from "@/components/ui/section";
import { getSettings } from "@/db/queries/settings";

export const metadata: Metadata = { title: "Privacy notice" };

export default async function PrivacyPage() {
  await connection();
  const { organizationName, registrationRetentionMonths: months } = await getSettings();
  const period = months % 12 === 0 ? (months === 12 ? "one year" : `${months / 12} years`) : months === 1 ? "one month" : `${months} months`;
  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-3xl font-semibold text-brand-900">Privacy notice</h1>
      <p>
        This notice explains what {organizationName} keeps when you register for one of its events, and why.
      </p>

      <Section id="what-heading" title="What we keep" className="space-y-2">
        <ul className="list-disc space-y-1 pl-6">
          <li>your name, email address, and, if you give them, your organization and attendee category;</li>
          <li>your answers to the event&apos;s own questions on the registration form, if it asks any;</li>
          <li>
            the status of your registration (awaiting the organizers&apos; approval, confirmed, on the waitlist, declined or
            cancelled) and when it changed;
          </li>
          <li>your check-in code, and whether and when you were checked in at the door;</li>
          <li>when you agreed to this notice;</li>
          <li>the emails we send you about the registration, including reminders before the event;</li>
          <li>after the event, your rating and comment if you fill in the feedback form (the organizers see them without your name);</li>
          <li>if you unsubscribe from the thank-you emails sent after events, your email address, so that we stop sending them.</li>
        </ul>
        <p>
          Your personal link to manage the registration is not kept: only a fingerprint of it, which lets us recognise the
          link but not recreate it. To stop abuse of the form, the network address your request came from is counted for a
          short while; it is not stored with your registration.
        </p>
      </Section>

      <Section id="why-heading" title="Why" className="space-y-2">
        <p>
          To hold your seat or your place on the waitlist, to send you your confirmation, check-in code and any change to
          the event, to let you in at the door, and to count how many people attended. The organizers see the list of
          people registered for their events. We do not sell your details or use them for anything else.
        </p>
      </Section>

      <Section id="retention-heading" title="How long we keep it" className="space-y-2">
        <p>
          {period[0]!.toUpperCase() + period.slice(1)} after the event has ended (within a day of that date), we delete your name, email
          address, organization, answers and any feedback comment from your registration, and the text and address of the emails we sent
          you about it. After that, only the fact that a registration existed stays, with its status and dates, so that the event&apos;s
          numbers (how many registered and attended) stay right.
        </p>
      </Section>

      <Section id="rights-heading" title="Your choices" className="space-y-2">
        <p>
          You can cancel your registration at any time before the event with the personal link in your confirmation email.
        </p>
        <p>
          You can also delete your registration data yourself, at any time, before or after the event: open the same personal link and
          choose <strong>Delete my registration data</strong>. If the event is still to come, your registration is cancelled first.
          Your data is then removed as described above, at once, and the link stops working.
        </p>
        <p>
          Every thank-you email after an event has a link to stop them; the emails about your registration itself (confirmation,
          reminders, changes) still come while you are registered.
        </p>
        <p>To see or correct what we hold about you, write to the organizers of the event.</p>
      </Section>
    </article>
  );
}
