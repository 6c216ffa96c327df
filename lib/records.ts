import "server-only";
import { db, type Executor, type Transaction } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import type { Caller } from "@/lib/action";
import { changedFields } from "@/lib/diff";
import { type ActionResult, fail, invalidFields } from "@/lib/errors";
import { slugify } from "@/lib/slug";

// The steps the staff's actions share: each change runs in one transaction with its audit row, and a
// record deleted meanwhile is named in the answer.

type Entity = "topic" | "series" | "venue" | "person";
type Changes = Record<string, [unknown, unknown]>;
/** A refusal found under the transaction, or null to go on. */
type Check = (tx: Executor) => Promise<ActionResult<never> | null>;

const gone = (entity: Entity) => fail(`This ${entity} no longer exists.`);

/** Inserts a record and records who made it; `audited` is what the log keeps of the values. */
export async function createRecord<V>(
  { user, client }: Caller,
  entity: Entity,
  values: V,
  spec: { check?: Check; insert: (values: V, tx: Executor) => Promise<{ id: string }>; audited?: Record<string, unknown> },
): Promise<ActionResult<{ id: string }>> {
  return db.transaction(async (tx) => {
    const refused = await spec.check?.(tx);
    if (refused) return refused;
    const row = await spec.insert(values, tx);
    await writeAudit({ actorId: user.id, client, action: `${entity}.create`, entityType: entity, entityId: row.id, changes: spec.audited ?? (values as Record<string, unknown>) }, tx);
    return { ok: true as const, data: { id: row.id } };
  });
}

/** Saves what an edit changed, after `check` has had its say; nothing changed is said, not written. */
export async function updateRecord<Row extends Record<string, unknown>, V extends Partial<Row>>(
  { user, client }: Caller,
  entity: Entity,
  id: string,
  spec: {
    read: (id: string, tx: Executor) => Promise<Row | undefined>;
    values: (before: Row) => V;
    check?: (before: Row, values: V, tx: Executor) => Promise<ActionResult<never> | null>;
    write: (id: string, values: V, tx: Executor) => Promise<unknown>;
    audited?: (changes: Changes) => Record<string, unknown>;
  },
): Promise<ActionResult> {
  return db.transaction(async (tx) => {
    const before = await spec.read(id, tx);
    if (!before) return gone(entity);
    const values = spec.values(before);
    const refused = await spec.check?.(before, values, tx);
    if (refused) return refused;
    const changes = changedFields(before, values);
    if (Object.keys(changes).length === 0) return { ok: true as const, data: undefined, message: "No changes to save." };
    await spec.write(id, values, tx);
    await writeAudit({ actorId: user.id, client, action: `${entity}.update`, entityType: entity, entityId: id, changes: spec.audited?.(changes) ?? changes }, tx);
    return { ok: true as const, data: undefined, message: "Saved." };
  });
}

/** Deletes a record nothing uses any more: `inUse` names what still does, and the record stays. */
export async function deleteUnused<Row>(
  { user, client }: Caller,
  entity: Entity,
  id: string,
  spec: {
    lock: (id: string, tx: Executor) => Promise<Row | undefined>;
    inUse: (row: Row, tx: Executor) => Promise<string | null>;
    remove: (id: string, tx: Executor) => Promise<unknown>;
    audited: (row: Row) => Record<string, unknown>;
  },
): Promise<ActionResult> {
  return db.transaction(async (tx) => {
    const row = await spec.lock(id, tx);
    if (!row) return gone(entity);
    const refused = await spec.inUse(row, tx);
    if (refused) return fail(refused);
    await spec.remove(id, tx);
    await writeAudit({ actorId: user.id, client, action: `${entity}.delete`, entityType: entity, entityId: id, changes: spec.audited(row) }, tx);
    return { ok: true as const, data: undefined };
  });
}

/**
 * A change to one part of an event (an agenda segment, a participant) in one transaction: `change`
 * returns the event the part belongs to, or nothing when the part is gone, which `gone` then says;
 * `changed` then refreshes that event's pages.
 */
export async function changeEventPart(
  gone: string,
  change: (tx: Transaction) => Promise<string | undefined>,
  changed: (eventId: string) => void,
): Promise<ActionResult> {
  const eventId = await db.transaction(change);
  if (!eventId) return fail(gone);
  changed(eventId);
  return { ok: true, data: undefined };
}

/**
 * A check for `updateRecord`: once a record's page is public its address stays, since people may have
 * linked to it; a new one is refused beside the field with `sentence`.
 */
export function addressFixed(isPublic: (id: string, tx: Executor) => Promise<boolean>, sentence: string) {
  return async (before: { id: string; slug: string }, values: { slug: string }, tx: Executor): Promise<ActionResult<never> | null> =>
    values.slug !== before.slug && (await isPublic(before.id, tx)) ? invalidFields({ slug: [sentence] }) : null;
}

type Addressed = { slug?: string | null };

/** A new record's values, its address made from `name` when none was typed. */
export function withAddress<V extends Addressed>(values: V, name: string): Omit<V, "slug"> & { slug: string } {
  return { ...values, slug: values.slug ?? slugify(name) };
}

/** `values` for `updateRecord`: an address left empty keeps the record's own. */
export function keepAddress<V extends Addressed>(values: V): (before: { slug: string }) => Omit<V, "slug"> & { slug: string } {
  return (before) => ({ ...values, slug: values.slug ?? before.slug });
}
