// Pulling the plug: a child process writes through the app's own code (an import commit, a document save, a
// paste of 2,000 rows, an export) and is killed with SIGKILL at a random moment, again and again. After each
// kill the ledger must open whole: integrity ok, no half import, no half document or paste, audit rows for
// exactly what was committed, and the export target either the old file or a complete new one.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../../electron/db/connection';
import { migrationsDir } from '../../../electron/db/migrate';
import { freshLedger, tempDir } from './helpers';
import { mulberry32 } from '../seededRandom';

const TRIALS = Number(process.env.CRASH_TRIALS ?? 30);
const PASTE_ROWS = 2000;
const DOCUMENT_ITEMS = 120;
const SEED = Number(process.env.CRASH_SEED ?? 20261201);

const random = mulberry32(SEED);

let child = '';
let seedLedger = '';

beforeAll(async () => {
  // Bundled once: a child that starts in a fraction of a second, so 120 kills fit in the test run.
  const dir = tempDir();
  child = path.join(dir, 'crashChild.cjs');
  await build({
    entryPoints: [path.resolve(__dirname, '../../crash/crashChild.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: child,
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
  fs.cpSync(migrationsDir(), path.join(dir, 'migrations'), { recursive: true });
  const { ctx, file } = freshLedger({ demo: true });
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  ctx.db.close();
  seedLedger = file;
}, 120_000);

interface Trial {
  ledger: string;
  committed: number;
  exportTarget: string;
}

/** Runs the child on a copy of the demo ledger and kills it somewhere inside its writes. */
function killDuring(kind: string, setup?: (dir: string) => void): Promise<Trial> {
  const dir = tempDir();
  const ledger = path.join(dir, 'duban.sqlite');
  fs.copyFileSync(seedLedger, ledger);
  const exportTarget = path.join(dir, '重点任务清单.xlsx');
  setup?.(dir);
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, ledger, kind, exportTarget], {
      env: {
        ...process.env,
        NODE_PATH: path.resolve(__dirname, '../../../node_modules'),
        CRASH_PASTE_ROWS: String(PASTE_ROWS),
        CRASH_DOCUMENT_ITEMS: String(DOCUMENT_ITEMS),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let armed = false;
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!armed && out.includes('ready\n')) {
        armed = true;
        // Somewhere in the first few commits: a commit takes ~10–300 ms here.
        setTimeout(() => proc.kill('SIGKILL'), 20 + Math.floor(random() * 500));
      }
    });
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`child ended by itself (${code}): ${err}`));
      resolve({ ledger, committed: (out.match(/^done /gm) ?? []).length, exportTarget });
    });
  });
}

function opened(trial: Trial) {
  const db = openLedger(trial.ledger, { create: false });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  return db;
}

const count = (db: ReturnType<typeof openLedger>, sql: string, ...args: unknown[]) =>
  (db.prepare(sql).get(...args) as { n: number }).n;

describe(`killed mid-write (${TRIALS} kills each, seed ${SEED})`, () => {
  it('an import commit: every batch whole with its reports and their audit rows, or not there at all', async () => {
    let atLeastOne = 0;
    for (let i = 0; i < TRIALS; i++) {
      const trial = await killDuring('import');
      const db = opened(trial);
      const batches = db
        .prepare("SELECT id, change_set_id AS cs, counts FROM import_batch WHERE kind = 'returns'")
        .all() as { id: number; cs: number; counts: string }[];
      // Everything the child was told had committed is there; at most the one being written when killed is extra.
      expect(batches.length === trial.committed || batches.length === trial.committed + 1, `trial ${i}`).toBe(true);
      for (const b of batches) {
        const rows = JSON.parse(b.counts).rows as number;
        expect(
          count(db, "SELECT COUNT(*) AS n FROM audit_log WHERE change_set_id = ? AND entity = 'progress_report'", b.cs),
          `batch ${b.id}`,
        ).toBe(rows);
      }
      // Later batches of the same township replace earlier reports; the newest batch still holds all of its own.
      const newest = batches.at(-1);
      if (newest)
        expect(count(db, 'SELECT COUNT(*) AS n FROM progress_report WHERE import_batch_id = ?', newest.id)).toBe(
          JSON.parse(newest.counts).rows,
        );
      expect(
        count(
          db,
          'SELECT COUNT(*) AS n FROM progress_report WHERE import_batch_id IS NOT NULL AND import_batch_id NOT IN (SELECT id FROM import_batch)',
        ),
      ).toBe(0);
      atLeastOne += batches.length > 0 ? 1 : 0;
      db.close();
    }
    expect(atLeastOne).toBeGreaterThan(0);
  }, 300_000);

  it('a document save: each saved document has all its work items and their audit rows', async () => {
    for (let i = 0; i < TRIALS; i++) {
      const trial = await killDuring('document');
      const db = opened(trial);
      const docs = db.prepare("SELECT id FROM policy_document WHERE title LIKE '崩溃测试实施方案%'").all() as {
        id: number;
      }[];
      expect(docs.length === trial.committed || docs.length === trial.committed + 1, `trial ${i}`).toBe(true);
      for (const d of docs)
        expect(
          count(db, "SELECT COUNT(*) AS n FROM task WHERE document_id = ? AND level = 'item'", d.id),
          `document ${d.id}`,
        ).toBe(DOCUMENT_ITEMS);
      const items = count(db, "SELECT COUNT(*) AS n FROM task WHERE content LIKE '崩溃测试工作内容%'");
      expect(
        count(
          db,
          "SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'task' AND action = 'create' AND json_extract(after, '$.content') LIKE '崩溃测试工作内容%'",
        ),
      ).toBe(items);
      db.close();
    }
  }, 300_000);

  it('a paste of 2,000 rows: all of a paste or none of it', async () => {
    for (let i = 0; i < TRIALS; i++) {
      const trial = await killDuring('paste');
      const db = opened(trial);
      const pasted = count(db, "SELECT COUNT(*) AS n FROM task WHERE content LIKE 'CRASHPASTE %'");
      expect(pasted % PASTE_ROWS, `trial ${i}: ${pasted} rows`).toBe(0);
      expect(pasted / PASTE_ROWS === trial.committed || pasted / PASTE_ROWS === trial.committed + 1, `trial ${i}`).toBe(
        true,
      );
      expect(
        count(
          db,
          "SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'task' AND action = 'create' AND json_extract(after, '$.content') LIKE 'CRASHPASTE %'",
        ),
      ).toBe(pasted);
      db.close();
    }
  }, 300_000);

  it('an export: the file is the old one or a complete new one, never a partial file', async () => {
    const old = new ExcelJS.Workbook();
    old.addWorksheet('旧').getCell('A1').value = '上一次导出的清单';
    const oldBytes = Buffer.from(await old.xlsx.writeBuffer());
    let replaced = 0;
    for (let i = 0; i < TRIALS; i++) {
      const trial = await killDuring('export', (dir) =>
        fs.writeFileSync(path.join(dir, '重点任务清单.xlsx'), oldBytes),
      );
      const bytes = fs.readFileSync(trial.exportTarget);
      if (bytes.equals(oldBytes)) continue;
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
      expect(
        String(book.worksheets[0]!.getCell('A1').value ?? '') + String(book.worksheets[0]!.getCell('A2').value ?? ''),
        `trial ${i}`,
      ).toMatch(/重点任务清单/);
      replaced += 1;
    }
    expect(replaced).toBeGreaterThan(0);
  }, 300_000);
});
