import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DomainError } from '../../shared/errors';
import { createContext } from '../db/audit';
import { openLedger, RECOVERABLE_OPEN_FAILURES, type Db } from '../db/connection';
import { translateLedgerError } from '../db/sqliteErrors';
import { BACKUP_KIND_LABELS, describeBackupContents, describeRestore, formatFileSize, formatLocalDateTime } from '../../shared/backupFacts';
import { backupsDir, createBackup, listBackups, restoreFromBackup } from '../services/backupLedger';
import { localToday } from '../handlers/context';
import { findDemoLedgerFile, isLedgerEmpty, loadDemoLedger, readDemoLedgerFile } from '../services/demoLedger';
import { TASK_STATUSES, type TaskStatus, type Unit } from '../../shared/domain';
import { unitIdsReaching } from '../../shared/collectives';
import { namesOf } from '../../shared/unitNames';
import { readLedgerSnapshot } from '../db/repositories/snapshot';
import { listUnits } from '../db/repositories/units';
import { buildBulletinWorkbook } from '../services/excel/bulletinWorkbook';
import { buildFillTemplateWorkbook } from '../services/excel/fillTemplateWorkbook';
import { buildRosterWorkbook } from '../services/excel/rosterWorkbook';
import { buildTaskListWorkbook } from '../services/excel/taskListWorkbook';
import { writeWorkbookFile } from '../services/excel/writeWorkbookFile';
import { toIngestJson } from '../services/ingest';
import { readerLedger, withReaders } from '../services/readers/readers';
import { defaultSavePlan, reviewIngest } from '../services/reviewIngest';
import { saveIngestedDocument } from '../services/saveIngestedDocument';
import { summarizeLedger } from '../services/summarizeLedger';
import { toReturnsJson } from '../services/townshipReturns/analyseReturns';
import { commitReturnFiles, fileNamesOfBatches } from '../db/repositories/importBatches';
import { decideAgainstRound, type DecidedFile } from '../services/townshipReturns/previewReturns';
import { formatSummary } from './formatSummary';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const USAGE = `用法：
  duban demo --db 台账文件.sqlite              新建一个演示台账
  duban summary --db 台账文件.sqlite [--json] [--today YYYY-MM-DD]
                                               查看台账概况（单位、领导小组、任务状态、逾期事项）
  duban ingest --db 台账文件.sqlite [--dry-run] [--json] 文件.docx|.txt
                                               读取实施方案：任务、责任单位、时限、目标、领导小组；
                                               不加 --dry-run 时按默认选择写入台账（可在“导入记录”中撤销）
  duban import returns --db 台账文件.sqlite [--round 调度轮次] [--unit 单位] [--dry-run] [--json] 文件...
                                               导入各单位报回的推进情况表（xlsx、xls、csv）；
                                               不加 --dry-run 时写入台账（每个文件一条导入记录，可撤销）
  duban export tasks --db 台账文件.sqlite --out 文件.xlsx [--unit 单位] [--status 状态] [--overdue]
                                               导出重点任务清单（A4 横向打印格式）
  duban export template --db 台账文件.sqlite --unit 单位 --round 调度轮次 --out 文件.xlsx
                                               导出某单位某轮调度的填报模板
  duban export roster --db 台账文件.sqlite --group 领导小组名称 --out 文件.xlsx
  duban export bulletin --db 台账文件.sqlite --round 调度轮次 --out 文件.xlsx
                                               导出领导小组名单 / 调度通报（含催办清单）
  duban backup list --db 台账文件.sqlite [--json]
                                               列出备份：时间、大小、任务和推进情况条数、最后一次修改、是否完好
  duban backup create --db 台账文件.sqlite      立即备份一份
  duban backup restore --db 台账文件.sqlite [--file 备份文件]
                                               从备份恢复（不指定 --file 时用最近一份完好的备份）；
                                               恢复前先把当前台账另存为备份，可再恢复回来
`;

class UsageError extends Error {}

/** Returns the exit code; never throws, so scripts get a Chinese message and a non-zero code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'demo':
        return demo(rest, io);
      case 'summary':
        return summary(rest, io);
      case 'ingest':
        return await ingest(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'import':
        return await importCommand(rest, io);
      case 'backup':
        return backupCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`未知命令“${command}”。`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof DomainError) {
      io.err(`错误：${err.message}\n`);
      return 1;
    }
    const dbArg = argv[argv.indexOf('--db') + 1];
    const translated = argv.includes('--db') && dbArg ? translateLedgerError(err, dbArg) : null;
    if (translated) {
      io.err(`错误：${translated.message}\n`);
      return 1;
    }
    io.err(`错误：程序内部出错：${(err as Error).message}\n`);
    return 1;
  }
}

function parse(args: string[], options: ParseArgsConfig['options']) {
  return parseWithFiles(args, options).values;
}

function parseWithFiles(args: string[], options: ParseArgsConfig['options']) {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: parsed.values as Record<string, string | boolean | undefined>, files: parsed.positionals };
  } catch (err) {
    throw new UsageError(`参数不正确：${(err as Error).message}`);
  }
}

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const [kind, ...rest] = args;
  if (kind !== 'returns') throw new UsageError(`未知的导入类型“${kind ?? ''}”：可用 returns。政策文件请用 duban ingest。`);
  const { values, files } = parseWithFiles(rest, {
    db: { type: 'string' },
    round: { type: 'string' },
    unit: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    today: { type: 'string' },
  });
  const file = requireDb(values);
  if (files.length === 0) throw new UsageError('请指定要导入的推进情况表文件。');
  const dryRun = values['dry-run'] === true;
  const today = typeof values.today === 'string' ? values.today : localToday();
  const db = openLedgerFor(file, dryRun);
  try {
    const ctx = createContext(db, '命令行');
    const snap = readLedgerSnapshot(ctx);
    const round =
      typeof values.round === 'string'
        ? snap.rounds.find((r) => r.name === values.round)
        : [...snap.rounds].reverse().find((r) => !r.closed) ?? snap.rounds.at(-1);
    if (typeof values.round === 'string' && !round) {
      throw new DomainError('round_not_found', `找不到调度轮次“${values.round}”。现有轮次：${snap.rounds.map((r) => r.name).join('、') || '（无）'}。`);
    }
    if (!round && !dryRun) throw new DomainError('round_missing', '台账中还没有调度轮次：请先在“调度轮次”中新建，或用 --round 指定。');
    const unit = typeof values.unit === 'string' ? findUnit(snap.units, values.unit) : undefined;
    const analyses: DecidedFile[] = [];
    // Read in the reader worker, as in the app: a file past a limit is refused by name, the rest go on.
    await withReaders({ ledger: readerLedger(snap) }, async (readers) => {
      for (const f of files) {
        const data = fs.existsSync(f) ? fs.readFileSync(f) : null;
        if (!data) throw new DomainError('file_missing', `找不到文件“${f}”。请检查路径是否正确。`);
        const analysis = await readers.analyseReturn(path.basename(f), data, { unitId: unit?.id, referenceDate: round?.periodEnd ?? today });
        // The same decisions as the app's preview: what the round already holds, the file's period.
        analyses.push(decideAgainstRound(analysis, snap, round ?? null, (ids) => fileNamesOfBatches(ctx, ids)));
      }
    });
    if (values.json) io.out(JSON.stringify(toReturnsJson(analyses), null, 2) + '\n');
    const ready = analyses.filter((a) => !a.error && a.unitId !== null);
    const count = (a: (typeof analyses)[number], outcome: string) => a.rows.filter((r) => r.outcome === outcome).length;
    const summary = analyses.map((a) =>
      a.error
        ? `  ${a.file}：${a.error.message}`
        : `  ${a.file}（${a.unit ?? '未识别填报单位'}）：可导入 ${count(a, 'apply')} 条，未改动 ${count(a, 'unchanged')} 条，未填写 ${count(a, 'empty')} 条，` +
          `与已有相同 ${count(a, 'kept-existing')} 条，待人工选择 ${count(a, 'conflict')} 条，未匹配 ${a.unmatched.length} 条` +
          a.warnings.map((w) => `\n    提示：${w}`).join(''),
    );
    if (!dryRun && round && ready.length) {
      // Exactly the rows the preview would write by itself: conflicts and unmatched rows wait for the clerk.
      const result = commitReturnFiles(
        ctx,
        round.id,
        ready.map((a) => ({
          fileName: a.file,
          sha256: a.sha256,
          size: a.size,
          unitId: a.unitId!,
          rows: a.rows
            .filter((r) => r.outcome === 'apply')
            .map(({ taskId, status, percent, progress, problems, nextSteps, sheet, row }) => ({ taskId, status, percent, progress, problems, nextSteps, sheet, row })),
        })),
      );
      summary.push(`已写入“${round.name}”：${result.rows} 条，${result.batchIds.length} 个导入记录。`);
      if (result.skippedFiles.length) summary.push(`没有可写入的内容、未导入：${result.skippedFiles.join('、')}。`);
    } else if (dryRun) summary.push('（--dry-run：未写入台账）');
    (values.json ? io.err : io.out)(summary.join('\n') + '\n');
    return analyses.some((a) => a.error) ? 1 : 0;
  } finally {
    db.close();
  }
}

function findUnit(units: Unit[], name: string): Unit {
  const unit = units.find((u) => namesOf(u).includes(name));
  if (!unit) throw new DomainError('unit_not_found', `找不到单位“${name}”。请用“责任单位”中的名称、简称或别名。`);
  return unit;
}

async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const [kind, ...rest] = args;
  const values = parse(rest, {
    db: { type: 'string' },
    out: { type: 'string' },
    unit: { type: 'string' },
    status: { type: 'string' },
    overdue: { type: 'boolean' },
    round: { type: 'string' },
    group: { type: 'string' },
    today: { type: 'string' },
  });
  const file = requireDb(values);
  const out = values.out;
  if (typeof out !== 'string' || !out.endsWith('.xlsx')) throw new UsageError('缺少 --out 参数，或文件名不是 .xlsx：请指定要保存的 Excel 文件，例如 --out 清单.xlsx');
  const today = typeof values.today === 'string' ? values.today : localToday();
  const db = openLedger(file, { readonly: true });
  try {
    const snap = readLedgerSnapshot(createContext(db, '命令行'));
    if (kind === 'tasks') {
      const status = values.status;
      if (typeof status === 'string' && !(TASK_STATUSES as readonly string[]).includes(status)) {
        throw new UsageError(`--status 应为 ${TASK_STATUSES.join('、')} 之一，收到“${status}”。`);
      }
      const unit = typeof values.unit === 'string' ? findUnit(snap.units, values.unit) : null;
      const workbook = buildTaskListWorkbook(snap, {
        title: snap.documents[0] ? `${snap.documents[0].title.replace(/（.*?）$/, '')}重点任务清单` : '重点任务清单',
        today,
        columns: ['序号', '重点任务', '工作内容', '牵头单位', '配合单位', '完成时限', '状态'],
        filter: { status: values.overdue ? '逾期' : ((status as TaskStatus | undefined) ?? '') },
        unitIds: unit ? unitIdsReaching(unit, snap.units) : undefined,
      });
      await writeWorkbookFile(workbook, out);
    } else if (kind === 'template') {
      if (typeof values.unit !== 'string' || typeof values.round !== 'string') throw new UsageError('导出填报模板需要 --unit 和 --round 参数。');
      const round = snap.rounds.find((r) => r.name === values.round);
      if (!round) throw new DomainError('round_not_found', `找不到调度轮次“${values.round}”。现有轮次：${snap.rounds.map((r) => r.name).join('、') || '（无）'}。`);
      await writeWorkbookFile(buildFillTemplateWorkbook(snap, { unit: findUnit(snap.units, values.unit), round, today }), out);
    } else if (kind === 'roster') {
      const group = snap.groups.find((g) => g.name === values.group);
      if (!group) throw new DomainError('group_not_found', `找不到领导小组“${values.group ?? ''}”。现有：${snap.groups.map((g) => g.name).join('、') || '（无）'}。`);
      await writeWorkbookFile(buildRosterWorkbook(snap, group.id), out);
    } else if (kind === 'bulletin') {
      const round = snap.rounds.find((r) => r.name === values.round);
      if (!round) throw new DomainError('round_not_found', `找不到调度轮次“${values.round ?? ''}”。现有轮次：${snap.rounds.map((r) => r.name).join('、') || '（无）'}。`);
      await writeWorkbookFile(buildBulletinWorkbook(snap, round.id, today), out);
    } else {
      throw new UsageError(`未知的导出类型“${kind ?? ''}”：可用 tasks、template、roster、bulletin。`);
    }
    io.out(`已导出：${out}\n`);
    return 0;
  } finally {
    db.close();
  }
}

/**
 * A dry run never writes: it reads the ledger read-only (an older schema is migrated in memory, the file
 * untouched), and without a ledger file it reads against an empty ledger in memory.
 */
function openLedgerFor(file: string, dryRun: boolean) {
  if (dryRun && !fs.existsSync(file)) return openLedger(':memory:', { create: true });
  return openLedger(file, dryRun ? { readonly: true } : { create: true });
}

function readInputFile(file: string): Buffer {
  if (!fs.existsSync(file)) throw new DomainError('file_missing', `找不到文件“${file}”。请检查路径是否正确。`);
  return fs.readFileSync(file);
}

async function ingest(args: string[], io: CliIo): Promise<number> {
  const { values, files } = parseWithFiles(args, { db: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, today: { type: 'string' } });
  const file = requireDb(values);
  if (files.length !== 1) throw new UsageError('请指定一个要读取的文件，例如：duban ingest --db 台账.sqlite --json 实施方案.docx');
  const data = readInputFile(files[0]);
  const dryRun = values['dry-run'] === true;
  const db = openLedgerFor(file, dryRun);
  try {
    const ctx = createContext(db, '命令行');
    // Read once, in the reader worker as in the app; the review and the JSON both come from that reading.
    const result = await withReaders({}, (readers) => readers.readDocument(path.basename(files[0]), data, listUnits(ctx)));
    const review = await reviewIngest(ctx, path.basename(files[0]), data, async () => result);
    if (values.json) io.out(JSON.stringify(toIngestJson(result), null, 2) + '\n');
    if (dryRun) {
      if (!values.json) io.out(`读取“${files[0]}”：${review.tasks.filter((t) => t.included).length} 项任务，${review.groups.length} 个领导小组（未写入台账）\n`);
      return 0;
    }
    const outcome = saveIngestedDocument(ctx, defaultSavePlan(review), typeof values.today === 'string' ? values.today : localToday(), data.length);
    const message = `已写入台账：${outcome.sections} 个部分、${outcome.tasks} 项重点任务、${outcome.items} 项工作内容、${outcome.groups} 个领导小组，新增 ${outcome.units} 个责任单位（导入记录 #${outcome.batchId}）\n`;
    if (values.json) io.err(message);
    else io.out(message);
    return 0;
  } finally {
    db.close();
  }
}

function requireDb(values: Record<string, unknown>): string {
  const db = values.db;
  if (typeof db !== 'string' || !db) throw new UsageError('缺少 --db 参数：请指定台账文件路径。');
  return db;
}

function demo(args: string[], io: CliIo): number {
  const values = parse(args, { db: { type: 'string' } });
  const file = requireDb(values);
  const db = openLedger(file, { create: true });
  try {
    const ctx = createContext(db, '命令行');
    if (!isLedgerEmpty(ctx)) {
      throw new DomainError('ledger_not_empty', `“${file}”中已有数据，演示数据不会覆盖它。请换一个新文件名。`);
    }
    loadDemoLedger(ctx, readDemoLedgerFile(findDemoLedgerFile()));
    const s = summarizeLedger(ctx, localToday());
    io.out(`已创建演示台账：${file}（${s.units} 个责任单位，${s.items} 项工作内容）\n`);
    return 0;
  } finally {
    db.close();
  }
}

function summary(args: string[], io: CliIo): number {
  const values = parse(args, { db: { type: 'string' }, json: { type: 'boolean' }, today: { type: 'string' } });
  const file = requireDb(values);
  const today = typeof values.today === 'string' ? values.today : localToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--today 应为 YYYY-MM-DD 格式的日期，收到“${today}”。`);
  if (!fs.existsSync(file)) throw new DomainError('ledger_missing', `找不到台账文件“${file}”。请检查路径是否正确。`);
  const db = openLedger(file, { readonly: true });
  try {
    const s = summarizeLedger(createContext(db, '命令行'), today);
    io.out(values.json ? JSON.stringify(s, null, 2) + '\n' : formatSummary(s));
    return 0;
  } finally {
    db.close();
  }
}

function backupCommand(args: string[], io: CliIo): number {
  const [action, ...rest] = args;
  const values = parse(rest, { db: { type: 'string' }, file: { type: 'string' }, json: { type: 'boolean' } });
  const file = requireDb(values);
  if (action === 'list') {
    // Reads only the backups, never the ledger: it works while the ledger is damaged or in use.
    const list = listBackups(file);
    if (values.json) {
      io.out(JSON.stringify(list, null, 2) + '\n');
      return 0;
    }
    const lines = [`备份文件夹：${list.backupsDir}`];
    if (!list.backups.length) lines.push('  （没有可用的备份）');
    for (const b of list.backups) {
      const last = b.lastChange ? `最后一次修改：${formatLocalDateTime(b.lastChange.at)} ${b.lastChange.what}` : '没有修改记录';
      lines.push(`  ${formatLocalDateTime(b.takenAt)}  ${BACKUP_KIND_LABELS[b.kind]}  ${formatFileSize(b.size)}  ${describeBackupContents(b)}  ${last}  完好  ${b.name}`);
    }
    if (list.unusable.length) {
      lines.push('未通过检查、不能用于恢复的备份：');
      for (const u of list.unusable) lines.push(`  ${u.name}：${u.problem}`);
    }
    io.out(lines.join('\n') + '\n');
    return 0;
  }
  if (action === 'create') {
    const db = openLedger(file, { create: false });
    try {
      const made = createBackup(db, file);
      io.out(`已备份：${path.join(backupsDir(file), made.name)}（${describeBackupContents(made)}）\n`);
      return 0;
    } finally {
      db.close();
    }
  }
  if (action === 'restore') {
    const source = resolveBackupFile(file, values.file);
    let current: Db | null = null;
    try {
      current = openLedger(file, { create: false });
    } catch (err) {
      // A damaged, empty or missing ledger is what a restore is for: it is moved aside, not backed up.
      const curable = err instanceof DomainError && (RECOVERABLE_OPEN_FAILURES.includes(err.code) || err.code === 'ledger_missing');
      if (!curable) throw err;
    }
    try {
      const outcome = restoreFromBackup({ ledgerFile: file, source, current });
      openLedger(file, { create: false }).close();
      io.out(describeRestore(outcome, `可运行 duban backup restore --db ${file} --file ${outcome.savedAs}`) + '\n');
      return 0;
    } finally {
      if (current?.open) current.close();
    }
  }
  throw new UsageError(`未知的备份操作“${action ?? ''}”：可用 list、create、restore。`);
}

/** --file names a backup in backups/ or any ledger copy; without it, the newest backup that passes its check. */
function resolveBackupFile(ledgerFile: string, file: string | boolean | undefined): string {
  if (typeof file === 'string') {
    if (fs.existsSync(file)) return path.resolve(file);
    const inFolder = path.join(backupsDir(ledgerFile), path.basename(file));
    if (fs.existsSync(inFolder)) return inFolder;
    throw new DomainError('backup_missing', `找不到备份文件“${file}”（也不在“${backupsDir(ledgerFile)}”中）。请用 duban backup list 查看可用的备份。`);
  }
  const newest = listBackups(ledgerFile).backups[0];
  if (!newest) throw new DomainError('backup_missing', `“${backupsDir(ledgerFile)}”中没有可用的备份。`);
  return path.join(backupsDir(ledgerFile), newest.name);
}
