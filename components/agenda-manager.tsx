"use client";

import Link from "next/link";
import { type ChangeEvent, useEffect, useId, useRef, useState } from "react";
import type { FieldErrors, UseFormRegisterReturn } from "react-hook-form";
import { addAgendaItem, moveAgendaItem, removeAgendaItem, updateAgendaItem } from "@/app/(staff)/admin/events/[id]/agenda/actions";
import { EditButtons, RowControls, RowList, useRowActions } from "@/components/forms/row-controls";
import { type RegisterTranslation, Translated, translationOf } from "@/components/forms/translated-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Options, Select, Textarea } from "@/components/ui/field";
import type { AgendaKind } from "@/db/schema";
import type { Language, Translations } from "@/lib/i18n/languages";
import { translationDefaults } from "@/lib/translations";
import { formatDuration } from "@/lib/time";
import { AGENDA_KIND_LABELS, AGENDA_KINDS, AGENDA_TRANSLATED_FIELDS, addAgendaItemSchema, updateAgendaItemSchema } from "@/lib/validations/agenda";

export type AgendaEntry = {
  id: string;
  kind: AgendaKind;
  title: string;
  /** The start typed for this segment ("HH:mm" in the event's zone), or "" when it follows the one before. */
  startTime: string;
  /** When it starts, as read on the page ("4:45 p.m."), or null when that cannot be known. */
  startLabel: string | null;
  durationMinutes: number | null;
  description: string | null;
  participantIds: string[];
  participantNames: string[];
  translations: Translations<"title" | "description">;
};

export type SegmentParticipant = { id: string; name: string; role: string };

type Context = {
  eventId: string;
  participants: SegmentParticipant[];
  /** The event's IANA zone, named in the start time's hint. */
  zone: string;
  /** The enabled languages besides the default: the title and description are written in each. */
  languages: readonly Language[];
};

export function AgendaList({ items, ...context }: Context & { items: AgendaEntry[] }) {
  return (
    <RowList
      id="agenda-heading"
      title="Agenda"
      items={items}
      empty={{ title: "No segments yet", children: "Add the opening, the speeches, the panel and the closing below, in order." }}
      row={(item, index, onRemoved) => <AgendaRow key={item.id} item={item} index={index} count={items.length} context={context} onRemoved={onRemoved} />}
    />
  );
}

type RowProps = { item: AgendaEntry; index: number; count: number; context: Context; onRemoved: () => void };

function AgendaRow({ item, index, count, context, onRemoved }: RowProps) {
  const [editing, setEditing] = useState(false);
  const { run, pending, error } = useRowActions();

  const when = [
    item.startLabel ? `${item.startLabel}${item.startTime ? "" : " (after the segment before)"}` : "Start not set",
    item.durationMinutes ? formatDuration(item.durationMinutes).replace(/^approximately /, "") : null,
  ]
    .filter(Boolean)
    .join(" · ");

  return (
    <li className="space-y-3 p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-0.5">
          <p className="text-sm text-slate-600">{when}</p>
          <p className="font-medium">
            {item.title} <span className="ml-1 rounded bg-slate-100 px-2 py-0.5 text-xs font-normal text-slate-700">{AGENDA_KIND_LABELS[item.kind]}</span>
          </p>
          {item.participantNames.length > 0 && <p className="text-sm text-slate-700">With {item.participantNames.join(", ")}</p>}
          {item.description && <p className="text-sm whitespace-pre-line text-slate-600">{item.description}</p>}
        </div>
        <RowControls
          name={item.title}
          index={index}
          count={count}
          editing={editing}
          onToggleEdit={() => setEditing((v) => !v)}
          busy={pending}
          onMove={(direction) => run(() => moveAgendaItem({ id: item.id, direction }))}
          onRemove={() => run(() => removeAgendaItem({ id: item.id }), onRemoved)}
        />
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {editing && <AgendaEditForm item={item} context={context} onDone={() => setEditing(false)} />}
    </li>
  );
}

function AgendaEditForm({ item, context, onDone }: { item: AgendaEntry; context: Context; onDone: () => void }) {
  const { form, message, onSubmit, errors, pending } = useActionForm(updateAgendaItemSchema, updateAgendaItem, {
    defaultValues: {
      id: item.id,
      kind: item.kind,
      title: item.title,
      startTime: item.startTime,
      durationMinutes: item.durationMinutes == null ? "" : String(item.durationMinutes),
      description: item.description ?? "",
      participantIds: item.participantIds,
      translations: translationDefaults(item.translations, context.languages, AGENDA_TRANSLATED_FIELDS),
    },
    onSuccess: onDone,
  });
  const selected = asIds(form.watch("participantIds"));
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={`Edit ${item.title}`} className="space-y-4 rounded-md bg-slate-50 p-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <SegmentFields
        register={form.register as unknown as RegisterSegment}
        errors={errors}
        context={context}
        selected={selected}
        onSelect={(ids) => form.setValue("participantIds", ids)}
      />
      <EditButtons save="Save segment" pending={pending} onCancel={onDone} />
    </form>
  );
}

type AddProps = Context & {
  /** Where a segment added at the end would start ("HH:mm"), or "" when unknown. */
  defaultStartTime: string;
  /** Changes whenever the agenda does, so that the suggested start follows it. */
  version: number;
};

export function AgendaAddForm({ defaultStartTime, version, ...context }: AddProps) {
  const empty = {
    eventId: context.eventId,
    kind: "speech" as const,
    title: "",
    startTime: defaultStartTime,
    durationMinutes: "",
    description: "",
    participantIds: [] as string[],
    translations: translationDefaults(undefined, context.languages, AGENDA_TRANSLATED_FIELDS),
  };
  const startByHand = useRef(false);
  const { form, message, onSubmit, errors, pending } = useActionForm(addAgendaItemSchema, addAgendaItem, {
    defaultValues: empty,
    onSuccess: () => {
      form.reset({ ...empty, startTime: "" });
      startByHand.current = false;
    },
  });

  // The suggested start moves as segments are added; a start typed by hand stays.
  useEffect(() => {
    if (!startByHand.current) form.setValue("startTime", defaultStartTime);
  }, [form, defaultStartTime, version]);

  const selected = asIds(form.watch("participantIds"));
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-labelledby="add-segment-heading" className="space-y-4 rounded-md border border-slate-200 p-4">
      <h2 id="add-segment-heading" className="text-lg font-semibold">
        Add a segment
      </h2>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <SegmentFields
        register={(name) =>
          name === "startTime"
            ? form.register(name, {
                onChange: (e: ChangeEvent<HTMLInputElement>) => {
                  startByHand.current = e.target.value !== "";
                },
              })
            : (form.register as unknown as RegisterSegment)(name)
        }
        errors={errors}
        context={context}
        selected={selected}
        onSelect={(ids) => form.setValue("participantIds", ids)}
      />
      <Button type="submit" pending={pending}>
        Add segment
      </Button>
    </form>
  );
}

type SegmentField = "kind" | "title" | "startTime" | "durationMinutes" | "description";

/** The form's `register`, for a segment's fields and their translations. */
type RegisterSegment = (name: SegmentField | Parameters<RegisterTranslation>[0]) => UseFormRegisterReturn;

type FieldsProps = {
  register: RegisterSegment;
  errors: FieldErrors<{ kind: unknown; title: unknown; startTime: unknown; durationMinutes: unknown; description: unknown; participantIds: unknown; translations: unknown }>;
  context: Context;
  selected: string[];
  onSelect: (ids: string[]) => void;
};

function SegmentFields({ register, errors, context, selected, onSelect }: FieldsProps) {
  const groupId = useId();
  const toggle = (id: string, on: boolean) => onSelect(on ? [...selected, id] : selected.filter((s) => s !== id));
  const participantsError = errors.participantIds?.message;
  const { languages } = context;
  const title = (
    <Field label="Title" error={errors.title?.message as string | undefined}>
      {(f) => <Input {...f} {...register("title")} />}
    </Field>
  );
  return (
    <>
      {languages.length > 0 && (
        <Translated languages={languages} translation={translationOf(register, errors.translations, "title", "Title")}>
          {title}
        </Translated>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Kind" error={errors.kind?.message as string | undefined}>
          {(f) => (
            <Select {...f} {...register("kind")}>
              <Options values={AGENDA_KINDS} labels={AGENDA_KIND_LABELS} />
            </Select>
          )}
        </Field>
        {languages.length === 0 && title}
        <Field
          label="Start time"
          error={errors.startTime?.message as string | undefined}
          hint={`Local time in ${context.zone}. Leave empty to start right after the segment before.`}
        >
          {(f) => <Input {...f} type="time" {...register("startTime")} />}
        </Field>
        <Field label="Duration (minutes)" error={errors.durationMinutes?.message as string | undefined}>
          {(f) => <Input {...f} type="number" inputMode="numeric" min={1} {...register("durationMinutes")} />}
        </Field>
      </div>
      <Translated languages={languages} translation={translationOf(register, errors.translations, "description", "Description", 3)}>
        <Field label="Description" error={errors.description?.message as string | undefined}>
          {(f) => <Textarea {...f} rows={3} {...register("description")} />}
        </Field>
      </Translated>
      <fieldset className="space-y-2" aria-describedby={participantsError ? `${groupId}-error` : undefined}>
        <legend className="text-sm font-medium text-slate-800">Participants in this segment</legend>
        {context.participants.length === 0 ? (
          <p className="text-sm text-slate-600">
            This event has no participants yet. <Link href={`/admin/events/${context.eventId}/participants`}>Add participants</Link> to choose them here.
          </p>
        ) : (
          <ul className="grid gap-1 sm:grid-cols-2">
            {context.participants.map((p) => {
              const inputId = `${groupId}-${p.id}`;
              return (
                <li key={p.id} className="flex items-center gap-2 text-sm">
                  <input
                    id={inputId}
                    type="checkbox"
                    className="size-4"
                    checked={selected.includes(p.id)}
                    onChange={(e) => toggle(p.id, e.target.checked)}
                  />
                  <label htmlFor={inputId}>{p.name}</label>
                  <span className="text-xs text-slate-500">{p.role}</span>
                </li>
              );
            })}
          </ul>
        )}
        {participantsError && (
          <p id={`${groupId}-error`} className="text-sm text-red-700">
            {String(participantsError)}
          </p>
        )}
      </fieldset>
    </>
  );
}

/** The checked participants, whatever shape the form holds them in. */
function asIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return typeof value === "string" && value ? [value] : [];
}
