// Every ledger table declared once: its columns, how a row reads as the state the audit log records, its
// Chinese name. The audited writes (write.ts), undo's restorers, the recycle bin's history and the
// repositories' row mapping (repositories/rows.ts) all work from these declarations.
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from './connection';

type Row = Record<string, unknown>;
type State = Record<string, unknown>;

/** How a column's value is stored: as is, as JSON text (lists of words), or 0/1 (a flag). */
type Codec = 'plain' | 'json' | 'bool';

export interface Field {
  column: string;
  /** Where the value sits in the state; a dotted path for a nested value (deadline.date). */
  path: string[];
  codec: Codec;
  /**
   * Part of the audited state (so undo puts it back exactly) but not of the domain object the repositories
   * return (created_at, updated_at, a file's SHA-256…).
   */
  hidden: boolean;
  /**
   * Bookkeeping that is no clerk's change (an import batch's change set and counts): written by setBookkeeping()
   * without an audit row of its own, and never part of the audited state.
   */
  bookkeeping: boolean;
  /** What an INSERT puts in when the state does not hold it (audit rows written before the column was audited). */
  fill?: 'now';
}

/** Rows of another table that belong to the entity's state (a task's unit links, the units asked in a round). */
export interface Link {
  table: string;
  /** The state keys the link fills. */
  keys: string[];
  hidden: boolean;
  read(db: Db, id: number): State;
  /** Replaces the linked rows with those the state names. */
  write(db: Db, id: number, state: State): void;
}

export interface Entity {
  /** The table, and the entity name in audit_log. */
  table: string;
  /** What the clerk calls it (backup descriptions, history). */
  label: string;
  /** The INTEGER PRIMARY KEY, or null for a table keyed by its columns (setting, column_mapping). */
  idColumn: 'id' | null;
  /** The key columns of a keyed table (upserts). */
  keyColumns: string[];
  fields: Field[];
  links: Link[];
  /** Whether undo can write its audited state back (false: its audit rows are records only). */
  restorable: boolean;
}

function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

interface FieldOptions {
  path?: string;
  codec?: Codec;
  hidden?: boolean;
  bookkeeping?: boolean;
  fill?: 'now';
}

function f(column: string, options: FieldOptions = {}): Field {
  return {
    column,
    path: (options.path ?? camel(column)).split('.'),
    codec: options.codec ?? 'plain',
    hidden: options.hidden ?? false,
    bookkeeping: options.bookkeeping ?? false,
    ...(options.fill ? { fill: options.fill } : {}),
  };
}

type Statement = BetterSqlite3.Statement<unknown[], unknown>;
const statements = new WeakMap<Db, Map<string, Statement>>();

/** Statements built from declarations run once per row: prepared once per connection. */
export function prepared(db: Db, sql: string): Statement {
  let map = statements.get(db);
  if (!map) statements.set(db, (map = new Map()));
  let statement = map.get(sql);
  if (!statement) map.set(sql, (statement = db.prepare<unknown[], unknown>(sql)));
  return statement;
}

/** 牵头 units first, then 配合, each once, in the order given. */
const taskUnits: Link = {
  table: 'task_unit',
  keys: ['leadUnitIds', 'coUnitIds'],
  hidden: false,
  read(db, id) {
    const rows = prepared(db, 'SELECT unit_id, role FROM task_unit WHERE task_id = ? ORDER BY sort_order').all(id) as {
      unit_id: number;
      role: string;
    }[];
    return {
      leadUnitIds: rows.filter((r) => r.role === 'lead').map((r) => r.unit_id),
      coUnitIds: rows.filter((r) => r.role === 'co').map((r) => r.unit_id),
    };
  },
  write(db, id, state) {
    prepared(db, 'DELETE FROM task_unit WHERE task_id = ?').run(id);
    const insert = prepared(db, 'INSERT INTO task_unit (task_id, unit_id, role, sort_order) VALUES (?, ?, ?, ?)');
    const seen = new Set<number>();
    let order = 0;
    for (const role of ['lead', 'co'] as const) {
      for (const unitId of (state[`${role}UnitIds`] as number[] | undefined) ?? []) {
        if (seen.has(unitId)) continue;
        seen.add(unitId);
        insert.run(id, unitId, role, order++);
      }
    }
  },
};

const roundUnits: Link = {
  table: 'round_unit',
  keys: ['unitIds'],
  hidden: true,
  read(db, id) {
    const rows = prepared(db, 'SELECT unit_id FROM round_unit WHERE round_id = ? ORDER BY rowid').all(id) as {
      unit_id: number;
    }[];
    return { unitIds: rows.map((r) => r.unit_id) };
  },
  write(db, id, state) {
    prepared(db, 'DELETE FROM round_unit WHERE round_id = ?').run(id);
    const insert = prepared(db, 'INSERT INTO round_unit (round_id, unit_id) VALUES (?, ?)');
    for (const unitId of new Set((state.unitIds as number[] | undefined) ?? [])) insert.run(id, unitId);
  },
};

/** The file (or files) an import batch read. */
const importFiles: Link = {
  table: 'import_file',
  keys: ['files'],
  hidden: true,
  read(db, id) {
    return {
      files: prepared(
        db,
        'SELECT file_name AS fileName, sha256, size FROM import_file WHERE batch_id = ? ORDER BY id',
      ).all(id),
    };
  },
  write(db, id, state) {
    prepared(db, 'DELETE FROM import_file WHERE batch_id = ?').run(id);
    const insert = prepared(db, 'INSERT INTO import_file (batch_id, file_name, sha256, size) VALUES (?, ?, ?, ?)');
    for (const file of (state.files as { fileName: string; sha256: string; size: number }[] | undefined) ?? [])
      insert.run(id, file.fileName, file.sha256, file.size);
  },
};

function entity(
  table: string,
  label: string,
  fields: Field[],
  options: { links?: Link[]; keyColumns?: string[]; restorable?: boolean } = {},
): Entity {
  const keyColumns = options.keyColumns ?? ['id'];
  return {
    table,
    label,
    idColumn: keyColumns.length === 1 && keyColumns[0] === 'id' ? 'id' : null,
    keyColumns,
    fields: keyColumns[0] === 'id' ? [f('id'), ...fields] : fields,
    links: options.links ?? [],
    restorable: options.restorable ?? true,
  };
}

export const ENTITIES = {
  unit: entity('unit', '责任单位', [
    f('name'),
    f('short_name'),
    f('kind'),
    f('aliases', { codec: 'json' }),
    f('contact_person'),
    f('phone'),
    f('active', { codec: 'bool' }),
    f('sort_order'),
  ]),
  policy_document: entity('policy_document', '政策文件', [
    f('title'),
    f('doc_number'),
    f('issuer'),
    f('issued_on'),
    f('source_file', { hidden: true }),
    f('sha256', { hidden: true }),
    f('created_at', { hidden: true, fill: 'now' }),
  ]),
  leadership_group: entity('leadership_group', '领导小组', [
    f('name'),
    f('document_id'),
    f('office_unit_id'),
    f('office_director'),
    f('established_on'),
    f('sort_order', { hidden: true }),
  ]),
  group_member: entity('group_member', '领导小组成员', [
    f('group_id'),
    f('role'),
    f('person_name'),
    f('post'),
    f('unit_id'),
    f('sort_order'),
    f('valid_from'),
    f('valid_to'),
  ]),
  group_duty: entity('group_duty', '成员职责', [
    f('group_id'),
    f('unit_id'),
    f('unit_name'),
    f('duty'),
    f('sort_order'),
  ]),
  task: entity(
    'task',
    '任务',
    [
      f('parent_id'),
      f('document_id'),
      f('level'),
      f('number'),
      f('title'),
      f('content'),
      f('targets', { codec: 'json' }),
      f('deadline_date', { path: 'deadline.date' }),
      f('deadline_recurrence', { path: 'deadline.recurrence' }),
      f('deadline_ongoing', { path: 'deadline.ongoing', codec: 'bool' }),
      f('deadline_text', { path: 'deadline.text' }),
      f('status'),
      f('closed_by'),
      f('closed_on'),
      f('notes'),
      f('sort_order'),
      f('created_at', { hidden: true, fill: 'now' }),
      f('updated_at', { hidden: true, fill: 'now' }),
    ],
    { links: [taskUnits] },
  ),
  progress_round: entity(
    'progress_round',
    '调度轮次',
    [
      f('name'),
      f('period_start'),
      f('period_end'),
      f('due_on'),
      f('closed', { codec: 'bool' }),
      f('created_at', { hidden: true, fill: 'now' }),
      // The 调度通报's paragraphs and issuer (export:saveBulletinTexts): audited and undoable with the round,
      // read only by the bulletin, so not part of the round the other pages get.
      f('bulletin_issuer', { hidden: true }),
      f('bulletin_problems', { hidden: true }),
      f('bulletin_requirements', { hidden: true }),
    ],
    { links: [roundUnits] },
  ),
  progress_report: entity('progress_report', '推进情况', [
    f('task_id'),
    f('unit_id'),
    f('round_id'),
    f('status'),
    f('percent'),
    f('progress'),
    f('problems'),
    f('next_steps'),
    f('source'),
    f('import_batch_id'),
    f('reported_on'),
    f('updated_at', { fill: 'now' }),
  ]),
  // A batch is a record of an import; undoing the import marks it undone and keeps it.
  import_batch: entity(
    'import_batch',
    '导入记录',
    [
      f('kind'),
      f('label'),
      f('round_id'),
      f('unit_id'),
      f('counts', { codec: 'json', bookkeeping: true }),
      f('created_at'),
      f('actor'),
      f('undone_at'),
      f('change_set_id', { bookkeeping: true }),
    ],
    { links: [importFiles], restorable: false },
  ),
  // Both are written whole and audited as a whole (every setting; a unit's mapping for one header).
  setting: entity('setting', '设置', [f('key'), f('value', { codec: 'json' })], {
    keyColumns: ['key'],
    restorable: false,
  }),
  column_mapping: entity(
    'column_mapping',
    '表格列对应关系',
    [f('unit_id'), f('signature'), f('mapping', { path: 'columns', codec: 'json' }), f('updated_at')],
    { keyColumns: ['unit_id', 'signature'], restorable: false },
  ),
} satisfies Record<string, Entity>;

export type EntityName = keyof typeof ENTITIES;

/** Tables whose rows belong to an entity's state (written with it, never on their own). */
export const LINKED_TABLES: ReadonlySet<string> = new Set(
  Object.values(ENTITIES).flatMap((e: Entity) => e.links.map((l) => l.table)),
);

export function entityOf(table: string): Entity | undefined {
  return (ENTITIES as Record<string, Entity>)[table];
}

function decode(field: Field, value: unknown): unknown {
  // Most lists are empty: '[]' needs no parser.
  if (field.codec === 'json') return value === '[]' ? [] : typeof value === 'string' ? JSON.parse(value) : value;
  if (field.codec === 'bool') return value === 1;
  return value;
}

function encode(field: Field, value: unknown): unknown {
  if (field.codec === 'json') return JSON.stringify(value);
  if (field.codec === 'bool') return value ? 1 : 0;
  return value;
}

function place(state: State, path: string[], value: unknown): void {
  let at = state;
  // Indexed, not path.slice(): this runs for every field of every row a list reads (10,000 tasks).
  for (let i = 0; i < path.length - 1; i++) at = (at[path[i]!] ??= {}) as State;
  at[path[path.length - 1]!] = value;
}

function pick(state: State, path: string[]): unknown {
  let at: unknown = state;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as State)[key];
  }
  return at;
}

/** A row as the state of its entity; without the hidden fields it is the domain object repositories return. */
export function stateOfRow(e: Entity, row: Row, options: { hidden?: boolean } = {}): State {
  const state: State = {};
  for (const field of e.fields) {
    if (field.bookkeeping || (field.hidden && !options.hidden)) continue;
    place(state, field.path, decode(field, row[field.column]));
  }
  return state;
}

/** The audited state of a row, with its linked rows; null when there is no such row. */
export function readState(db: Db, e: Entity, id: number): State | null {
  if (!e.idColumn) throw new Error(`${e.table} has no id`);
  const row = prepared(db, `SELECT * FROM ${e.table} WHERE id = ?`).get(id) as Row | undefined;
  if (!row) return null;
  const state = stateOfRow(e, row, { hidden: true });
  for (const link of e.links) Object.assign(state, link.read(db, id));
  return state;
}

/**
 * The columns a (partial) state sets, encoded for SQLite: a field the state does not hold (undefined) is
 * left out, so a patch writes only what it names.
 */
export function columnsOf(e: Entity, state: State, options: { bookkeeping?: boolean } = {}): Row {
  const out: Row = {};
  for (const field of e.fields) {
    if (field.column === 'id' || field.bookkeeping !== (options.bookkeeping ?? false)) continue;
    const value = pick(state, field.path);
    if (value !== undefined) out[field.column] = encode(field, value);
  }
  return out;
}

/** The links a state names (any of their keys present); the rest are left as they are. */
export function linksOf(e: Entity, state: State): Link[] {
  return e.links.filter((l) => l.keys.some((k) => state[k] !== undefined));
}
