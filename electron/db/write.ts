// The one audited write path: every change of a ledger row goes through these, each writing the row and its
// audit row in the same transaction (the repositories call them; a raw INSERT/UPDATE/DELETE on a ledger
// table elsewhere is caught by tests/unit/ledger/auditedWrites.test.ts). Undo writes states back here too.
import { DomainError } from '../../shared/errors';
import { writeAudit, type LedgerContext } from './audit';
import { columnsOf, linksOf, prepared, readState, type Entity } from './entities';

type State = Record<string, unknown>;

/**
 * What the audit row records, where a repository records it otherwise than the row's state (an import
 * batch's summary, a round's units): the action, the before/after states, or the entity id.
 */
export interface AuditOverride {
  action?: string;
  entityId?: number | null;
  before?: unknown;
  after?: unknown;
}

function requireId(e: Entity): void {
  if (!e.idColumn) throw new Error(`${e.table} is keyed by its columns: use upsertRows`);
}

function stateOf(ctx: LedgerContext, e: Entity, id: number): State {
  const state = readState(ctx.db, e, id);
  if (!state) throw new Error(`${e.table} ${id} not found`);
  return state;
}

function insertColumns(ctx: LedgerContext, e: Entity, values: State, id?: number): number {
  const row = columnsOf(e, values);
  for (const field of e.fields) if (field.fill === 'now' && !(field.column in row)) row[field.column] = ctx.now();
  if (id !== undefined) row.id = id;
  const cols = Object.keys(row);
  const info = prepared(
    ctx.db,
    `INSERT INTO ${e.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
  ).run(...cols.map((c) => row[c]));
  return id ?? Number(info.lastInsertRowid);
}

function updateColumns(ctx: LedgerContext, e: Entity, id: number, values: State): number {
  const row = columnsOf(e, values);
  const cols = Object.keys(row);
  if (cols.length === 0) return prepared(ctx.db, `SELECT 1 FROM ${e.table} WHERE id = ?`).get(id) ? 1 : 0;
  return prepared(ctx.db, `UPDATE ${e.table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(
    ...cols.map((c) => row[c]),
    id,
  ).changes;
}

function writeLinks(ctx: LedgerContext, e: Entity, id: number, values: State, base: State | null): void {
  for (const link of linksOf(e, values)) link.write(ctx.db, id, { ...base, ...values });
}

/** Inserts a row (and its linked rows) and audits its state as created; returns the state. */
export function insertRow(ctx: LedgerContext, e: Entity, input: object, audit: AuditOverride = {}): State {
  requireId(e);
  const values = input as State;
  const id = insertColumns(ctx, e, values);
  writeLinks(ctx, e, id, values, null);
  const after = stateOf(ctx, e, id);
  writeAudit(ctx, {
    entity: e.table,
    entityId: audit.entityId ?? id,
    action: audit.action ?? 'create',
    before: audit.before,
    after: 'after' in audit ? audit.after : after,
  });
  return after;
}

/**
 * Writes the fields a patch names (a nested value such as a deadline whole) and audits before and after.
 * With `onlyIfChanged`, a patch that changes nothing writes no audit row.
 */
export function updateRow(
  ctx: LedgerContext,
  e: Entity,
  id: number,
  input: object,
  options: { onlyIfChanged?: boolean; audit?: AuditOverride } = {},
): { before: State; after: State } {
  requireId(e);
  const patch = input as State;
  const before = stateOf(ctx, e, id);
  updateColumns(ctx, e, id, patch);
  writeLinks(ctx, e, id, patch, before);
  const after = stateOf(ctx, e, id);
  if (options.onlyIfChanged && JSON.stringify(before) === JSON.stringify(after)) return { before, after };
  const audit = options.audit ?? {};
  writeAudit(ctx, {
    entity: e.table,
    entityId: audit.entityId ?? id,
    action: audit.action ?? 'update',
    before: 'before' in audit ? audit.before : before,
    after: 'after' in audit ? audit.after : after,
  });
  return { before, after };
}

/**
 * Inserts or replaces rows of a keyed table (setting, column_mapping), written and audited as one change;
 * the caller says what the audit row records (the whole settings, a unit's mapping for one header).
 */
export function upsertRows(ctx: LedgerContext, e: Entity, rows: object[], audit: AuditOverride): void {
  for (const values of rows) {
    const row = columnsOf(e, values as State);
    const cols = Object.keys(row);
    const rest = cols.filter((c) => !e.keyColumns.includes(c));
    prepared(
      ctx.db,
      `INSERT INTO ${e.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})
       ON CONFLICT (${e.keyColumns.join(', ')}) DO UPDATE SET ${rest.map((c) => `${c} = excluded.${c}`).join(', ')}`,
    ).run(...cols.map((c) => row[c]));
  }
  writeAudit(ctx, {
    entity: e.table,
    entityId: audit.entityId ?? null,
    action: audit.action ?? 'update',
    before: audit.before,
    after: audit.after,
  });
}

/**
 * Bookkeeping columns (declared so in entities.ts) that record how an import relates to its change set: no
 * clerk's change, so no audit row. Any other column is refused.
 */
export function setBookkeeping(ctx: LedgerContext, e: Entity, id: number, input: object): void {
  const values = input as State;
  const row = columnsOf(e, values, { bookkeeping: true });
  const cols = Object.keys(row);
  if (cols.length === 0 || Object.keys(columnsOf(e, values)).length > 0)
    throw new Error(`${e.table}: only bookkeeping columns are written without an audit row`);
  prepared(ctx.db, `UPDATE ${e.table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(
    ...cols.map((c) => row[c]),
    id,
  );
}

/**
 * Undo and redo: writes an audited state back (null: the row did not exist then). Updated in place when the
 * row is there (a delete and re-insert would cascade to its children), inserted with its id otherwise.
 * The caller writes the undo/redo audit row.
 */
export function restoreState(ctx: LedgerContext, e: Entity, id: number, input: object | null): void {
  const state = input as State | null;
  requireId(e);
  if (!e.restorable) throw new DomainError('undo_unsupported', '这一步操作不能撤销。');
  if (state === null) {
    prepared(ctx.db, `DELETE FROM ${e.table} WHERE id = ?`).run(id);
    return;
  }
  const existing = readState(ctx.db, e, id);
  if (existing) updateColumns(ctx, e, id, state);
  else insertColumns(ctx, e, state, id);
  writeLinks(ctx, e, id, state, existing);
}
