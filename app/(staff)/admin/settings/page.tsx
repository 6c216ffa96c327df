import type { Metadata } from "next";
import { LogoForm } from "@/components/logo-form";
import { SettingsForm } from "@/components/settings-form";
import { getOrganization, getSettings } from "@/db/queries/settings";
import { requireRole } from "@/lib/auth";
import { mediaUrl } from "@/lib/validations/upload";
import { timeZoneChoices } from "@/lib/validations/venue";

export const metadata: Metadata = { title: "Settings" };

/** Site settings: admins only. */
export default async function SettingsPage() {
  await requireRole("admin", "/admin/settings");
  const [settings, organization] = await Promise.all([getSettings(), getOrganization()]);
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
      <section aria-labelledby="logo-heading" className="space-y-4">
        <h2 id="logo-heading" className="text-lg font-semibold">
          Logo
        </h2>
        <LogoForm logo={logo && { url: mediaUrl(logo.key), width: logo.width, height: logo.height, alt: logo.altText }} />
      </section>
    </div>
  );
}
