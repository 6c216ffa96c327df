import type { ComponentProps } from "react";
import { Input, Select } from "@/components/ui/field";

/** A labelled search box in a list's filter form (a GET form: the page reads it back from the address). */
export function FilterInput({ id, label, ...input }: ComponentProps<typeof Input> & { id: string; label: string }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <Input id={id} {...input} />
    </div>
  );
}

type SelectProps = {
  id: string;
  name: string;
  label: string;
  /** Value and label of each choice, in order. */
  options: [string, string][];
  /** The label of the empty choice that filters nothing out, if there is one. */
  any?: string;
  defaultValue?: string;
};

/** A labelled choice in a list's filter form. */
export function FilterSelect({ id, name, label, options, any, defaultValue }: SelectProps) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <Select id={id} name={name} defaultValue={defaultValue ?? ""}>
        {any && <option value="">{any}</option>}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </Select>
    </div>
  );
}
