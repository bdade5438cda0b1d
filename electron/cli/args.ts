// The CLI's shared parts: its output streams, option parsing, and finding units, rounds and files by name.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { LedgerSnapshot, ProgressRound, Unit } from '../../shared/domain';
import { DomainError } from '../../shared/errors';
import { namesOf } from '../../shared/unitNames';
import { localToday } from '../handlers/context';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Bad arguments: runCli prints the message with the usage text and exits 2. */
export class UsageError extends Error {}

export type Values = Record<string, string | boolean | undefined>;

export function parseOptions(args: string[], options: ParseArgsConfig['options']): { values: Values; files: string[] } {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: parsed.values, files: parsed.positionals };
  } catch (err) {
    throw new UsageError(`参数不正确：${(err as Error).message}`);
  }
}

export function requireDb(values: Values): string {
  const db = values.db;
  if (typeof db !== 'string' || !db) throw new UsageError('缺少 --db 参数：请指定台账文件路径。');
  return db;
}

/** --today, or the local date: what the app's context answers as today(). */
export function todayOf(values: Values): string {
  return typeof values.today === 'string' ? values.today : localToday();
}

/**
 * The input file's full path, once it is known to exist: a command given a wrong path stops before it opens
 * (or creates) a ledger. The file itself is read as the app reads a chosen file (services/readChosenFile).
 */
export function requireInputFile(file: string): string {
  if (!fs.existsSync(file)) throw new DomainError('file_missing', `找不到文件“${file}”。请检查路径是否正确。`);
  return path.resolve(file);
}

export function findUnit(units: Unit[], name: string): Unit {
  const unit = units.find((u) => namesOf(u).includes(name));
  if (!unit) throw new DomainError('unit_not_found', `找不到单位“${name}”。请用“责任单位”中的名称、简称或别名。`);
  return unit;
}

export function findRound(snap: LedgerSnapshot, name: string | boolean | undefined): ProgressRound {
  const round = snap.rounds.find((r) => r.name === name);
  if (!round)
    throw new DomainError(
      'round_not_found',
      `找不到调度轮次“${typeof name === 'string' ? name : ''}”。现有轮次：${snap.rounds.map((r) => r.name).join('、') || '（无）'}。`,
    );
  return round;
}
