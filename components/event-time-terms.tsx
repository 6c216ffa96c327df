import type { Language } from "@/lib/i18n/languages";
import { langOfText } from "@/lib/i18n/localize";
import { translator } from "@/lib/i18n/messages";
import type { LangOf } from "@/lib/i18n/public-event";
import { formatsFor } from "@/lib/i18n/format";
import { durationMinutes } from "@/lib/time";

type Timed = { startsAt: Date; endsAt: Date; timeZone: string };

/** The "When" and "Time" of an event's details list: its start in its own zone and the home zone, then its local times and length. */
export function EventTimeTerms({ event, home, language = "en" }: { event: Timed; home: { zone: string; label: string }; language?: Language }) {
  const t = translator(language, "event");
  const formats = formatsFor(language);
  return (
    <>
      <dt className="font-medium text-slate-600">{t("whenWhere.when")}</dt>
      <dd>
        <time dateTime={event.startsAt.toISOString()}>{formats.dualTime(event.startsAt, event.timeZone, home)}</time>
      </dd>
      <dt className="font-medium text-slate-600">{t("whenWhere.time")}</dt>
      <dd>
        {t("whenWhere.timeRange", {
          range: formats.timeRange(event.startsAt, event.endsAt, event.timeZone),
          duration: formats.duration(durationMinutes(event.startsAt, event.endsAt)),
        })}
      </dd>
    </>
  );
}

type Venue = { name: string; address: string | null; city: string; country: string; langOf?: LangOf<"name" | "address" | "city" | "country"> };

/** A venue as its details list gives it: name, street address when known, then city and country. */
export function VenueAddress({ venue, language = "en" }: { venue: Venue; language?: Language }) {
  const lang = (field: "name" | "address" | "city" | "country") => langOfText(venue.langOf?.[field], language);
  const part = (field: "name" | "address" | "city" | "country", text: string) => (lang(field) ? <span lang={lang(field)}>{text}</span> : text);
  return (
    <dd>
      {part("name", venue.name)}
      {venue.address && (
        <>
          <br />
          {part("address", venue.address)}
        </>
      )}
      <br />
      {part("city", venue.city)}
      {language === "ja" ? "、" : ", "}
      {part("country", venue.country)}
    </dd>
  );
}
