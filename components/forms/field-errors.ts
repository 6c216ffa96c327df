import type { FieldErrors, FieldValues } from "react-hook-form";
import type { ErrorSummaryItem } from "./error-summary";

type Flat = { name: string; message: string };

/** react-hook-form's nested errors as one list of dotted names ("references.0.title") and messages. */
export function flattenFieldErrors(errors: FieldErrors<FieldValues>, prefix = ""): Flat[] {
  const out: Flat[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || key === "ref") continue;
    const name = prefix ? `${prefix}.${key}` : key;
    const message = (value as { message?: unknown }).message;
    if (typeof message === "string" && message) out.push({ name, message });
    else if (typeof value === "object") out.push(...flattenFieldErrors(value as FieldErrors<FieldValues>, name));
  }
  return out;
}

/**
 * The errors in the order their fields stand in the form, each with its control's id (for the summary's
 * link) and the control itself (to focus). Errors of fields the form does not show come last, unlinked.
 */
export function orderByForm(errors: Flat[], form: HTMLFormElement | null): (ErrorSummaryItem & { control?: HTMLElement })[] {
  const byName = new Map(errors.map((e) => [e.name, e]));
  const out: (ErrorSummaryItem & { control?: HTMLElement })[] = [];
  if (form) {
    for (const element of Array.from(form.elements)) {
      const name = (element as HTMLInputElement).name;
      const error = name ? byName.get(name) : undefined;
      if (!error || (element as HTMLInputElement).type === "hidden") continue;
      byName.delete(name);
      const control = element as HTMLElement;
      out.push({ message: error.message, id: control.id || undefined, control });
    }
  }
  for (const error of byName.values()) out.push({ message: error.message });
  return out;
}
