import { z } from "zod";
import { optionalText, requiredText, slugField } from "./common";
import { translationsField } from "./translations";

export const topicSchema = z.object({
  name: requiredText(200, "Give the topic a name."),
  slug: slugField,
  description: optionalText(2000, "The description"),
  translations: translationsField({ name: 200, description: 2000 }),
});
export type TopicInput = z.input<typeof topicSchema>;

export const updateTopicSchema = topicSchema.extend({ id: z.uuid("That topic does not exist.") });
