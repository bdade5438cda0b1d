// One audited write path: every ledger table is declared in electron/db/entities.ts with exactly its columns,
// and no code outside the entity layer writes a ledger table with raw SQL (so no write can skip its audit row).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITIES, LINKED_TABLES, type Entity } from '../../../electron/db/entities';
import { freshLedger } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');

/** Tables that are not ledger data, and who writes them. */
const BOOKKEEPING: Record<string, string> = {
  audit_log: 'the audit log itself (electron/db/audit.ts)',
  change_set: 'undo/redo state of each clerk action (electron/db/undo.ts)',
  recycle_bin: "the 回收站's entries (electron/db/repositories/recycleBin.ts)",
  recycle_bin_trail: 'where each binned row went (recycleBin.ts)',
  recycle_bin_refill: 'references a later restore refills (recycleBin.ts)',
};

/** Files that may write ledger tables with their own SQL, and why. */
const ALLOWED_WRITERS: Record<string, string> = {
  'electron/db/write.ts': 'the audited write path itself: insert/update/upsert with their audit row, and undo',
  'electron/db/entities.ts': "an entity's linked rows (task_unit, round_unit, import_file), written with the entity",
  'electron/db/repositories/recycleBin.ts':
    'moves whole rows in and out of the 回收站 as stored (any table, read from the schema), auditing each row and the entry',
};

/** Bookkeeping writers: tables that are no ledger data. */
const BOOKKEEPING_WRITERS: Record<string, string[]> = {
  'electron/db/audit.ts': ['audit_log'],
  'electron/db/undo.ts': ['change_set'],
  'electron/db/repositories/recycleBin.ts': ['recycle_bin', 'recycle_bin_trail', 'recycle_bin_refill'],
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = `${dir}/${d.name}`;
    if (d.isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx|js|cjs|mjs)$/.test(d.name) ? [rel] : [];
  });
}

const WRITE = /\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM)\s+(["`]?)(\$\{[^}]+\}|\w+)\1/g;

describe('every ledger write goes through the entity layer', () => {
  it('every table of the schema is an entity, a table linked to one, or bookkeeping; each entity declares exactly its columns', () => {
    const { ctx } = freshLedger();
    const tables = (
      ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    const undeclared = tables.filter((t) => !(t in ENTITIES) && !LINKED_TABLES.has(t) && !(t in BOOKKEEPING));
    expect(undeclared, 'declare these tables in electron/db/entities.ts').toEqual([]);
    for (const e of Object.values<Entity>(ENTITIES)) {
      const columns = (ctx.db.pragma(`table_info(${e.table})`) as { name: string }[]).map((c) => c.name).sort();
      expect(e.fields.map((f) => f.column).sort(), `columns of ${e.table}`).toEqual(columns);
    }
  });

  it('no raw INSERT/UPDATE/DELETE on a ledger table outside the entity layer', () => {
    const offences: string[] = [];
    for (const file of sourceFiles('electron')) {
      if (file in ALLOWED_WRITERS) continue;
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const m of text.matchAll(WRITE)) {
        const table = m[2]!;
        // Words in comments and messages ("UPDATE the task…") name no table we have.
        const known = table.startsWith('${') || table in ENTITIES || LINKED_TABLES.has(table) || table in BOOKKEEPING;
        if (!known) continue;
        if ((BOOKKEEPING_WRITERS[file] ?? []).includes(table)) continue;
        const line = text.slice(0, m.index).split('\n').length;
        offences.push(`${file}:${line}: ${m[0]}`);
      }
    }
    expect(offences, 'write through insertRow/updateRow/upsertRows (electron/db/write.ts)').toEqual([]);
  });

  it('the db layer defines or imports its types from the domain, never from the IPC channel map', () => {
    const offenders = sourceFiles('electron/db').filter((f) =>
      /from\s+['"][^'"]*shared\/channels/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
