// The CLI and the app cannot drift: each writing command runs on one copy of a ledger and the matching
// channels run through dispatch() on another copy, with the same input; the two ledgers (and workbooks) must match.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TASK_LIST_COLUMNS } from '../../../shared/channels/exports';
import type { ReturnFileView } from '../../../shared/channels/returns';
import type { DocumentDraft } from '../../../shared/channels/documents';
import type { Result } from '../../../shared/errors';
import { appendixTitle } from '../../../shared/exportTitles';
import { createContext } from '../../../electron/db/audit';
import { openLedger } from '../../../electron/db/connection';
import { readLedgerSnapshot } from '../../../electron/db/repositories/snapshot';
import type { AppContext } from '../../../electron/handlers/context';
import { dispatch } from '../../../electron/handlers/dispatch';
import { backupsDir } from '../../../electron/services/backupLedger';
import { defaultSavePlan } from '../../../electron/services/documents/reviewDocument';
import { runCli } from '../../../electron/cli/runCli';
import { initialReview, rowsToWrite } from '../../../renderer/src/pages/import/returnReview';
import { scriptedShell, type ScriptedShell } from '../../harness/scriptedShell';
import { tempDir } from '../ledger/helpers';

const TODAY = '2026-11-23';
const ROUND = '2026年第三季度调度';
const fixture = (...parts: string[]) => path.resolve(__dirname, '../../fixtures', ...parts);

/** The CLI in this process (the spawned binary is covered by tests/unit/ledger/cli.test.ts). */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** The app's context over a ledger file, as main builds it: the harness's dialogs, a fixed today. */
function appOver(file: string): AppContext & { shell: ScriptedShell; errors: unknown[] } {
  const errors: unknown[] = [];
  return {
    shell: scriptedShell(path.join(path.dirname(file), 'app-out')),
    ledger: createContext(openLedger(file)),
    ledgerFile: file,
    runtime: 'browser-harness',
    version: 'test',
    today: () => TODAY,
    log: (level, message, detail) => {
      if (level === 'error') errors.push({ message, detail });
    },
    notices: [],
    errors,
  };
}

async function ok<T>(result: Promise<Result<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as T;
}

/** A demo ledger (optionally changed through the app first), copied twice: one for the CLI, one for the app. */
async function twoCopies(prepare?: (app: AppContext) => Promise<void>) {
  const base = path.join(tempDir(), 'duban.sqlite');
  expect((await cli('demo', '--db', base)).code).toBe(0);
  if (prepare) {
    const app = appOver(base);
    await prepare(app);
    app.ledger.db.close();
  }
  expect(fs.existsSync(`${base}-wal`)).toBe(false);
  const copy = (name: string) => {
    const file = path.join(tempDir(), name, 'duban.sqlite');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.copyFileSync(base, file);
    return file;
  };
  return { cliLedger: copy('cli'), appLedger: copy('app') };
}

const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;

/**
 * Every table, row by row in rowid order, ids included (both copies start equal and do the same writes in
 * the same order, so the ids must match too). Ignored, because they legitimately differ:
 * - clock times (ISO timestamps, also inside the audit log's before/after JSON): each side ran at its own moment;
 * - `actor` (audit log, change sets): who made the change, 命令行 for the CLI and 本机用户 in the app.
 */
function dumpLedger(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    const dump: Record<string, unknown[]> = { user_version: [db.pragma('user_version', { simple: true })] };
    for (const table of tables) {
      dump[table] = (db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Record<string, unknown>[]).map(
        (row) =>
          Object.fromEntries(
            Object.entries(row).map(([column, value]) => [
              column,
              column === 'actor' ? '<actor>' : typeof value === 'string' ? value.replace(ISO_TIME, '<time>') : value,
            ]),
          ),
      );
    }
    return dump;
  } finally {
    db.close();
  }
}

/** The kinds of the event backups taken beside a ledger (duban-…-<reason>.sqlite). */
function backupKinds(ledgerFile: string): string[] {
  const dir = backupsDir(ledgerFile);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => /-(\w+)\.sqlite$/.exec(name)?.[1] ?? name)
    .sort();
}

/** Each sheet's name, visibility and every cell's value (clock times blanked, as in the ledgers). */
async function workbookCells(file: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book.worksheets.map((sheet) => {
    const cells: [string, unknown][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = JSON.stringify(cell.value).replace(ISO_TIME, '<time>');
        cells.push([cell.address, JSON.parse(value)]);
      }),
    );
    return { name: sheet.name, state: sheet.state, cells };
  });
}

/** 沙溪镇's return in the layout the fixture tests correct: 困难 is 存在问题, which detection does not see. */
async function oddReturn(content: string, progress: string, problems: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('进展');
  s.addRow(['填报单位：沙溪镇']);
  s.addRow(['工作内容', '进展情况', '困难']);
  s.addRow([content, progress, problems]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What 导入 → 推进情况表 does: analyze, keep the rows the preview ticks by itself, commit. */
async function importInApp(app: AppContext, files: string[]) {
  const snap = readLedgerSnapshot(app.ledger);
  const roundId = snap.rounds.find((r) => r.name === ROUND)!.id;
  const views = await ok<ReturnFileView[]>(dispatch(app, 'returns:analyze', { roundId, paths: files }));
  // The clerk confirms a file that names another period, as the CLI (which has nobody to ask) always does.
  const reviews = views.map((v) => ({ ...initialReview(v), roundConfirmed: true }));
  const writing = reviews.filter((r) => rowsToWrite(r).length > 0);
  if (!writing.length) return views;
  await ok(
    dispatch(app, 'returns:commit', {
      roundId,
      files: writing.map((r) => ({ token: r.view.token!, rows: rowsToWrite(r) })),
    }),
  );
  return views;
}

describe('CLI and app write the same ledger', () => {
  it('import returns: the same rows, batches, files and audit as 导入 → 推进情况表, and the same backup', async () => {
    const { cliLedger, appLedger } = await twoCopies();
    const files = [
      fixture('township', '沙溪镇_2024年二季度推进情况.xlsx'),
      fixture('township', '回山镇_推进情况.xlsx'),
      fixture('township', '儒岙镇_推进情况.csv'),
    ];
    const ran = await cli('import', 'returns', '--db', cliLedger, '--today', TODAY, ...files);
    expect(ran.err).toBe('');
    expect(ran.code).toBe(0);
    const app = appOver(appLedger);
    await importInApp(app, files);
    app.ledger.db.close();
    expect(app.errors).toEqual([]);

    const written = dumpLedger(cliLedger);
    expect(written.progress_report!.length).toBeGreaterThan(10);
    expect(written.import_batch!.length).toBe(3);
    expect(written).toEqual(dumpLedger(appLedger));
    expect(backupKinds(cliLedger)).toEqual(['import']);
    expect(backupKinds(cliLedger)).toEqual(backupKinds(appLedger));
  });

  it("import returns uses a township's remembered column mapping as the app does", async () => {
    // Earlier, in the app, the clerk told which column of 沙溪镇's layout is 存在问题, and it was remembered.
    const { cliLedger, appLedger } = await twoCopies(async (app) => {
      const snap = readLedgerSnapshot(app.ledger);
      const roundId = snap.rounds.find((r) => r.name === ROUND)!.id;
      const first = path.join(tempDir(), '沙溪镇.xlsx');
      fs.writeFileSync(
        first,
        await oddReturn('严厉打击暴力伤医等涉医违法犯罪行为，维护医务人员合法权益', '检查2次', '警力不足'),
      );
      const [read] = await ok<ReturnFileView[]>(dispatch(app, 'returns:analyze', { roundId, paths: [first] }));
      // The clerk tells which column is 存在问题: main re-reads the file it holds.
      const view = await ok<ReturnFileView>(
        dispatch(app, 'returns:reanalyze', {
          token: read!.token!,
          roundId,
          overrides: { 进展: { columns: { problems: 2 } } },
        }),
      );
      const review = initialReview(view, { 进展: { columns: { problems: 2 } } });
      await ok(
        dispatch(app, 'returns:commit', { roundId, files: [{ token: view.token!, rows: rowsToWrite(review) }] }),
      );
    });
    // The next return with the same header reports another work item of 沙溪镇 (one of 各乡镇街道's).
    const reading = openLedger(appLedger, { readonly: true });
    const snap = readLedgerSnapshot(createContext(reading));
    reading.close();
    const item = snap.tasks.find((t) => t.content.startsWith('强化老年医学和医养结合服务人才培养'))!;
    const file = path.join(tempDir(), '沙溪镇第二次.xlsx');
    fs.writeFileSync(file, await oddReturn(item.content, '已完成人员培训', '场地不足'));

    const dry = await cli('import', 'returns', '--db', cliLedger, '--dry-run', '--json', '--today', TODAY, file);
    expect(JSON.parse(dry.out).files[0].rows[0]).toMatchObject({
      taskId: item.id,
      problems: '场地不足',
      outcome: 'apply',
    });
    expect((await cli('import', 'returns', '--db', cliLedger, '--today', TODAY, file)).code).toBe(0);
    const app = appOver(appLedger);
    const [view] = await importInApp(app, [file]);
    app.ledger.db.close();
    expect(view!.sheets[0]!.source).toBe('remembered');

    const written = dumpLedger(cliLedger);
    expect(written.progress_report).toContainEqual(expect.objectContaining({ task_id: item.id, problems: '场地不足' }));
    expect(written).toEqual(dumpLedger(appLedger));
  });

  it('ingest: the same document, units, tasks and groups as 导入 → 政策文件 saved as read', async () => {
    const { cliLedger, appLedger } = await twoCopies();
    const doc = fixture('documents', 'wenshui-measures-2023-57.docx');
    const ran = await cli('ingest', '--db', cliLedger, '--today', TODAY, doc);
    expect(ran.err).toBe('');
    expect(ran.code).toBe(0);
    const app = appOver(appLedger);
    const review = await ok<DocumentDraft>(dispatch(app, 'documents:analyze', { path: doc }));
    // 全部保存 with the flagged items confirmed (仍然保存): what the CLI, with nobody to ask, saves.
    await ok(dispatch(app, 'documents:save', defaultSavePlan(review)));
    app.ledger.db.close();

    const written = dumpLedger(cliLedger);
    expect(written.policy_document!.length).toBeGreaterThan(1);
    expect(written.import_batch!.at(-1)).toMatchObject({ kind: 'document' });
    expect(written.import_file!.at(-1)).toMatchObject({ file_name: path.basename(doc), size: fs.statSync(doc).size });
    expect(written).toEqual(dumpLedger(appLedger));
    expect(backupKinds(cliLedger)).toEqual(['document']);
    expect(backupKinds(cliLedger)).toEqual(backupKinds(appLedger));
  });
});

describe('CLI and app export the same workbooks', () => {
  const cases: { name: string; argv: string[]; channel: string; request: (app: AppContext) => unknown }[] = [
    {
      name: 'task list of one unit, one status',
      argv: ['tasks', '--unit', '县财政局', '--status', '推进中'],
      channel: 'export:tasks',
      request: (app) => {
        const snap = readLedgerSnapshot(app.ledger);
        return {
          title: appendixTitle(snap.documents[0]),
          attachmentLabel: '',
          madeBy: '',
          columns: DEFAULT_TASK_LIST_COLUMNS,
          filter: { unitId: snap.units.find((u) => u.name === '县财政局')!.id, status: '推进中' },
        };
      },
    },
    {
      name: 'overdue task list',
      argv: ['tasks', '--overdue'],
      channel: 'export:tasks',
      request: (app) => ({
        title: appendixTitle(readLedgerSnapshot(app.ledger).documents[0]),
        attachmentLabel: '',
        madeBy: '',
        columns: DEFAULT_TASK_LIST_COLUMNS,
        filter: { unitId: null, status: '逾期' },
      }),
    },
    {
      name: 'fill-in template',
      argv: ['template', '--unit', '沙溪镇', '--round', ROUND],
      channel: 'export:template',
      request: (app) => {
        const snap = readLedgerSnapshot(app.ledger);
        return {
          unitIds: [snap.units.find((u) => u.name === '沙溪镇')!.id],
          roundId: snap.rounds.find((r) => r.name === ROUND)!.id,
        };
      },
    },
    {
      name: 'roster',
      argv: ['roster', '--group', '新昌县深化基层卫生健康综合改革领导小组'],
      channel: 'export:roster',
      request: (app) => ({ groupId: readLedgerSnapshot(app.ledger).groups[0]!.id }),
    },
    {
      name: 'bulletin (Excel)',
      argv: ['bulletin', '--round', ROUND],
      channel: 'export:bulletin',
      request: (app) => ({
        roundId: readLedgerSnapshot(app.ledger).rounds.find((r) => r.name === ROUND)!.id,
        format: 'xlsx',
      }),
    },
  ];

  it.each(cases)('$name: the same cells, and neither ledger changes', async ({ argv, channel, request }) => {
    const { cliLedger, appLedger } = await twoCopies();
    const before = dumpLedger(cliLedger);
    const cliOut = path.join(tempDir(), 'cli.xlsx');
    const [kind, ...rest] = argv;
    const ran = await cli('export', kind!, '--db', cliLedger, '--out', cliOut, '--today', TODAY, ...rest);
    expect(ran.err).toBe('');
    expect(ran.code).toBe(0);

    const app = appOver(appLedger);
    const appOut = path.join(tempDir(), 'app.xlsx');
    app.shell.queueSaveAs(appOut);
    const outcome = await ok<{ files: string[] }>(dispatch(app, channel, request(app)));
    app.ledger.db.close();
    expect(outcome.files).toEqual([appOut]);

    const cells = await workbookCells(cliOut);
    expect(cells.flatMap((s) => s.cells).length).toBeGreaterThan(5);
    expect(cells).toEqual(await workbookCells(appOut));
    expect(dumpLedger(cliLedger)).toEqual(before);
    expect(dumpLedger(appLedger)).toEqual(before);
  });
});
