import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ProfilePreview } from "@/components/profile-preview";
import { ROLE_LABEL } from "@/components/speaker-list";
import { getPublicProfile, type PublicProfile } from "@/db/queries/profiles";
import { displayName } from "@/lib/names";
import { mediaUrl } from "@/lib/storage";
import { formatLocalDate } from "@/lib/time";
import { Section } from "@/components/ui/section";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const profile = await getPublicProfile((await params).slug);
  if (!profile) notFound();
  const about = [profile.position, profile.organization].filter(Boolean).join(", ");
  return { title: displayName(profile), description: about || undefined };
}

function EventLinks({ items }: { items: PublicProfile["appearances"] }) {
  return (
    <ul className="space-y-2">
      {items.map((a) => (
        <li key={a.id}>
          <Link href={`/events/${a.event.slug}`} className="font-medium">
            {a.event.title}
          </Link>
          {a.event.status === "cancelled" && <span className="text-slate-600"> (cancelled)</span>}
          <span className="block text-sm text-slate-700">
            {formatLocalDate(a.event.startsAt, a.event.timeZone)}
            {a.event.venueCity && `, ${a.event.venueCity}`} · {ROLE_LABEL[a.role]}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A speaker's approved profile; someone in no public event has no public page. */
export default async function PersonPage({ params }: Props) {
  await connection();
  const profile = await getPublicProfile((await params).slug);
  if (!profile) notFound();
  const now = new Date();
  const upcoming = profile.appearances.filter((a) => a.event.endsAt > now).reverse();
  const past = profile.appearances.filter((a) => a.event.endsAt <= now);
  const portrait = profile.portrait?.key
    ? { url: mediaUrl(profile.portrait.key), alt: profile.portrait.alt, width: profile.portrait.width, height: profile.portrait.height }
    : null;

  return (
    <article className="mx-auto max-w-3xl space-y-10">
      <ProfilePreview profile={{ ...profile, portrait }} />
      {upcoming.length > 0 && (
        <Section id="upcoming-heading" title="Upcoming events">
          <EventLinks items={upcoming} />
        </Section>
      )}
      {past.length > 0 && (
        <Section id="past-heading" title="Past events">
          <EventLinks items={past} />
        </Section>
      )}
    </article>
  );
}
