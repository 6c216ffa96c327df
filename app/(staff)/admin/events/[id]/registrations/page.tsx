import type { Metadata } from "next";
import Link from "next/link";
import { FilterInput, FilterSelect } from "@/components/admin/filter-fields";
import { EventReminders } from "@/components/event-reminders";
import { RegistrationAddForm } from "@/components/registration-add-form";
import { RegistrationApprovalForm } from "@/components/registration-approval-form";
import { RegistrationCapacityForm } from "@/components/registration-capacity-form";
import { RegistrationChart } from "@/components/registration-chart";
import { RegistrationDecisionForm } from "@/components/registration-decisions";
import { RegistrationPages, RegistrationTable } from "@/components/registration-table";
import { Input } from "@/components/ui/field";
import { Section } from "@/components/ui/section";
import { listQuestions } from "@/db/queries/event-questions";
import { answerFilter, countForStatus, countMatches, listRegistrationsPage, registrationCounts } from "@/db/queries/registration-lists";
import { registrationsPerHour } from "@/db/queries/registration-lists";
import { getSettings } from "@/db/queries/settings";
import { seatsLeft } from "@/lib/registration/window";
import { eventClock, homeClock, utcToZonedParts } from "@/lib/time";
import {
  REGISTRATION_FILTER_LABELS,
  REGISTRATION_FILTERS,
  REGISTRATION_SORTS,
  type RegistrationListParams,
  registrationListParamsSchema,
} from "@/lib/validations/registration";
import { staffEventPage } from "../event";

export const metadata: Metadata = { title: "Registrations" };

const PAGE_SIZE = 50;
// A search counts its matches up to here; past it the page says "more than".
const COUNT_CAP = 1000;
type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
type Query = Omit<RegistrationListParams, "page"> & { after?: string; before?: string };

/** The list's address: search, filter and order always; a cursor (from the page links) when given. */
function query({ q, status, question, answer, sort, after, before }: Query): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (status) params.set("status", status);
  if (question) params.set("question", question);
  if (question && answer) params.set("answer", answer);
  if (sort !== "created_desc") params.set("sort", sort);
  if (after) params.set("after", after);
  else if (before) params.set("before", before);
  const text = params.toString();
  return text ? `?${text}` : "";
}

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

// The list's checkboxes name the approval form above it.
const DECISION_FORM_ID = "registration-decisions";

export default async function EventRegistrationsPage({ params, searchParams }: Props) {
  const { event } = await staffEventPage(params, "registrations");
  const search = await searchParams;
  const { q, status, sort, question: questionId, answer: answerValue } = registrationListParamsSchema.parse(search);
  const questions = await listQuestions(event.id, { removed: true });
  const answer = answerFilter(questions, questionId, answerValue);
  // The address keeps the answer filter only for one of this event's questions.
  const filter = { q, status, sort, ...(answer && { question: answer.questionId, answer: answer.value }) };
  const listed = { q, status, sort, answer };
  const [settings, counts, page, matched, perHour] = await Promise.all([
    getSettings(),
    registrationCounts(event.id),
    listRegistrationsPage(event.id, { ...listed, after: one(search.after), before: one(search.before), pageSize: PAGE_SIZE }),
    q || answer ? countMatches(event.id, listed, COUNT_CAP) : undefined,
    registrationsPerHour(event.id, event.timeZone),
  ]);
  const { rows } = page;
  const total = matched ?? { n: countForStatus(counts, status), more: false };
  const clock = eventClock(event.timeZone, homeClock(settings));
  const base = `/admin/events/${event.id}/registrations`;
  const filtered = Boolean(filter.q || filter.status || answer);
  const left = seatsLeft(event.capacity, counts.confirmed);
  const today = utcToZonedParts(new Date(), event.timeZone).date;
  const eventDay = utcToZonedParts(event.startsAt, event.timeZone).date;
  const canAdd = event.status === "scheduled";

  // Decisions are open while the event is ahead and anyone awaits one (or could be approved after all).
  const deciding = event.status === "scheduled" && event.endsAt > new Date() && (counts.pending > 0 || counts.declined > 0);
  const reviewed = event.requiresApproval || counts.pending > 0;

  const stats: [string, string][] = [
    ["Confirmed", event.capacity == null ? `${counts.confirmed}` : `${counts.confirmed} of ${event.capacity}`],
    ["Seats left", left == null ? "No limit" : String(left)],
    ...(reviewed ? [["Awaiting approval", String(counts.pending)] as [string, string]] : []),
    ["Waitlisted", String(counts.waitlisted)],
    ["Cancelled", String(counts.cancelled)],
    ["Checked in", `${counts.checkedIn} of ${counts.confirmed}`],
  ];

  return (
    <div className="space-y-8">
      <Section id="counts-heading" title="At a glance" headingClassName="text-lg font-semibold">
        <dl className={`grid grid-cols-2 gap-3 ${stats.length > 5 ? "sm:grid-cols-3 lg:grid-cols-6" : "sm:grid-cols-5"}`}>
          {stats.map(([label, value]) => (
            <div key={label} className="rounded-md border border-slate-200 px-4 py-3">
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
              <dd className="text-2xl font-semibold tabular-nums text-brand-900">{value}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <section aria-labelledby="list-heading" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="list-heading" className="text-lg font-semibold">
            Registrations
          </h2>
          <a href={`${base}/export.csv${query(filter)}`} className="text-sm" download>
            Download as CSV (Excel)
          </a>
        </div>
        <form role="search" aria-label="Find registrations" className="flex flex-wrap items-end gap-3">
          <div className="w-full sm:w-auto">
            <label htmlFor="registrations-q" className="block text-sm font-medium">
              Search
            </label>
            <div className="w-full sm:w-80">
              <Input id="registrations-q" name="q" type="search" defaultValue={filter.q} placeholder="Name, email, organization or code" />
            </div>
          </div>
          <FilterSelect
            id="registrations-status"
            name="status"
            label="Status"
            any="Any status"
            options={REGISTRATION_FILTERS.map((s) => [s, REGISTRATION_FILTER_LABELS[s]])}
            defaultValue={filter.status}
          />
          {questions.length > 0 && (
            <>
              <FilterSelect
                id="registrations-question"
                name="question"
                label="Question"
                any="Any answers"
                options={questions.map((qn) => [qn.id, qn.removedAt ? `${qn.label} (removed)` : qn.label])}
                defaultValue={filter.question}
              />
              <FilterInput
                id="registrations-answer"
                name="answer"
                label="Answer"
                type="search"
                defaultValue={filter.answer}
                placeholder="Words, a choice, yes or no"
                aria-describedby="registrations-answer-hint"
              />
              <p id="registrations-answer-hint" className="sr-only">
                Empty: everyone who answered the question.
              </p>
            </>
          )}
          <FilterSelect id="registrations-sort" name="sort" label="Order" options={Object.entries(REGISTRATION_SORTS)} defaultValue={filter.sort} />
          <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 text-sm">
            Show
          </button>
          {filtered && (
            <Link href={`${base}${query({ sort: filter.sort })}`} className="py-2 text-sm">
              Clear
            </Link>
          )}
        </form>
        {deciding && counts.pending > 0 && (
          <RegistrationDecisionForm
            eventId={event.id}
            formId={DECISION_FORM_ID}
            waiting={counts.pending}
            onlyWaitingHref={status === "pending" ? null : `${base}${query({ sort: filter.sort, status: "pending" })}`}
          />
        )}
        <RegistrationTable
          rows={rows}
          clock={clock}
          decisions={deciding ? { eventId: event.id, formId: DECISION_FORM_ID } : undefined}
          questions={questions.filter((qn) => !qn.removedAt)}
          empty={
            filtered
              ? { title: "No registrations match" }
              : { title: "No registrations yet", body: "People who register on the event's public page appear here." }
          }
        />
        <RegistrationPages
          shown={rows.length}
          total={total.n}
          more={total.more}
          first={page.previous ? `${base}${query(filter)}` : null}
          previous={page.previous ? `${base}${query({ ...filter, before: page.previous })}` : null}
          next={page.next ? `${base}${query({ ...filter, after: page.next })}` : null}
        />
      </section>

      {/* Below the list, which is what staff come here for: how registrations came in, and the tools. */}
      <Section id="chart-heading" title="Registrations over time" className="space-y-3 border-t border-slate-200 pt-8" headingClassName="text-lg font-semibold">
        <RegistrationChart hours={perHour} through={today < eventDay ? today : eventDay} />
      </Section>

      <div className="grid gap-8 lg:grid-cols-[1fr_2fr]">
        <div className="space-y-8">
          <Section id="capacity-heading" title="Capacity" headingClassName="text-lg font-semibold">
            <RegistrationCapacityForm eventId={event.id} capacity={event.capacity} confirmed={counts.confirmed} />
          </Section>
          <Section id="approval-heading" title="Approval" headingClassName="text-lg font-semibold">
            <RegistrationApprovalForm eventId={event.id} requiresApproval={event.requiresApproval} pending={counts.pending} />
          </Section>
        </div>
        <Section id="add-heading" title="Add a registration" headingClassName="text-lg font-semibold">
          {canAdd ? (
            <RegistrationAddForm eventId={event.id} categories={event.registrationCategories} />
          ) : (
            <p className="text-sm text-slate-600">
              {event.status === "draft" ? "Schedule the event first: then people can register, and you can add them here." : "The event is cancelled."}
            </p>
          )}
        </Section>
      </div>

      <Section id="reminders-heading" title="Reminders" className="space-y-3 border-t border-slate-200 pt-8" headingClassName="text-lg font-semibold">
        <EventReminders event={event} clock={clock} />
      </Section>
    </div>
  );
}
