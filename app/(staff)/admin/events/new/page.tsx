import type { Metadata } from "next";
import { ItemPage } from "@/components/admin/item-page";
import { EventForm } from "@/components/event-form";
import { eventFormOptions } from "@/db/queries/event-options";
import { requireRole } from "@/lib/auth";
import { emptyEventFormValues } from "@/lib/validations/event";

export const metadata: Metadata = { title: "New event" };

export default async function NewEventPage() {
  await requireRole("staff", "/admin/events/new");
  const options = await eventFormOptions();
  return (
    <ItemPage back={{ href: "/admin/events", label: "Events" }} title="New event">
      <p className="text-sm text-slate-700">A new event starts as a draft: only staff see it until you schedule it.</p>
      <EventForm {...options} defaultValues={emptyEventFormValues(options.home.zone)} />
    </ItemPage>
  );
}
