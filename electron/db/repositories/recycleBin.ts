// 回收站: a delete keeps the item and everything that hung on it, so it can be put back whole.
//
// What a delete takes along is read from the schema, not listed by hand: every row reached through
// ON DELETE CASCADE (reports, memberships, links…) goes into the entry, parent first, and every reference
// ON DELETE SET NULL empties is recorded beside it. A restore inserts the rows back with their ids; an id
// taken meanwhile (INTEGER PRIMARY KEY reuses the highest id) gets a new one and every reference to it
// inside the entry follows. References to rows outside the entry are followed through the trail, so a
// restore never links to a newer row that merely took the id of the one it knew.
import type BetterSqlite3 from 'better-sqlite3';
import type { BinCounts, BinKind, RecycleBinEntry, RestoreOutcome } from '../../../shared/domain';
import { EMPTY_BIN_COUNTS } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import { writeAudit, type LedgerContext } from '../audit';
import type { Db } from '../connection';
import { entityOf, readState } from '../entities';

type Row = Record<string, unknown>;

interface ForeignKey {
  child: string;
  from: string;
  parent: string;
  to: string;
  onDelete: string;
}

interface TableInfo {
  columns: string[];
  /** The INTEGER PRIMARY KEY column (the rowid), or null for tables keyed by their links. */
  idColumn: string | null;
  keyColumns: string[];
  outgoing: ForeignKey[];
  incoming: ForeignKey[];
}

/** Bookkeeping of their own: never taken along by a delete. */
const NOT_LEDGER = new Set([
  'audit_log',
  'change_set',
  'recycle_bin',
  'recycle_bin_trail',
  'recycle_bin_refill',
  'setting',
]);

const schemas = new WeakMap<Db, Map<string, TableInfo>>();

function schemaOf(db: Db): Map<string, TableInfo> {
  const known = schemas.get(db);
  if (known) return known;
  const names = (
    cached(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[]
  )
    .map((r) => r.name)
    .filter((n) => !NOT_LEDGER.has(n));
  const tables = new Map<string, TableInfo>();
  for (const name of names) {
    const cols = db.pragma(`table_info(${quote(name)})`) as { name: string; type: string; pk: number }[];
    const keys = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const idColumn = keys.length === 1 && keys[0]!.type.toUpperCase() === 'INTEGER' ? keys[0]!.name : null;
    tables.set(name, {
      columns: cols.map((c) => c.name),
      idColumn,
      keyColumns: keys.map((k) => k.name),
      outgoing: [],
      incoming: [],
    });
  }
  for (const [name, info] of tables) {
    const fks = db.pragma(`foreign_key_list(${quote(name)})`) as {
      table: string;
      from: string;
      to: string | null;
      on_delete: string;
    }[];
    for (const fk of fks) {
      const parent = tables.get(fk.table);
      if (!parent) continue;
      const edge: ForeignKey = {
        child: name,
        from: fk.from,
        parent: fk.table,
        to: fk.to ?? parent.idColumn ?? 'rowid',
        onDelete: fk.on_delete.toUpperCase(),
      };
      info.outgoing.push(edge);
      parent.incoming.push(edge);
    }
  }
  schemas.set(db, tables);
  return tables;
}

type Statement = BetterSqlite3.Statement<unknown[], unknown>;
const statements = new WeakMap<Db, Map<string, Statement>>();

/** A delete or restore runs the same few statements once per row: prepare each once per connection. */
function cached(db: Db, sql: string): Statement {
  let map = statements.get(db);
  if (!map) statements.set(db, (map = new Map()));
  let statement = map.get(sql);
  if (!statement) map.set(sql, (statement = db.prepare<unknown[], unknown>(sql)));
  return statement;
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function tableInfo(db: Db, table: string): TableInfo {
  const info = schemaOf(db).get(table);
  if (!info) throw new Error(`recycle bin: unknown table ${table}`);
  return info;
}

function keyOf(info: TableInfo, row: Row): string {
  return info.keyColumns.length ? info.keyColumns.map((c) => String(row[c])).join('\u0001') : JSON.stringify(row);
}

interface Bundle {
  version: 1;
  root: { table: string; id: number };
  /** Parent first, so inserting in this order never meets a missing parent inside the bundle. */
  rows: { table: string; row: Row }[];
  /** References outside the bundle that the delete set to NULL: (table, id).column was `value` in `parent`. */
  nulled: { table: string; id: number; column: string; parent: string; value: number }[];
}

/** Everything a delete of (table, id) removes or empties, read before the delete. */
function collect(db: Db, table: string, id: number): Bundle {
  const rootInfo = tableInfo(db, table);
  const root = cached(db, `SELECT * FROM ${quote(table)} WHERE ${quote(rootInfo.idColumn!)} = ?`).get(id) as
    Row | undefined;
  if (!root) throw new Error(`recycle bin: ${table} ${id} not found`);
  const rows: Bundle['rows'] = [{ table, row: root }];
  const seen = new Set([`${table}:${keyOf(rootInfo, root)}`]);
  const emptied: { table: string; row: Row; column: string; parent: string; value: number }[] = [];
  for (let i = 0; i < rows.length; i++) {
    const { table: parentTable, row } = rows[i]!;
    for (const fk of tableInfo(db, parentTable).incoming) {
      const value = row[fk.to];
      if (value === null || value === undefined) continue;
      const childInfo = tableInfo(db, fk.child);
      const children = cached(db, `SELECT * FROM ${quote(fk.child)} WHERE ${quote(fk.from)} = ?`).all(value) as Row[];
      for (const child of children) {
        const key = `${fk.child}:${keyOf(childInfo, child)}`;
        if (fk.onDelete === 'CASCADE') {
          if (seen.has(key)) continue;
          seen.add(key);
          rows.push({ table: fk.child, row: child });
        } else if (fk.onDelete === 'SET NULL') {
          emptied.push({ table: fk.child, row: child, column: fk.from, parent: parentTable, value: value as number });
        }
        // RESTRICT / NO ACTION: the repository refuses such a delete before it gets here.
      }
    }
  }
  const nulled = emptied
    .filter((e) => !seen.has(`${e.table}:${keyOf(tableInfo(db, e.table), e.row)}`))
    .map((e) => {
      const idColumn = tableInfo(db, e.table).idColumn;
      if (!idColumn) throw new Error(`recycle bin: ${e.table} has no id to record an emptied reference on`);
      return { table: e.table, id: e.row[idColumn] as number, column: e.column, parent: e.parent, value: e.value };
    });
  return { version: 1, root: { table, id }, rows, nulled };
}

// ---- counts and labels ------------------------------------------------------------------------------

const ROW_COUNT: Record<string, keyof BinCounts> = {
  task_unit: 'unitLinks',
  progress_report: 'reports',
  group_member: 'members',
  group_duty: 'duties',
  round_unit: 'roundUnits',
  column_mapping: 'mappings',
};
const TASK_COUNT: Record<string, keyof BinCounts> = { section: 'sections', task: 'tasks', item: 'items' };
const REF_COUNT: Record<string, keyof BinCounts> = {
  task: 'refTasks',
  leadership_group: 'refGroups',
  group_member: 'refMembers',
  group_duty: 'refDuties',
  import_batch: 'refImports',
};

function countRows(rows: { table: string; row: Row }[], skipRoot: boolean): BinCounts {
  const counts = { ...EMPTY_BIN_COUNTS };
  rows.forEach(({ table, row }, i) => {
    if (skipRoot && i === 0) return;
    const key = table === 'task' ? TASK_COUNT[row.level as string] : ROW_COUNT[table];
    if (key) counts[key] += 1;
  });
  return counts;
}

function countsOf(db: Db, bundle: Bundle): BinCounts {
  const counts = countRows(bundle.rows, true);
  const level = cached(db, 'SELECT level FROM task WHERE id = ?');
  for (const n of bundle.nulled) {
    const key = REF_COUNT[n.table];
    if (key) counts[key] += 1;
    if (n.table === 'task' && (level.get(n.id) as { level: string } | undefined)?.level === 'item')
      counts.refItems += 1;
  }
  return counts;
}

/** What a refusal calls a row it cannot find. */
const TABLE_LABELS: Record<string, string> = {
  unit: '单位',
  task: '上级任务',
  progress_round: '调度轮次',
  policy_document: '文件',
  leadership_group: '领导小组',
  import_batch: '导入记录',
};

// ---- history ----------------------------------------------------------------------------------------

/** The row as the rest of the audit log shows it (its entity's state), so history screens read a bin's rows like any other. */
function domainOf(db: Db, table: string, id: number): unknown {
  const e = entityOf(table);
  return e?.idColumn && e.restorable ? readState(db, e, id) : null;
}

/**
 * Per-row history is written outside the clerk's change set: undo brings the whole entry back through
 * the bin's own audit row, and these rows only tell each task's or unit's story.
 */
function history(ctx: LedgerContext): LedgerContext {
  return { ...ctx, changeSetId: undefined };
}

// ---- entries ----------------------------------------------------------------------------------------

interface EntryRow {
  id: number;
  kind: BinKind;
  kind_label: string;
  label: string;
  root_table: string;
  root_id: number;
  state: 'binned' | 'restored' | 'purged';
  counts: string;
  bundle: string | null;
  deleted_at: string;
  actor: string;
}

function entryRow(db: Db, id: number): EntryRow | undefined {
  return cached(db, 'SELECT * FROM recycle_bin WHERE id = ?').get(id) as EntryRow | undefined;
}

/** The entry as its audit row records it: everything but the rows themselves, which the bin keeps. */
function summary(e: EntryRow): Record<string, unknown> {
  return {
    kind: e.kind,
    kindLabel: e.kind_label,
    label: e.label,
    rootTable: e.root_table,
    rootId: e.root_id,
    state: e.state,
    counts: JSON.parse(e.counts),
  };
}

function toEntry(e: EntryRow): RecycleBinEntry {
  return {
    id: e.id,
    kind: e.kind,
    kindLabel: e.kind_label,
    label: e.label,
    deletedAt: e.deleted_at,
    actor: e.actor,
    counts: { ...EMPTY_BIN_COUNTS, ...JSON.parse(e.counts) },
  };
}

function binnedEntry(db: Db, id: number): EntryRow {
  const e = entryRow(db, id);
  if (!e || e.state !== 'binned')
    throw new DomainError('bin_entry_not_found', '回收站中已没有这一项（可能已还原或已永久删除）。请刷新后再试。');
  return e;
}

export interface BinItem {
  kind: BinKind;
  kindLabel: string;
  label: string;
  table: string;
  id: number;
}

/**
 * Deletes the item and moves it with everything that hung on it into the bin. The caller has made its
 * own checks (a unit still named on tasks is refused before this). `into` puts it back into its old
 * entry: undo and redo move an item in and out of the same entry, and write their own audit row.
 */
export function moveToBin(
  ctx: LedgerContext,
  item: BinItem,
  into?: number,
): { entryId: number; removed: BinCounts; rows: Record<string, number> } {
  return ctx.db.transaction(() => {
    const { db } = ctx;
    const bundle = collect(db, item.table, item.id);
    const before = bundle.rows.map(({ table, row }) => ({
      table,
      id: row.id as number,
      state: domainOf(db, table, row.id as number),
    }));
    const emptiedBefore = bundle.nulled.map((n) => domainOf(db, n.table, n.id));
    cached(db, `DELETE FROM ${quote(item.table)} WHERE ${quote(tableInfo(db, item.table).idColumn!)} = ?`).run(item.id);

    const log = history(ctx);
    for (const b of before)
      if (b.state) writeAudit(log, { entity: b.table, entityId: b.id, action: 'delete', before: b.state });
    bundle.nulled.forEach((n, i) => {
      const was = emptiedBefore[i];
      if (was)
        writeAudit(log, {
          entity: n.table,
          entityId: n.id,
          action: 'update',
          before: was,
          after: domainOf(db, n.table, n.id),
        });
    });

    const counts = countsOf(db, bundle);
    const values = [
      item.kind,
      item.kindLabel,
      item.label,
      item.table,
      item.id,
      JSON.stringify(counts),
      JSON.stringify(bundle),
      ctx.now(),
      ctx.actor,
    ];
    let entryId: number;
    if (into !== undefined) {
      entryId = into;
      cached(
        db,
        `UPDATE recycle_bin SET kind = ?, kind_label = ?, label = ?, root_table = ?, root_id = ?, counts = ?, bundle = ?, deleted_at = ?, actor = ?,
           state = 'binned', restored_at = NULL WHERE id = ?`,
      ).run(...values, into);
    } else {
      entryId = Number(
        db
          .prepare(
            'INSERT INTO recycle_bin (kind, kind_label, label, root_table, root_id, counts, bundle, deleted_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(...values).lastInsertRowid,
      );
    }
    const trail = cached(
      db,
      "INSERT INTO recycle_bin_trail (entry_id, event, table_name, row_id) VALUES (?, 'delete', ?, ?)",
    );
    for (const { table, row } of bundle.rows) {
      const idColumn = tableInfo(db, table).idColumn;
      if (idColumn) trail.run(entryId, table, row[idColumn]);
    }
    if (into === undefined)
      writeAudit(ctx, {
        entity: 'recycle_bin',
        entityId: entryId,
        action: 'create',
        after: summary(entryRow(db, entryId)!),
      });
    const rows: Record<string, number> = {};
    for (const { table } of bundle.rows) rows[table] = (rows[table] ?? 0) + 1;
    return { entryId, removed: counts, rows };
  })();
}

export function listRecycleBin(ctx: LedgerContext): RecycleBinEntry[] {
  const rows = ctx.db
    .prepare("SELECT * FROM recycle_bin WHERE state = 'binned' ORDER BY deleted_at DESC, id DESC")
    .all() as EntryRow[];
  return rows.map(toEntry);
}

export function getBinEntry(ctx: LedgerContext, id: number): RecycleBinEntry {
  return toEntry(binnedEntry(ctx.db, id));
}

// ---- restore ----------------------------------------------------------------------------------------

/** `binned` names the entry holding the row and the row's id in that entry's bundle. */
type Resolved = { kind: 'live'; id: number } | { kind: 'binned'; entry: EntryRow; id: number } | { kind: 'gone' };

/**
 * Where the row (table, id) that an entry knew when it was deleted is now: still there (perhaps under a
 * new id after a restore of its own), in the bin, or gone for good. Only the trail after `since` counts:
 * a row deleted and a new row given its id are told apart by the delete recorded in between.
 */
function resolve(db: Db, table: string, id: number, since: number): Resolved {
  const deleted = cached(
    db,
    "SELECT seq, entry_id FROM recycle_bin_trail WHERE table_name = ? AND row_id = ? AND event = 'delete' AND seq > ? ORDER BY seq LIMIT 1",
  );
  const cameBack = cached(
    db,
    "SELECT event, new_id, seq FROM recycle_bin_trail WHERE entry_id = ? AND table_name = ? AND row_id = ? AND event IN ('restore', 'purge') AND seq > ? ORDER BY seq LIMIT 1",
  );
  const info = tableInfo(db, table);
  let current = id;
  let after = since;
  for (let hops = 0; hops < 1000; hops++) {
    const del = deleted.get(table, current, after) as { seq: number; entry_id: number } | undefined;
    if (!del) {
      const live =
        info.idColumn && cached(db, `SELECT 1 FROM ${quote(table)} WHERE ${quote(info.idColumn)} = ?`).get(current);
      return live ? { kind: 'live', id: current } : { kind: 'gone' };
    }
    const next = cameBack.get(del.entry_id, table, current, del.seq) as
      { event: string; new_id: number | null; seq: number } | undefined;
    if (!next) {
      const entry = entryRow(db, del.entry_id);
      return entry?.state === 'binned' ? { kind: 'binned', entry, id: current } : { kind: 'gone' };
    }
    if (next.event === 'purge' || next.new_id === null) return { kind: 'gone' };
    current = next.new_id;
    after = next.seq;
  }
  return { kind: 'gone' };
}

function nextFreeId(db: Db, table: string, idColumn: string, taken: Set<number>): number {
  const live = (
    cached(db, `SELECT COALESCE(MAX(${quote(idColumn)}), 0) AS n FROM ${quote(table)}`).get() as { n: number }
  ).n;
  // Ids other entries of the bin hold are skipped too, so restoring one entry does not push another to a new id.
  const held = (
    cached(db, 'SELECT COALESCE(MAX(row_id), 0) AS n FROM recycle_bin_trail WHERE table_name = ?').get(table) as {
      n: number;
    }
  ).n;
  let id = Math.max(live, held, ...taken) + 1;
  while (taken.has(id)) id++;
  return id;
}

/** Names must stay unique: a unit or round created meanwhile under the same name is renamed first. */
function assertNamesFree(db: Db, bundle: Bundle, what: string): void {
  for (const { table, row } of bundle.rows) {
    if (table === 'unit') {
      const wanted = [
        row.name,
        row.short_name,
        ...JSON.parse(typeof row.aliases === 'string' ? row.aliases : '[]'),
      ].filter(Boolean) as string[];
      for (const other of cached(db, 'SELECT name, short_name, aliases FROM unit').all() as {
        name: string;
        short_name: string;
        aliases: string;
      }[]) {
        const names = [other.name, other.short_name, ...(JSON.parse(other.aliases) as string[])];
        const clash = wanted.find((n) => names.includes(n));
        if (clash) {
          throw new DomainError(
            'restore_name_taken',
            `不能还原${what}：现有单位“${other.name}”已使用名称“${clash}”。请先把现有单位改名（或删除），再还原。`,
          );
        }
      }
    }
    if (table === 'progress_round' && cached(db, 'SELECT 1 FROM progress_round WHERE name = ?').get(row.name)) {
      throw new DomainError(
        'restore_name_taken',
        `不能还原${what}：现在已有同名的调度轮次“${String(row.name)}”。请先删除现有的同名轮次，再还原。`,
      );
    }
  }
}

/**
 * Puts a binned entry back: its rows with their ids (new ones where taken), the references the delete
 * emptied, and the trail. Refused whole, naming what is missing, when a row it needs is itself in the bin.
 * `quiet` is for undo/redo, which write their own audit row for the entry.
 */
export function restoreFromBin(ctx: LedgerContext, entryId: number, options: { quiet?: boolean } = {}): RestoreOutcome {
  return ctx.db.transaction(() => {
    const { db } = ctx;
    const entry = binnedEntry(db, entryId);
    const what = `${entry.kind_label}“${entry.label}”`;
    const bundle = JSON.parse(entry.bundle!) as Bundle;
    const since = (
      cached(
        db,
        "SELECT COALESCE(MAX(seq), 0) AS s FROM recycle_bin_trail WHERE entry_id = ? AND event = 'delete'",
      ).get(entryId) as { s: number }
    ).s;

    // New ids first, so references to any row of the bundle can follow them.
    const idMap = new Map<string, Map<number, number>>();
    const taken = new Map<string, Set<number>>();
    for (const { table, row } of bundle.rows) {
      const idColumn = tableInfo(db, table).idColumn;
      if (!idColumn) continue;
      const old = row[idColumn] as number;
      const mine = taken.get(table) ?? new Set<number>();
      taken.set(table, mine);
      const occupied =
        mine.has(old) || cached(db, `SELECT 1 FROM ${quote(table)} WHERE ${quote(idColumn)} = ?`).get(old);
      const id = occupied ? nextFreeId(db, table, idColumn, mine) : old;
      mine.add(id);
      const map = idMap.get(table) ?? new Map<number, number>();
      map.set(old, id);
      idMap.set(table, map);
    }

    // References: inside the bundle they follow the new ids; outside they must still lead somewhere.
    const blockers = new Map<number, EntryRow>();
    const dropped = new Set<number>();
    let rootGoneBecause = '';
    const out: Row[] = bundle.rows.map(({ row }) => ({ ...row }));
    const droppedKeys = () => {
      const keys = new Map<string, Set<number>>();
      for (const i of dropped) {
        const { table, row } = bundle.rows[i]!;
        const idColumn = tableInfo(db, table).idColumn;
        if (!idColumn) continue;
        const set = keys.get(table) ?? new Set<number>();
        set.add(row[idColumn] as number);
        keys.set(table, set);
      }
      return keys;
    };
    const outside = new Map<string, Resolved>();
    for (let changed = true; changed;) {
      changed = false;
      const gone = droppedKeys();
      bundle.rows.forEach(({ table, row }, i) => {
        if (dropped.has(i)) return;
        for (const fk of tableInfo(db, table).outgoing) {
          const value = row[fk.from];
          if (value === null || value === undefined) continue;
          const inBundle = idMap.get(fk.parent)?.get(value as number);
          let missing = false;
          if (inBundle !== undefined && fk.to === tableInfo(db, fk.parent).idColumn) {
            if (gone.get(fk.parent)?.has(value as number)) missing = true;
            else out[i]![fk.from] = inBundle;
          } else {
            const key = `${fk.parent}:${value as number | string}`;
            const found = outside.get(key) ?? resolve(db, fk.parent, value as number, since);
            outside.set(key, found);
            if (found.kind === 'live') out[i]![fk.from] = found.id;
            else if (found.kind === 'binned') blockers.set(found.entry.id, found.entry);
            else missing = true;
          }
          if (!missing) continue;
          // What SQLite would have done had the row still been in the ledger when its parent went for good.
          if (fk.onDelete === 'SET NULL') out[i]![fk.from] = null;
          else {
            dropped.add(i);
            changed = true;
            if (i === 0) rootGoneBecause = TABLE_LABELS[fk.parent] ?? '所属内容';
            return;
          }
        }
      });
    }
    if (blockers.size > 0) {
      const names = [...blockers.values()].map((b) => `${b.kind_label}“${b.label}”`).join('、');
      throw new DomainError(
        'restore_needs_parent',
        `不能还原${what}：它用到的${names}也在回收站中。请先还原${names}，再还原这一项。`,
      );
    }
    if (dropped.has(0)) {
      throw new DomainError(
        'restore_parent_gone',
        `不能还原${what}：它所属的${rootGoneBecause}已被永久删除，无法放回原处。`,
      );
    }
    assertNamesFree(db, bundle, what);

    db.pragma('defer_foreign_keys = ON');
    const kept: { table: string; oldId: number | null; newId: number | null }[] = [];
    bundle.rows.forEach(({ table, row }, i) => {
      const info = tableInfo(db, table);
      const oldId = info.idColumn ? (row[info.idColumn] as number) : null;
      if (dropped.has(i)) return;
      const values = out[i]!;
      const newId = info.idColumn ? idMap.get(table)!.get(oldId!)! : null;
      if (info.idColumn) values[info.idColumn] = newId;
      const cols = info.columns.filter((c) => c in values);
      cached(
        db,
        `INSERT INTO ${quote(table)} (${cols.map(quote).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      ).run(...cols.map((c) => values[c]));
      kept.push({ table, oldId, newId });
    });

    // The references the delete emptied, on rows still in the ledger and still empty; a row since pointed elsewhere keeps its choice.
    const log = history(ctx);
    const gone = droppedKeys();
    const refill = (table: string, id: number, column: string, target: number) => {
      const before = domainOf(db, table, id);
      const set = cached(
        db,
        `UPDATE ${quote(table)} SET ${quote(column)} = ? WHERE id = ? AND ${quote(column)} IS NULL`,
      ).run(target, id);
      if (set.changes > 0 && before)
        writeAudit(log, { entity: table, entityId: id, action: 'update', before, after: domainOf(db, table, id) });
    };
    const lastSeq = () =>
      (cached(db, 'SELECT COALESCE(MAX(seq), 0) AS s FROM recycle_bin_trail').get() as { s: number }).s;
    for (const n of bundle.nulled) {
      if (gone.get(n.parent)?.has(n.value)) continue;
      const target = idMap.get(n.parent)?.get(n.value);
      if (target === undefined) continue;
      const holder = resolve(db, n.table, n.id, since);
      if (holder.kind === 'live') refill(n.table, holder.id, n.column, target);
      // The row is in the bin itself (its group was deleted after this unit): its restore refills it.
      else if (holder.kind === 'binned') {
        cached(
          db,
          'INSERT INTO recycle_bin_refill (entry_id, table_name, row_id, column_name, parent_table, parent_id, since) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).run(holder.entry.id, n.table, holder.id, n.column, n.parent, target, lastSeq());
      }
    }
    // References other restores left for this entry's rows, each to a row that is still the one it was.
    const waiting = cached(db, 'SELECT * FROM recycle_bin_refill WHERE entry_id = ? ORDER BY id').all(entryId) as {
      table_name: string;
      row_id: number;
      column_name: string;
      parent_table: string;
      parent_id: number;
      since: number;
    }[];
    for (const w of waiting) {
      const row = gone.get(w.table_name)?.has(w.row_id) ? undefined : idMap.get(w.table_name)?.get(w.row_id);
      const parent = resolve(db, w.parent_table, w.parent_id, w.since);
      if (row !== undefined && parent.kind === 'live') refill(w.table_name, row, w.column_name, parent.id);
    }
    cached(db, 'DELETE FROM recycle_bin_refill WHERE entry_id = ?').run(entryId);

    for (const k of kept) {
      if (k.newId === null) continue;
      const state = domainOf(db, k.table, k.newId);
      if (state) writeAudit(log, { entity: k.table, entityId: k.newId, action: 'restore', after: state });
    }
    const trail = cached(
      db,
      'INSERT INTO recycle_bin_trail (entry_id, event, table_name, row_id, new_id) VALUES (?, ?, ?, ?, ?)',
    );
    for (const k of kept) if (k.oldId !== null) trail.run(entryId, 'restore', k.table, k.oldId, k.newId);
    for (const i of dropped) {
      const { table, row } = bundle.rows[i]!;
      const idColumn = tableInfo(db, table).idColumn;
      if (idColumn) trail.run(entryId, 'purge', table, row[idColumn], null);
    }

    const rootId = idMap.get(bundle.root.table)!.get(bundle.root.id)!;
    const before = summary(entry);
    cached(
      db,
      "UPDATE recycle_bin SET state = 'restored', root_id = ?, bundle = NULL, restored_at = ? WHERE id = ?",
    ).run(rootId, ctx.now(), entryId);
    if (!options.quiet)
      writeAudit(ctx, {
        entity: 'recycle_bin',
        entityId: entryId,
        action: 'restore',
        before,
        after: summary(entryRow(db, entryId)!),
      });
    return {
      id: entryId,
      kind: entry.kind,
      kindLabel: entry.kind_label,
      label: entry.label,
      rootId,
      lost: countRows(
        [...dropped].sort((a, b) => a - b).map((i) => bundle.rows[i]!),
        false,
      ),
    };
  })();
}

// ---- purge ------------------------------------------------------------------------------------------

/**
 * Deletes an entry for good. The undo history up to its delete is closed too: undoing an earlier action
 * could otherwise bring back half of what was purged (a task edit without the task's reports).
 */
export function purgeBinEntry(ctx: LedgerContext, entryId: number): void {
  ctx.db.transaction(() => {
    const { db } = ctx;
    const entry = binnedEntry(db, entryId);
    const bundle = JSON.parse(entry.bundle!) as Bundle;
    const trail = cached(
      db,
      "INSERT INTO recycle_bin_trail (entry_id, event, table_name, row_id) VALUES (?, 'purge', ?, ?)",
    );
    for (const { table, row } of bundle.rows) {
      const idColumn = tableInfo(db, table).idColumn;
      if (idColumn) trail.run(entryId, table, row[idColumn]);
    }
    cached(db, "UPDATE recycle_bin SET state = 'purged', bundle = NULL, purged_at = ? WHERE id = ?").run(
      ctx.now(),
      entryId,
    );
    // Its rows are gone for good: nothing is left to refill a reference on.
    cached(db, 'DELETE FROM recycle_bin_refill WHERE entry_id = ?').run(entryId);
    const last = (
      cached(db, "SELECT MAX(change_set_id) AS id FROM audit_log WHERE entity = 'recycle_bin' AND entity_id = ?").get(
        entryId,
      ) as { id: number | null }
    ).id;
    cached(db, 'UPDATE change_set SET state = 2 WHERE state = 1').run();
    if (last !== null) cached(db, 'UPDATE change_set SET state = 2 WHERE state = 0 AND id <= ?').run(last);
    writeAudit(history(ctx), { entity: 'recycle_bin', entityId: entryId, action: 'delete', before: summary(entry) });
  })();
}

export function emptyRecycleBin(ctx: LedgerContext): number {
  return ctx.db.transaction(() => {
    const ids = (ctx.db.prepare("SELECT id FROM recycle_bin WHERE state = 'binned'").all() as { id: number }[]).map(
      (r) => r.id,
    );
    for (const id of ids) purgeBinEntry(ctx, id);
    // One row for the whole emptying, so the ledger's last change reads 清空回收站, not the last item purged.
    if (ids.length > 0)
      writeAudit(history(ctx), {
        entity: 'recycle_bin',
        entityId: null,
        action: 'empty',
        after: { purged: ids.length },
      });
    return ids.length;
  })();
}

// ---- undo and redo ----------------------------------------------------------------------------------

/** The kind's own delete (with its checks), moving the item back into the given entry. */
export type BinDeleters = Record<BinKind, (ctx: LedgerContext, id: number, into: number) => unknown>;

/**
 * The restorer undo.ts registers for 'recycle_bin': an entry's recorded state says whether its item is
 * in the bin (state 'binned') or in the ledger (no entry yet, or 'restored'). Undo of a delete and redo of
 * a restore bring the item back; redo of a delete and undo of a restore delete it again, with the rows as
 * they are now (a report typed since on a restored task goes along rather than being lost).
 */
export function replayBinEntry(ctx: LedgerContext, entryId: number, state: unknown, deleters: BinDeleters): void {
  const entry = entryRow(ctx.db, entryId);
  if (!entry || entry.state === 'purged') {
    throw new DomainError('undo_bin_purged', '这一步涉及的内容已从回收站永久删除，不能撤销或重做。');
  }
  const wantBinned = (state as { state?: string } | null)?.state === 'binned';
  if (wantBinned && entry.state === 'restored') deleters[entry.kind](ctx, entry.root_id, entryId);
  if (!wantBinned && entry.state === 'binned') restoreFromBin(ctx, entryId, { quiet: true });
}
