import type { Metadata } from "next";
import { getPersonForUser } from "@/db/queries/users";
import { EmptyState } from "@/components/ui/table";
import { requireRole } from "@/lib/auth";
import { displayName } from "@/lib/names";

export const metadata: Metadata = { title: "My profile" };

export default async function MePage() {
  const me = await requireRole("panelist", "/me");
  const person = await getPersonForUser(me.id);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-brand-900">My profile</h1>
      {!person ? (
        <EmptyState title="No profile is linked to your account yet">
          Staff link your account to your speaker profile when they invite you to an event.
        </EmptyState>
      ) : (
        <section aria-labelledby="profile-heading" className="rounded-lg border border-slate-200 p-6">
          <h2 id="profile-heading" className="text-xl font-semibold">
            {displayName(person)}
          </h2>
          <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="font-medium text-slate-700">Honorific</dt>
            <dd>{person.honorific || "—"}</dd>
            <dt className="font-medium text-slate-700">Given name</dt>
            <dd>{person.givenName}</dd>
            <dt className="font-medium text-slate-700">Family name</dt>
            <dd>{person.familyName}</dd>
            <dt className="font-medium text-slate-700">Name order</dt>
            <dd>{person.nameOrder === "family_given" ? "Family name first" : "Given name first"}</dd>
            <dt className="font-medium text-slate-700">Position</dt>
            <dd>{person.position || "—"}</dd>
            <dt className="font-medium text-slate-700">Organization</dt>
            <dd>{person.organization || "—"}</dd>
            <dt className="font-medium text-slate-700">Biography</dt>
            <dd className="whitespace-pre-line">{person.bio || "—"}</dd>
          </dl>
        </section>
      )}
    </div>
  );
}
