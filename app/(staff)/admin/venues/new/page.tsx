import type { Metadata } from "next";
import Link from "next/link";
import { VenueForm } from "@/components/venue-form";
import { requireRole } from "@/lib/auth";
import { timeZoneChoices } from "@/lib/validations/venue";

export const metadata: Metadata = { title: "New venue" };

export default async function NewVenuePage() {
  await requireRole("staff", "/admin/venues/new");
  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/venues">← Venues</Link>
      </p>
      <h1 className="text-2xl font-semibold text-brand-900">New venue</h1>
      <VenueForm timeZones={timeZoneChoices()} />
    </div>
  );
}
