import fs from 'node:fs';
import Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { latestVersion, loadMigrations, migrate } from './migrate';

export type Db = Database.Database;

export interface OpenLedgerOptions {
  /** Create the file if it does not exist (the app); the CLI's read commands pass false. */
  create?: boolean;
}

const OUR_TABLES = ['unit', 'task', 'audit_log'];

/**
 * Opens a ledger file: checks it is ours and intact, then brings its schema up to date.
 * Every failure is a DomainError whose message names the file and says what to do.
 */
export function openLedger(file: string, options: OpenLedgerOptions = {}): Db {
  const create = options.create ?? true;
  if (!create && !fs.existsSync(file)) {
    throw new DomainError('ledger_missing', `找不到台账文件“${file}”。请检查路径是否正确。`);
  }
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: !create });
  } catch (err) {
    throw new DomainError('ledger_unopenable', `无法打开台账文件“${file}”：${(err as Error).message}。请检查文件权限或磁盘空间。`);
  }
  try {
    checkIsLedger(db, file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const migrations = loadMigrations();
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestVersion(migrations)) {
      throw new DomainError(
        'ledger_newer',
        `台账文件“${file}”由更新版本的督办台账创建（数据结构版本 ${version}），本程序无法安全打开。请升级督办台账后再打开。`,
      );
    }
    migrate(db, migrations);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function checkIsLedger(db: Db, file: string): void {
  let integrity: string;
  try {
    integrity = db.pragma('integrity_check', { simple: true }) as string;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new DomainError('ledger_not_sqlite', `“${file}”不是督办台账文件（无法识别的文件格式）。请选择正确的 .sqlite 台账文件。`);
    }
    if (code === 'SQLITE_CORRUPT') throw corrupt(file, (err as Error).message);
    throw err;
  }
  if (integrity !== 'ok') throw corrupt(file, integrity);
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
  const ours = OUR_TABLES.every((t) => tables.includes(t));
  if ((version === 0 && tables.length > 0) || (version > 0 && !ours)) {
    throw new DomainError('ledger_foreign', `“${file}”是其他程序的数据库，不是督办台账文件。请选择正确的台账文件。`);
  }
}

function corrupt(file: string, detail: string): DomainError {
  return new DomainError(
    'ledger_corrupt',
    `台账文件“${file}”已损坏（完整性检查未通过：${detail}）。请不要继续使用该文件，从同一文件夹下“backups”中的最近备份恢复。`,
  );
}
