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

export type NameFieldLabels = {
  name: string;
  honorific: string;
  honorificHint: string;
  givenName: string;
  familyName: string;
  nameOrder: string;
  givenFirst: string;
  familyFirst: string;
};

// The staff area's words; the panelist area passes its own language's.
const ENGLISH: NameFieldLabels = {
  name: "Name",
  honorific: "Honorific",
  honorificHint: "Ms., Dr., Ambassador…",
  givenName: "Given name",
  familyName: "Family name",
  nameOrder: "Name order",
  givenFirst: NAME_ORDER_LABELS.given_family,
  familyFirst: NAME_ORDER_LABELS.family_given,
};

type Props = {
  register: (name: NameField) => UseFormRegisterReturn;
  errors: Partial<Record<NameField, { message?: string }>>;
  /** The person's own name, which their browser may fill in; staff typing someone else's get no suggestions. */
  own?: boolean;
  /** The columns of the honorific and the two names. */
  columns: string;
  /** Shown under the fields, inside the group (a preview of the name). */
  children?: ReactNode;
  labels?: NameFieldLabels;
};

/** A person's name as the schema holds it: honorific, given and family name, and the order they read in. */
export function NameFields({ register, errors, own = false, columns, children, labels = ENGLISH }: Props) {
  const orders = NAME_ORDERS.map((value) => ({ value, label: value === "given_family" ? labels.givenFirst : labels.familyFirst }));
  return (
    <fieldset className="space-y-4">
      <legend className="sr-only">{labels.name}</legend>
      <div className={cn("grid gap-4", columns)}>
        <Field label={labels.honorific} error={errors.honorific?.message} hint={labels.honorificHint}>
          {(p) => <SuggestInput {...p} suggestions={HONORIFICS} autoComplete={own ? "honorific-prefix" : "off"} {...register("honorific")} />}
        </Field>
        <Field label={labels.givenName} error={errors.givenName?.message}>
          {(p) => <Input {...p} autoComplete={own ? "given-name" : "off"} {...register("givenName")} />}
        </Field>
        <Field label={labels.familyName} error={errors.familyName?.message}>
          {(p) => <Input {...p} autoComplete={own ? "family-name" : "off"} {...register("familyName")} />}
        </Field>
      </div>
      <RadioGroup legend={labels.nameOrder} options={orders} error={errors.nameOrder?.message} {...register("nameOrder")} />
      {children}
    </fieldset>
  );
}
