"use client";

import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { SuggestInput } from "@/components/forms/suggest-input";
import { Field, Input } from "@/components/ui/field";
import { RadioGroup } from "@/components/ui/radio-group";
import { cn } from "@/lib/cn";
import { HONORIFICS } from "@/lib/names";
import { NAME_ORDER_LABELS, NAME_ORDERS } from "@/lib/validations/person";

type NameField = "honorific" | "givenName" | "familyName" | "nameOrder";

const NAME_ORDER_OPTIONS = NAME_ORDERS.map((value) => ({ value, label: NAME_ORDER_LABELS[value] }));

type Props = {
  register: (name: NameField) => UseFormRegisterReturn;
  errors: Partial<Record<NameField, { message?: string }>>;
  /** The person's own name, which their browser may fill in; staff typing someone else's get no suggestions. */
  own?: boolean;
  /** The columns of the honorific and the two names. */
  columns: string;
  /** Shown under the fields, inside the group (a preview of the name). */
  children?: ReactNode;
};

/** A person's name as the schema holds it: honorific, given and family name, and the order they read in. */
export function NameFields({ register, errors, own = false, columns, children }: Props) {
  return (
    <fieldset className="space-y-4">
      <legend className="sr-only">Name</legend>
      <div className={cn("grid gap-4", columns)}>
        <Field label="Honorific" error={errors.honorific?.message} hint="Ms., Dr., Ambassador…">
          {(p) => <SuggestInput {...p} suggestions={HONORIFICS} autoComplete={own ? "honorific-prefix" : "off"} {...register("honorific")} />}
        </Field>
        <Field label="Given name" error={errors.givenName?.message}>
          {(p) => <Input {...p} autoComplete={own ? "given-name" : "off"} {...register("givenName")} />}
        </Field>
        <Field label="Family name" error={errors.familyName?.message}>
          {(p) => <Input {...p} autoComplete={own ? "family-name" : "off"} {...register("familyName")} />}
        </Field>
      </div>
      <RadioGroup legend="Name order" options={NAME_ORDER_OPTIONS} error={errors.nameOrder?.message} {...register("nameOrder")} />
      {children}
    </fieldset>
  );
}
