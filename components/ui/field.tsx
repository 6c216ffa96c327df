import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from "react";
import { cn } from "@/lib/cn";

const CONTROL =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-600";

type FieldProps = {
  label: string;
  /** A fixed id, for an error summary rendered on the server to link to; otherwise one is made. */
  id?: string;
  error?: string;
  hint?: ReactNode;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
};

/**
 * A control's hint and error, shown below it, and the ids of those shown, for its `aria-describedby`.
 * `id` is the control's (or the group's) own.
 */
export function fieldNotes(id: string, hint: ReactNode, error: string | undefined): { describedBy?: string; notes: ReactNode } {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return {
    describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined,
    notes: (
      <>
        {hint && (
          <p id={hintId} className="text-xs text-slate-600">
            {hint}
          </p>
        )}
        {error && (
          <p id={errorId} className="text-sm text-red-700">
            {error}
          </p>
        )}
      </>
    ),
  };
}

/** A label, a control and its hint and error, wired together for screen readers. */
export function Field({ label, id: fixedId, error, hint, children }: FieldProps) {
  const madeId = useId();
  const id = fixedId ?? madeId;
  const { describedBy, notes } = fieldNotes(id, hint, error);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
      {notes}
    </div>
  );
}

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input {...props} className={cn(CONTROL, className)} />;
}

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea {...props} className={cn(CONTROL, className)} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select {...props} className={cn(CONTROL, className)} />;
}

type Choice = string | number | { id: string; name: string };

/** The options of a select: values that read as themselves or through `labels`, or records by id and name. */
export function Options({ values, labels }: { values: readonly Choice[]; labels?: Record<string, string> }) {
  return values.map((choice) => {
    const [value, label] = typeof choice === "object" ? [choice.id, choice.name] : [String(choice), labels?.[choice] ?? String(choice)];
    return (
      <option key={value} value={value}>
        {label}
      </option>
    );
  });
}
