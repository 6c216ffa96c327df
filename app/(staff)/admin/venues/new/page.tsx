import type { Metadata } from "next";
import { ItemPage } from "@/components/admin/item-page";
import { VenueForm } from "@/components/venue-form";
import { requireRole } from "@/lib/auth";
import { timeZoneChoices } from "@/lib/validations/venue";

export const metadata: Metadata = { title: "New venue" };

export default async function NewVenuePage() {
  await requireRole("staff", "/admin/venues/new");
  return (
    <ItemPage back={{ href: "/admin/venues", label: "Venues" }} title="New venue">
      <VenueForm timeZones={timeZoneChoices()} />
    </ItemPage>
  );
}
