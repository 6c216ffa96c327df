import { type ComponentProps, type ReactNode, useId } from "react";
import { cn } from "@/lib/cn";
import { fieldNotes } from "./field";

type Option = { value: string; label: ReactNode };

type RadioGroupProps = Omit<ComponentProps<"input">, "type" | "value" | "id"> & {
  legend: string;
  options: readonly Option[];
  error?: string;
  hint?: ReactNode;
};

/**
 * A set of radio buttons under one legend, with its hint and error wired for screen readers. The
 * remaining props (such as react-hook-form's `register(name)`) go on every radio.
 */
export function RadioGroup({ legend, options, error, hint, className, ...inputProps }: RadioGroupProps) {
  const id = useId();
  const { describedBy, notes } = fieldNotes(id, hint, error);
  return (
    <fieldset className={cn("space-y-1", className)}>
      <legend className="block text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2 pt-1">
        {options.map((option) => (
          <label key={option.value} htmlFor={`${id}-${option.value}`} className="flex items-center gap-2 text-sm text-slate-800">
            <input
              {...inputProps}
              id={`${id}-${option.value}`}
              type="radio"
              value={option.value}
              // Radios take no aria-invalid; each one points at the hint and error instead, as screen readers
              // do not always read a fieldset's description.
              aria-describedby={describedBy}
              className="size-4 accent-brand-700"
            />
            {option.label}
          </label>
        ))}
      </div>
      {notes}
    </fieldset>
  );
}
