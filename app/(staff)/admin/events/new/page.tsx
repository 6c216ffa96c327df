import type { Metadata } from "next";
import Link from "next/link";
import { EventForm } from "@/components/event-form";
import { eventFormOptions } from "@/db/queries/event-options";
import { requireRole } from "@/lib/auth";
import { emptyEventFormValues } from "@/lib/validations/event";

export const metadata: Metadata = { title: "New event" };

export default async function NewEventPage() {
  await requireRole("staff", "/admin/events/new");
  const options = await eventFormOptions();
  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/events">← Events</Link>
      </p>
      <h1 className="text-2xl font-semibold text-brand-900">New event</h1>
      <p className="text-sm text-slate-700">A new event starts as a draft: only staff see it until you schedule it.</p>
      <EventForm {...options} defaultValues={emptyEventFormValues(options.home.zone)} />
    </div>
  );
}
