import type { Metadata } from "next";
import Link from "next/link";
import { deletePerson } from "@/app/(staff)/admin/people/actions";
import { DeleteButton } from "@/components/admin/delete-button";
import { ItemPage } from "@/components/admin/item-page";
import { PersonForm } from "@/components/person-form";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";
import { getPerson, hasPendingRevision, listPersonEvents } from "@/db/queries/people";
import { getLanguageSettings } from "@/db/queries/settings";
import type { ParticipantRole, Person } from "@/db/schema";
import { displayName } from "@/lib/names";
import { staffItem } from "@/lib/staff-item";
import { formatLocalDate } from "@/lib/time";

export const metadata: Metadata = { title: "Edit person" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

const ROLE_LABEL: Record<ParticipantRole, string> = {
  host: "Host",
  speaker: "Speaker",
  moderator: "Moderator",
  panelist: "Panelist",
  guest: "Guest",
};

export default async function EditPersonPage({ params, searchParams }: Props) {
  const { id, item: person } = await staffItem(params, "/admin/people", getPerson);
  const [{ saved }, participations, pendingRevision, { defaultLanguage, enabledLanguages }] = await Promise.all([
    searchParams,
    listPersonEvents(id),
    hasPendingRevision(id),
    getLanguageSettings(),
  ]);
  const isPublic = participations.some((p) => p.status !== "draft");

  return (
    <ItemPage back={{ href: "/admin/people", label: "People" }} title={displayName(person)} created={saved && "Person created."}>
      {person.userId && (
        <Alert tone="info">
          {displayName(person)} has an account and can propose changes to their own profile. Your edits here apply at once.
        </Alert>
      )}
      {pendingRevision && (
        <Alert tone="warning">
          {displayName(person)} has proposed changes to their profile that are waiting for review. Saving here does not approve or
          discard them.
        </Alert>
      )}
      <PersonForm person={formValues(person)} isPublic={isPublic} languages={enabledLanguages.filter((l) => l !== defaultLanguage)} />

      <Section id="events-heading" title="Events" className="space-y-2" headingClassName="text-lg font-semibold">
        {participations.length === 0 ? (
          <p className="text-sm text-slate-600">Not part of any event yet.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {participations.map((p) => (
              <li key={`${p.eventId}-${p.role}`}>
                <Link href={`/admin/events/${p.eventId}`}>{p.title}</Link>, {formatLocalDate(p.startsAt, p.timeZone)} ·{" "}
                {ROLE_LABEL[p.role]}
                {p.status !== "scheduled" && <span className="text-slate-600"> ({p.status})</span>}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <DeleteButton label="person" action={deletePerson.bind(null, { id: person.id })} redirectTo="/admin/people" />
    </ItemPage>
  );
}

// Only what the form edits goes to the browser.
function formValues({ id, slug, honorific, givenName, familyName, nameOrder, position, organization, bio, email, translations }: Person) {
  return { id, slug, honorific, givenName, familyName, nameOrder, position, organization, bio, email, translations };
}
