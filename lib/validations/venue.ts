import { z } from "zod";
import { isValidTimeZone } from "@/lib/time";
import { optionalText, requiredText } from "./common";
import { translationsField } from "./translations";

export const venueSchema = z.object({
  name: requiredText(200, "Give the venue a name."),
  address: optionalText(500, "The address"),
  city: requiredText(200, "Enter the city."),
  country: requiredText(200, "Enter the country."),
  timeZone: z
    .string("Choose the venue's time zone, like Europe/Zurich.")
    .trim()
    .min(1, "Choose the venue's time zone, like Europe/Zurich.")
    .max(100, "Choose a time zone from the list, like Europe/Zurich.")
    .refine(isValidTimeZone, "That is not a time zone we know. Choose one from the list, like Europe/Zurich.")
    .transform(listedSpelling),
  translations: translationsField({ name: 200, address: 500, city: 200, country: 200 }),
});
export type VenueInput = z.input<typeof venueSchema>;

export const updateVenueSchema = venueSchema.extend({ id: z.uuid("That venue does not exist.") });

// The runtime's own list still uses some names IANA has since replaced (Node 20 offers Europe/Kiev, not
// Europe/Kyiv). Staff should find the current name, so it replaces the old one in the list; both stay valid.
const RENAMED: Record<string, string> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Godthab": "America/Nuuk",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
};

/** The zones the venue form offers, plus a venue's current zone whatever its spelling. */
export function timeZoneChoices(current?: string): string[] {
  const zones = new Set(
    Intl.supportedValuesOf("timeZone").map((z) => (RENAMED[z] && isValidTimeZone(RENAMED[z]) ? RENAMED[z] : z)),
  );
  zones.add("UTC");
  if (current) zones.add(current);
  return [...zones].sort();
}

/**
 * A zone as the list spells it ("europe/zurich" → "Europe/Zurich"): zone names are compared as text
 * elsewhere. A valid name the list lacks is kept as typed rather than swapped for an alias.
 */
function listedSpelling(zone: string): string {
  const lower = zone.toLowerCase();
  return timeZoneChoices().find((z) => z.toLowerCase() === lower) ?? zone;
}
