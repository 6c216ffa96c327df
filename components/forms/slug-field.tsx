"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, Input } from "@/components/ui/field";
import { slugify } from "@/lib/slug";

type Props = Omit<HintOptions, "fromName"> & {
  registration: UseFormRegisterReturn;
  error?: string;
  label?: string;
  /** What a new record's address is made from (its name), when the field is left empty. */
  from: string;
};

/** The last part of a record's public address, read-only once the page is public (`fixedBecause` says why). */
export function SlugField({ label = "Address (slug)", registration, error, from, ...address }: Props) {
  const fixed = address.fixedBecause !== undefined;
  return (
    <Field label={label} error={error} hint={slugHint({ ...address, fromName: from ? slugify(from) : "" })}>
      {(p) => <Input {...p} readOnly={fixed} className={fixed ? "bg-slate-50 text-slate-600" : ""} {...registration} />}
    </Field>
  );
}

type HintOptions = {
  /** The address before the slug: "/topics/". */
  base: string;
  /** The stored slug, when editing. */
  saved?: string;
  /** What is in the field now. */
  typed?: string;
  /** The slug the server would make from the name, for a new record. */
  fromName: string;
  /** Why the address is fixed, when it is: "It is public". */
  fixedBecause?: string;
};

/** Where the page is or will be, and whether leaving the field empty keeps or makes the address. */
function slugHint({ base, saved, typed, fromName, fixedBecause }: HintOptions): string {
  if (fixedBecause) return `The page is ${base}${saved}. ${fixedBecause}, so the address stays as it is.`;
  if (saved) return `Page address: ${base}${typed || saved}. Leave empty to keep the current one.`;
  return `The page will be ${base}${typed || fromName || "…"}. Leave empty to make it from the name.`;
}
