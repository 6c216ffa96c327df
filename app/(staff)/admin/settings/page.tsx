import type { Metadata } from "next";
import Link from "next/link";
import { LogoForm } from "@/components/logo-form";
import { LanguagesForm, RetentionForm, SettingsForm } from "@/components/settings-form";
import { getOrganization, getSettings } from "@/db/queries/settings";
import { requireRole } from "@/lib/auth";
import { countDue } from "@/lib/registration/retention";
import { formatStaffDate, homeClock } from "@/lib/time";
import { mediaUrl } from "@/lib/validations/upload";
import { timeZoneChoices } from "@/lib/validations/venue";

export const metadata: Metadata = { title: "Settings" };

/** Site settings: admins only. */
export default async function SettingsPage() {
  await requireRole("admin", "/admin/settings");
  const [settings, organization, retention] = await Promise.all([getSettings(), getOrganization(), countDue()]);
  const logo = organization.logo;

  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-semibold text-brand-900">Settings</h1>
      <section aria-labelledby="organization-heading" className="space-y-4">
        <h2 id="organization-heading" className="text-lg font-semibold">
          Organization
        </h2>
        <SettingsForm
          timeZones={timeZoneChoices(settings.homeTimeZone)}
          defaultValues={{
            organizationName: settings.organizationName,
            homeTimeZone: settings.homeTimeZone,
            homeTimeZoneLabel: settings.homeTimeZoneLabel,
            releaseLabel: settings.releaseLabel,
          }}
        />
      </section>
      <section aria-labelledby="languages-heading" className="space-y-4">
        <h2 id="languages-heading" className="text-lg font-semibold">
          Languages
        </h2>
        <LanguagesForm defaultValues={{ defaultLanguage: settings.defaultLanguage, enabledLanguages: settings.enabledLanguages }} />
      </section>
      <section aria-labelledby="logo-heading" className="space-y-4">
        <h2 id="logo-heading" className="text-lg font-semibold">
          Logo
        </h2>
        <LogoForm logo={logo && { url: mediaUrl(logo.key), width: logo.width, height: logo.height, alt: logo.altText }} />
      </section>
      <section aria-labelledby="privacy-heading" className="space-y-4">
        <h2 id="privacy-heading" className="text-lg font-semibold">
          Privacy
        </h2>
        <RetentionForm defaultValues={{ registrationRetentionMonths: settings.registrationRetentionMonths }} />
        <p className="max-w-2xl text-sm text-slate-700">
          {retention.due === 0
            ? `No registration is due: at ${retention.months} months, every registration of an event that ended before ${formatStaffDate(retention.cutoff, homeClock(settings))} is already anonymized.`
            : `${retention.due === 1 ? "1 registration is" : `${retention.due} registrations are`} due: at ${retention.months} months, the registrations of events that ended before ${formatStaffDate(retention.cutoff, homeClock(settings))} are anonymized at the next daily run (or with npm run registrations:retention).`}
        </p>
        <p className="max-w-2xl text-sm text-slate-700">
          People can also delete their own registration data at any time, from the personal link in their confirmation email. The{" "}
          <Link href="/privacy">privacy notice</Link> tells them both.
        </p>
      </section>
    </div>
  );
}
