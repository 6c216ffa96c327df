import { eraseMyRegistration } from "@/app/(public)/registrations/[token]/actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { Section } from "@/components/ui/section";
import type { Language } from "@/lib/i18n/languages";
import { translator } from "@/lib/i18n/messages";

type Props = {
  token: string;
  /** The page's language: the form's words, and where the action sends the visitor back. */
  language: Language;
  /** What happens to the registration first: nothing, or a cancellation that frees a seat or a waitlist place. */
  cancels: "seat" | "place" | null;
  /** The form came back without its box ticked (a browser that does not check `required`). */
  unconfirmed: boolean;
};

/**
 * "Delete my registration data" on the manage page: a plain form with a box to tick, so that it works
 * before the page's script has loaded, and nothing is deleted by a single slip.
 */
export function RegistrationErase({ token, language, cancels, unconfirmed }: Props) {
  const box = "erase-confirm";
  const t = translator(language, "manage");
  const gap = language === "ja" ? "" : " ";
  return (
    <Section id="erase-heading" title={t("erase.heading")}>
      <p>
        {t("erase.what")}
        {cancels === "seat" && gap + t("erase.cancelsSeat")}
        {cancels === "place" && gap + t("erase.cancelsPlace")}
      </p>
      <p>{t("erase.final")}</p>
      <form action={eraseMyRegistration} className="space-y-3 rounded-md border border-red-200 bg-red-50 p-4">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="lang" value={language} />
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
            {cancels ? t("erase.confirmCancel") : t("erase.confirm")}
          </label>
        </div>
        {unconfirmed && (
          <p id={`${box}-error`} className="text-sm font-medium text-red-800">
            {t("erase.unconfirmed")}
          </p>
        )}
        <SubmitButton variant="danger">{t("erase.button")}</SubmitButton>
      </form>
    </Section>
  );
}
