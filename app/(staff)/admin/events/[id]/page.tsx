import type { Metadata } from "next";
import { deleteEvent } from "@/app/(staff)/admin/events/actions";
import { DeleteButton } from "@/components/admin/delete-button";
import { EventCopyForms } from "@/components/event-copy-forms";
import { EventForm } from "@/components/event-form";
import { EventStatusControls } from "@/components/event-status-controls";
import { Alert } from "@/components/ui/alert";
import { eventFormOptions } from "@/db/queries/event-options";
import { nextSeriesNumber } from "@/db/queries/events";
import { eventPhase } from "@/lib/event-phase";
import { seriesMeetingPhrase } from "@/lib/names";
import { formatLocalDate, utcToZonedParts } from "@/lib/time";
import { translationDefaults } from "@/lib/translations";
import { EVENT_TRANSLATED_FIELDS, eventFormValues } from "@/lib/validations/event";
import { staffEventPage } from "./event";

export const metadata: Metadata = { title: "Event" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string; copied?: string }> };

export default async function EventDetailsPage({ params, searchParams }: Props) {
  const { event, registrationCount, seriesName } = await staffEventPage(params);
  const [{ saved, copied }, options] = await Promise.all([searchParams, eventFormOptions()]);
  const nextNumber = event.seriesId ? await nextSeriesNumber(event.seriesId) : null;
  const deletable = event.status === "draft" && registrationCount === 0;

  return (
    <div className="space-y-8">
      {saved && (
        <Alert tone="success">Event created. It is a draft until you schedule it; next, add its participants and agenda.</Alert>
      )}
      {(copied === "next" || copied === "duplicate") && (
        <Alert tone="success">
          {copied === "next" ? "Next meeting planned" : "Event duplicated"} as a draft, with the agenda and participants of the
          event it came from. Nobody has been invited yet. Check the title and details, then schedule it.
        </Alert>
      )}
      <EventStatusControls
        eventId={event.id}
        status={event.status}
        registrationCount={registrationCount}
        cancelledOn={event.cancelledAt ? formatLocalDate(event.cancelledAt, options.home.zone) : null}
        heldOn={eventPhase(event) === "held" ? formatLocalDate(event.startsAt, event.timeZone) : null}
        summaryHref={`/admin/events/${event.id}/summary`}
      />
      <section aria-labelledby="event-details-heading" className="space-y-4">
        <h2 id="event-details-heading" className="text-lg font-semibold">
          Details
        </h2>
        <EventForm {...options} event={{ id: event.id, status: event.status }} defaultValues={{ ...eventFormValues(event), translations: translationDefaults(event.translations, options.languages, EVENT_TRANSLATED_FIELDS) }}
        />
      </section>
      <EventCopyForms
        eventId={event.id}
        startTime={utcToZonedParts(event.startsAt, event.timeZone).time}
        timeZone={event.timeZone}
        nextMeeting={nextNumber && seriesName ? `${seriesMeetingPhrase(nextNumber)} of ${seriesName}` : null}
      />
      {deletable ? (
        <DeleteButton label="event" action={deleteEvent.bind(null, { id: event.id })} redirectTo="/admin/events" />
      ) : (
        <p className="text-sm text-slate-600">
          {event.status === "draft"
            ? "People have registered for this event, so it cannot be deleted."
            : eventPhase(event) === "held"
              ? "A held event stays on record: it cannot be deleted or cancelled."
              : "Only a draft can be deleted. A scheduled event is cancelled instead, so that its page and registrations stay on record."}
        </p>
      )}
    </div>
  );
}
