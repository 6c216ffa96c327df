import { z } from "zod";
import { optionalText, requiredText, slugField } from "./common";
import { translationsField } from "./translations";

export const seriesSchema = z.object({
  name: requiredText(200, "Give the series a name."),
  slug: slugField,
  // A <select> sends "" for "no topic".
  topicId: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .pipe(z.uuid("Choose a topic from the list.").nullable()),
  description: optionalText(2000, "The description"),
  translations: translationsField({ name: 200, description: 2000 }),
});
export type SeriesInput = z.input<typeof seriesSchema>;

export const updateSeriesSchema = seriesSchema.extend({ id: z.uuid("That series does not exist.") });
