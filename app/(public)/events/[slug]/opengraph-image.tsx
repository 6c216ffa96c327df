import { ImageResponse } from "next/og";
import { notFound } from "next/navigation";
import { seriesLine } from "@/lib/names";
import { getPublicEvent } from "@/db/queries/public";
import { getSettings } from "@/db/queries/settings";
import { formatLocalDate, formatTimeRange } from "@/lib/time";

// Drawn with the font next/og bundles: nothing is downloaded, so it works on a machine without internet.
export const alt = "The event's title, date and place";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

const BRAND = "#184c87";

/** The card a link to an event shows when shared: what, when and where, in the site's colours. */
export default async function EventOpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [event, settings] = await Promise.all([getPublicEvent(slug), getSettings()]);
  if (!event) notFound();
  const series = seriesLine(event.series?.name ?? null, event.seriesNumber);
  const when = `${formatLocalDate(event.startsAt, event.timeZone)} · ${formatTimeRange(event.startsAt, event.endsAt, event.timeZone)}`;
  const where = event.venue?.name ? [event.venue.name, event.venue.city].filter(Boolean).join(", ") : null;
  const title = event.title.length > 110 ? `${event.title.slice(0, 109).trimEnd()}…` : event.title;
  return new ImageResponse(
    (
      <div style={{ display: "flex", flexDirection: "column", width: "100%", height: "100%", background: "#fff", fontSize: 32, color: "#0f172a" }}>
        <div style={{ display: "flex", height: 24, background: BRAND }} />
        <div style={{ display: "flex", flexDirection: "column", flexGrow: 1, justifyContent: "space-between", padding: "56px 72px" }}>
          <div style={{ display: "flex", flexDirection: "column" }}>
            {event.topic && <div style={{ fontSize: 28, color: BRAND, textTransform: "uppercase", letterSpacing: 2 }}>{event.topic.name}</div>}
            <div style={{ fontSize: title.length > 60 ? 56 : 68, fontWeight: 700, color: BRAND, marginTop: 20, lineHeight: 1.15 }}>{title}</div>
            {series && <div style={{ marginTop: 20, color: "#334155" }}>{series}</div>}
          </div>
          <div style={{ display: "flex", flexDirection: "column" }}>
            {event.status === "cancelled" && <div style={{ color: "#b91c1c", fontWeight: 700 }}>Cancelled</div>}
            <div>{when}</div>
            {where && <div style={{ color: "#334155" }}>{where}</div>}
            <div style={{ marginTop: 24, fontSize: 26, color: "#64748b" }}>{settings.organizationName}</div>
          </div>
        </div>
      </div>
    ),
    size,
  );
}
