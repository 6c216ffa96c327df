"use client";

import Link from "next/link";
import { type ChangeEvent, useRef, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import {
  addParticipant,
  inviteParticipant,
  moveParticipant,
  removeParticipant,
  updateParticipant,
} from "@/app/(staff)/admin/events/[id]/participants/actions";
import { EditButtons, RowControls, RowList, useRowActions } from "@/components/forms/row-controls";
import { type RegisterTranslation, Translated, translationOf } from "@/components/forms/translated-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Options, Select } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/table";
import type { ParticipantRole } from "@/db/schema";
import {
  addParticipantSchema,
  INVITATION_STATUS_LABELS,
  INVITATION_STATUSES,
  type InvitationStatus,
  PARTICIPANT_ROLE_LABELS,
  PARTICIPANT_ROLES,
  updateParticipantSchema,
} from "@/lib/validations/participant";
import type { Language, Translations } from "@/lib/i18n/languages";
import { translationDefaults } from "@/lib/translations";

export type ParticipantItem = {
  id: string;
  name: string;
  role: ParticipantRole;
  positionAtEvent: string | null;
  translations: Translations<"positionAtEvent">;
  currentPosition: string | null;
  invitationStatus: InvitationStatus;
  /** When the invitation was last sent and answered, as dates to show. */
  invitedOn?: string | null;
  answeredOn?: string | null;
  /** What the invitee wrote with their answer. */
  invitationMessage?: string | null;
  /** Whether the person has a private email to invite them at. */
  hasEmail?: boolean;
};

export type PersonChoice = { id: string; name: string; position: string | null; organization: string | null };

/** Lower-case without accents, so that "nakamitsu" finds "Nakamitsu" and "jose" finds "José". */
const fold = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/** `languages`: the enabled languages besides the default, in which the position at the event is also written. */
export function ParticipantList({ participants, languages }: { participants: ParticipantItem[]; languages: readonly Language[] }) {
  return (
    <RowList
      id="participants-heading"
      title="Participants"
      items={participants}
      empty={{ title: "No participants yet", children: "Add the host, speakers, moderator and panelists below, in the order the programme lists them." }}
      row={(p, index, onRemoved) => <ParticipantRow key={p.id} participant={p} index={index} count={participants.length} onRemoved={onRemoved} languages={languages} />}
    />
  );
}

type RowProps = { participant: ParticipantItem; index: number; count: number; onRemoved: () => void; languages: readonly Language[] };

function ParticipantRow({ participant: p, index, count, onRemoved, languages }: RowProps) {
  const [editing, setEditing] = useState(false);
  const { run, pending, error, message: notice } = useRowActions();

  const positionChanged = p.currentPosition !== null && p.currentPosition !== p.positionAtEvent;

  return (
    <li className="space-y-3 p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-0.5">
          <p className="font-medium">
            <span className="mr-2 text-slate-500 tabular-nums">{index + 1}.</span>
            {p.name}
          </p>
          <p className="text-sm text-slate-700">
            {PARTICIPANT_ROLE_LABELS[p.role]} · {p.positionAtEvent ?? <span className="text-slate-500">No position at the event</span>}
          </p>
          <p className="text-xs text-slate-600">
            Invitation: {INVITATION_STATUS_LABELS[p.invitationStatus]}
            {p.invitationStatus !== "not_invited" && p.invitedOn && ` · sent ${p.invitedOn}`}
            {(p.invitationStatus === "confirmed" || p.invitationStatus === "declined") && p.answeredOn && ` · answered ${p.answeredOn}`}
            {p.hasEmail === false && p.invitationStatus !== "confirmed" && " · no private email on record"}
          </p>
          {p.invitationMessage && (
            <p className="text-xs text-slate-700">
              Their message: <q className="whitespace-pre-line">{p.invitationMessage}</q>
            </p>
          )}
          {positionChanged && <p className="text-xs text-slate-500">Their current position is now: {p.currentPosition}</p>}
        </div>
        <RowControls
          name={p.name}
          index={index}
          count={count}
          editing={editing}
          onToggleEdit={() => setEditing((v) => !v)}
          busy={pending}
          onMove={(direction) => run(() => moveParticipant({ id: p.id, direction }))}
          onRemove={() => run(() => removeParticipant({ id: p.id }), onRemoved)}
        >
          {p.invitationStatus !== "confirmed" && (
            <Button type="button" variant="secondary" size="sm" pending={pending} onClick={() => run(() => inviteParticipant({ id: p.id }))}>
              {p.invitationStatus === "not_invited" ? "Invite" : "Invite again"}
              <span className="sr-only"> {p.name}</span>
            </Button>
          )}
        </RowControls>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {notice && <Alert tone="success">{notice}</Alert>}
      {editing && <ParticipantEditForm participant={p} languages={languages} onDone={() => setEditing(false)} />}
    </li>
  );
}

function ParticipantEditForm({ participant: p, languages, onDone }: { participant: ParticipantItem; languages: readonly Language[]; onDone: () => void }) {
  const { form, message, onSubmit, errors, pending } = useActionForm(updateParticipantSchema, updateParticipant, {
    defaultValues: {
      id: p.id,
      role: p.role,
      positionAtEvent: p.positionAtEvent ?? "",
      invitationStatus: p.invitationStatus,
      translations: translationDefaults(p.translations, languages, ["positionAtEvent"]),
    },
    onSuccess: onDone,
  });
  const position = (
    <Field label="Position at the event" error={errors.positionAtEvent?.message}>
      {(f) => <Input {...f} {...form.register("positionAtEvent")} />}
    </Field>
  );
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={`Edit ${p.name}`} className="grid gap-4 rounded-md bg-slate-50 p-4 md:grid-cols-3">
      {message && (
        <div className="md:col-span-3">
          <Alert tone={message.tone}>{message.text}</Alert>
        </div>
      )}
      <RoleField error={errors.role?.message} register={form.register("role")} />
      {languages.length === 0 && position}
      <InvitationField error={errors.invitationStatus?.message} register={form.register("invitationStatus")} />
      {languages.length > 0 && (
        <div className="md:col-span-3">
          <Translated
            languages={languages}
            translation={translationOf(form.register as unknown as RegisterTranslation, errors.translations, "positionAtEvent", "Position at the event")}
          >
            {position}
          </Translated>
        </div>
      )}
      <EditButtons save="Save participant" pending={pending} onCancel={onDone} className="flex gap-2 md:col-span-3" />
    </form>
  );
}

type Registered = UseFormRegisterReturn;

function RoleField({ error, register }: { error?: string; register: Registered }) {
  return (
    <Field label="Role" error={error}>
      {(f) => (
        <Select {...f} {...register}>
          <Options values={PARTICIPANT_ROLES} labels={PARTICIPANT_ROLE_LABELS} />
        </Select>
      )}
    </Field>
  );
}

function InvitationField({ error, register }: { error?: string; register: Registered }) {
  return (
    <Field label="Invitation" error={error} hint="Changes the status only; no email is sent. To send an invitation, use Invite.">
      {(f) => (
        <Select {...f} {...register}>
          <Options values={INVITATION_STATUSES} labels={INVITATION_STATUS_LABELS} />
        </Select>
      )}
    </Field>
  );
}

export function ParticipantAddForm({ eventId, people }: { eventId: string; people: PersonChoice[] }) {
  const [filter, setFilter] = useState("");
  const positionByHand = useRef(false);
  const empty = { eventId, personId: "", role: "panelist" as const, positionAtEvent: "", invitationStatus: "not_invited" as const };
  const { form, message, onSubmit, errors, pending } = useActionForm(addParticipantSchema, addParticipant, {
    defaultValues: empty,
    onSuccess: () => {
      form.reset(empty);
      setFilter("");
      positionByHand.current = false;
    },
  });

  const chosenId = form.watch("personId");
  const chosen = people.find((p) => p.id === chosenId);
  const needle = fold(filter.trim());
  const shown = needle
    ? people.filter((p) => p.id === chosenId || fold([p.name, p.organization, p.position].filter(Boolean).join(" ")).includes(needle))
    : people;

  function onPersonChange(e: ChangeEvent<HTMLSelectElement>) {
    const person = people.find((p) => p.id === e.target.value);
    if (!positionByHand.current) form.setValue("positionAtEvent", person?.position ?? "", { shouldValidate: form.formState.isSubmitted });
  }

  if (people.length === 0) {
    return (
      <section aria-labelledby="add-participant-heading" className="space-y-2">
        <h2 id="add-participant-heading" className="text-lg font-semibold">
          Add a participant
        </h2>
        <EmptyState title="No people yet">
          Add people first under <Link href="/admin/people">People</Link>; then choose them here.
        </EmptyState>
      </section>
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-labelledby="add-participant-heading" className="space-y-4 rounded-md border border-slate-200 p-4">
      <h2 id="add-participant-heading" className="text-lg font-semibold">
        Add a participant
      </h2>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Search people" hint={`Narrows the list below by name, organization or position (${shown.length} of ${people.length}).`}>
          {(f) => <Input {...f} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />}
        </Field>
        <Field
          label="Person"
          error={errors.personId?.message}
          hint={chosen ? [chosen.position, chosen.organization].filter(Boolean).join(" · ") || "No position on record." : undefined}
        >
          {(f) => (
            <Select {...f} {...form.register("personId", { onChange: onPersonChange })}>
              <option value="">Choose a person</option>
              <Options values={shown} />
            </Select>
          )}
        </Field>
        <RoleField error={errors.role?.message} register={form.register("role")} />
        <InvitationField error={errors.invitationStatus?.message} register={form.register("invitationStatus")} />
        <div className="md:col-span-2">
          <Field
            label="Position at the event"
            error={errors.positionAtEvent?.message}
            hint="Filled in from the person's current position. It is kept as it reads today: later changes to the person do not alter this event."
          >
            {(f) => (
              <Input
                {...f}
                {...form.register("positionAtEvent", {
                  onChange: (e: ChangeEvent<HTMLInputElement>) => {
                    positionByHand.current = e.target.value.trim() !== "";
                  },
                })}
              />
            )}
          </Field>
        </div>
      </div>
      <Button type="submit" pending={pending}>
        Add participant
      </Button>
    </form>
  );
}
