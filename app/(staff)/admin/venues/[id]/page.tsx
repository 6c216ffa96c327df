import type { Metadata } from "next";
import { deleteVenue } from "@/app/(staff)/admin/venues/actions";
import { DeleteButton } from "@/components/admin/delete-button";
import { ItemPage } from "@/components/admin/item-page";
import { VenueForm } from "@/components/venue-form";
import { getTranslationLanguages } from "@/db/queries/settings";
import { getVenue, venueUsage } from "@/db/queries/venues";
import { staffItem } from "@/lib/staff-item";
import { timeZoneChoices } from "@/lib/validations/venue";

export const metadata: Metadata = { title: "Edit venue" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EditVenuePage({ params, searchParams }: Props) {
  const { id, item: venue } = await staffItem(params, "/admin/venues", getVenue);
  const [{ saved }, usage, languages] = await Promise.all([searchParams, venueUsage(id), getTranslationLanguages()]);

  return (
    <ItemPage back={{ href: "/admin/venues", label: "Venues" }} title={venue.name} created={saved && "Venue created."}>
      <VenueForm venue={venue} timeZones={timeZoneChoices(venue.timeZone)} eventCount={usage.events} languages={languages} />
      <DeleteButton label="venue" action={deleteVenue.bind(null, { id: venue.id })} redirectTo="/admin/venues" />
    </ItemPage>
  );
}
