import fs from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DomainError } from '../../shared/errors';
import { createContext } from '../db/audit';
import { openLedger } from '../db/connection';
import { localToday } from '../handlers/context';
import { findDemoLedgerFile, isLedgerEmpty, loadDemoLedger, readDemoLedgerFile } from '../services/demoLedger';
import { summarizeLedger } from '../services/summarizeLedger';
import { formatSummary } from './formatSummary';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const USAGE = `用法：
  duban demo --db 台账文件.sqlite              新建一个演示台账
  duban summary --db 台账文件.sqlite [--json] [--today YYYY-MM-DD]
                                               查看台账概况（单位、领导小组、任务状态、逾期事项）
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
    io.err(`错误：程序内部出错：${(err as Error).message}\n`);
    return 1;
  }
}

function parse(args: string[], options: ParseArgsConfig['options']) {
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true }).values as Record<string, string | boolean | undefined>;
  } catch (err) {
    throw new UsageError(`参数不正确：${(err as Error).message}`);
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
  const db = openLedger(file, { create: false });
  try {
    const s = summarizeLedger(createContext(db, '命令行'), today);
    io.out(values.json ? JSON.stringify(s, null, 2) + '\n' : formatSummary(s));
    return 0;
  } finally {
    db.close();
  }
}
