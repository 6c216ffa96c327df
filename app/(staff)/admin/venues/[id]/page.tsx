import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { deleteVenue } from "@/app/(staff)/admin/venues/actions";
import { DeleteButton } from "@/components/admin/delete-button";
import { VenueForm } from "@/components/venue-form";
import { Alert } from "@/components/ui/alert";
import { getVenue, venueUsage } from "@/db/queries/venues";
import { requireRole } from "@/lib/auth";
import { isUuid } from "@/lib/validations/common";
import { timeZoneChoices } from "@/lib/validations/venue";

export const metadata: Metadata = { title: "Edit venue" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EditVenuePage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireRole("staff", `/admin/venues/${id}`);
  const venue = isUuid(id) ? await getVenue(id) : undefined;
  if (!venue) notFound();
  const [{ saved }, usage] = await Promise.all([searchParams, venueUsage(id)]);

  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/venues">← Venues</Link>
      </p>
      <h1 className="text-2xl font-semibold text-brand-900">{venue.name}</h1>
      {saved && <Alert tone="success">Venue created.</Alert>}
      <VenueForm venue={venue} timeZones={timeZoneChoices(venue.timeZone)} eventCount={usage.events} />
      <DeleteButton label="venue" action={deleteVenue.bind(null, { id: venue.id })} redirectTo="/admin/venues" />
    </div>
  );
}
