import type { Metadata } from "next";
import { ItemPage } from "@/components/admin/item-page";
import { VenueForm } from "@/components/venue-form";
import { getTranslationLanguages } from "@/db/queries/settings";
import { requireRole } from "@/lib/auth";
import { timeZoneChoices } from "@/lib/validations/venue";

export const metadata: Metadata = { title: "New venue" };

export default async function NewVenuePage() {
  await requireRole("staff", "/admin/venues/new");
  const languages = await getTranslationLanguages();
  return (
    <ItemPage back={{ href: "/admin/venues", label: "Venues" }} title="New venue">
      <VenueForm timeZones={timeZoneChoices()} languages={languages} />
    </ItemPage>
  );
}
