import { eraseMyRegistration } from "@/app/(public)/registrations/[token]/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { Section } from "@/components/ui/section";
import { ERASE_CONFIRM_MESSAGE } from "@/lib/validations/registration";

type Props = {
  token: string;
  /** What happens to the registration first: nothing, or a cancellation that frees a seat or a waitlist place. */
  cancels: "seat" | "place" | null;
  /** The form came back without its box ticked (a browser that does not check `required`). */
  unconfirmed: boolean;
};

/**
 * "Delete my registration data" on the manage page: a plain form with a box to tick, so that it works
 * before the page's script has loaded, and nothing is deleted by a single slip.
 */
export function RegistrationErase({ token, cancels, unconfirmed }: Props) {
  const box = "erase-confirm";
  return (
    <Section id="erase-heading" title="Delete my registration data">
      <p>
        We then remove your name, email address, organization and answers from this registration, and the text of the emails we sent
        you about it. Only the fact that a registration existed stays, with its status and dates, so that the event&apos;s numbers
        stay right.
        {cancels === "seat" && " Your registration is cancelled first: your seat goes to the next person on the waitlist."}
        {cancels === "place" && " Your registration is cancelled first."}
      </p>
      <p>Afterwards this link no longer works. This cannot be undone.</p>
      <form action={eraseMyRegistration} className="space-y-3 rounded-md border border-red-200 bg-red-50 p-4">
        <input type="hidden" name="token" value={token} />
        <div className="flex items-start gap-2">
          <input
            id={box}
            type="checkbox"
            name="confirm"
            required
            className="mt-1 size-4 accent-red-700"
            aria-invalid={unconfirmed || undefined}
            aria-describedby={unconfirmed ? `${box}-error` : undefined}
            autoFocus={unconfirmed}
          />
          <label htmlFor={box} className="text-sm text-red-950">
            {cancels ? "Cancel my registration and delete my data." : "Delete my data."} I understand that this cannot be undone.
          </label>
        </div>
        {unconfirmed && (
          <p id={`${box}-error`} className="text-sm font-medium text-red-800">
            {ERASE_CONFIRM_MESSAGE}
          </p>
        )}
        <SubmitButton variant="danger">Delete my registration data</SubmitButton>
      </form>
    </Section>
  );
}
