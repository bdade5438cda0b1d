// Opens a ledger file safely: checks it is a Duban ledger and intact, backs it up, then brings its schema up to date.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { backupsDir, writeEventBackup } from './backupFiles';
import { latestVersion, loadMigrations, migrate } from './migrate';
import { describeFileError, translateLedgerError } from './sqliteErrors';

export type Db = Database.Database;

export interface OpenLedgerOptions {
  /** Create the file if it does not exist (the app); the CLI's read commands pass false. */
  create?: boolean;
  /**
   * Read without changing a byte of the file: no migration, no switch to WAL, no header rewrite. An older
   * schema is brought up to date in a copy in memory, so the same services can read it.
   */
  readonly?: boolean;
}

/**
 * SQLite waits this long for another process (the CLI, a second app) to finish its write. The wait blocks
 * the thread, so it is kept short: a longer one is waited out between attempts (busyLedger.ts), where the
 * main process keeps answering the window.
 */
export const BUSY_TIMEOUT_MS = 250;

const OUR_TABLES = ['unit', 'task', 'audit_log'];

/**
 * Opens a ledger file: checks it is ours and intact, then brings its schema up to date (after a backup).
 * Only a path where no file exists is a new ledger: an empty or foreign file is refused untouched.
 * Every failure is a DomainError whose message names the file and says what to do.
 */
export function openLedger(file: string, options: OpenLedgerOptions = {}): Db {
  const readonly = options.readonly ?? false;
  const create = !readonly && (options.create ?? true);
  const inMemory = file === ':memory:';
  const exists = !inMemory && fs.existsSync(file);
  if (!inMemory && !exists && !create) {
    throw new DomainError('ledger_missing', `找不到台账文件“${file}”。请检查路径是否正确。`);
  }
  if (exists) refuseEmptyFile(file);
  const migrations = loadMigrations();
  if (readonly && !inMemory) {
    const db = openReadOnly(file);
    try {
      const version = checkOpened(db, file, migrations);
      return version < latestVersion(migrations) ? migratedCopy(db, migrations) : db;
    } catch (err) {
      db.close();
      throw translateLedgerError(err, file) ?? err;
    }
  }
  // A file that is there is checked through a read-only connection first: closing a writable one on a
  // damaged file would checkpoint its -wal into it, and a newer ledger would have its header rewritten.
  const checked = exists && checkReadOnly(file, migrations);
  const db = openWritable(file, create);
  try {
    const version = checkOpened(db, file, migrations, { integrity: !checked });
    if (exists) refuseReadOnlyFile(db, file);
    db.pragma('journal_mode = WAL');
    if (exists && version > 0 && version < latestVersion(migrations)) backupBeforeMigration(db, file);
    migrate(db, migrations);
    preferImmediateTransactions(db);
    return db;
  } catch (err) {
    db.close();
    // SQLite may refuse before our own check asks (it cannot create the -shm in a read-only folder).
    if ((err as { code?: string }).code?.startsWith('SQLITE_READONLY')) throw readOnlyLedger(file);
    throw translateLedgerError(err, file) ?? err;
  }
}

/** Refuses a file that is not an intact ledger this version may open; returns its schema version. */
function checkOpened(
  db: Db,
  file: string,
  migrations: ReturnType<typeof loadMigrations>,
  options = { integrity: true },
): number {
  if (options.integrity) checkIsLedger(db, file);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > latestVersion(migrations)) {
    throw new DomainError(
      'ledger_newer',
      `台账文件“${file}”由更新版本的督办台账创建（数据结构版本 ${version}），本程序无法安全打开。请升级督办台账后再打开。`,
    );
  }
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return version;
}

/** True when the file passed every check read-only; false when it could not be read that way. */
function checkReadOnly(file: string, migrations: ReturnType<typeof loadMigrations>): boolean {
  let probe: Db;
  try {
    probe = openReadOnly(file);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    // Where SQLite cannot read the file read-only, the writable connection checks it instead.
    return false;
  }
  try {
    checkOpened(probe, file, migrations);
    return true;
  } finally {
    probe.close();
  }
}

function openWritable(file: string, create: boolean): Db {
  try {
    return new Database(file, { fileMustExist: !create });
  } catch (err) {
    throw (
      translateLedgerError(err, file) ??
      new DomainError('ledger_unopenable', `无法打开台账文件“${file}”。请检查文件权限或磁盘空间。`)
    );
  }
}

/**
 * A read-only look at a ledger. Without a -wal beside it the whole state is in the file, so it is read
 * into memory: SQLite would otherwise create -wal and -shm files beside a WAL-mode ledger even for a
 * read-only connection. With a -wal (the app is running, or it crashed) SQLite must read through it.
 */
function openReadOnly(file: string): Db {
  try {
    const wal = `${file}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0)
      return new Database(file, { readonly: true, fileMustExist: true });
    const bytes = fs.readFileSync(file);
    // An in-memory database cannot be in WAL mode: mark the copy (never the file) as rollback-journal.
    if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) {
      bytes[18] = 1;
      bytes[19] = 1;
    }
    return new Database(bytes, { readonly: true });
  } catch (err) {
    if (err instanceof DomainError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      // A buffer that is not a database cannot even be opened: report it as the file check would.
      throw new DomainError('ledger_not_sqlite', notLedgerMessage(file));
    }
    throw translateLedgerError(err, file) ?? err;
  }
}

/** An older ledger read read-only: migrated in memory so today's queries run, the file untouched. */
function migratedCopy(db: Db, migrations: ReturnType<typeof loadMigrations>): Db {
  const copy = new Database(db.serialize());
  db.close();
  copy.pragma('foreign_keys = ON');
  migrate(copy, migrations);
  return copy;
}

/** A zero-byte file is what an interrupted copy or a full disk leaves: it must never become a new ledger. */
function refuseEmptyFile(file: string): void {
  const stat = fs.statSync(file);
  if (stat.isDirectory()) {
    throw new DomainError(
      'ledger_not_sqlite',
      `“${file}”是一个文件夹，不是督办台账文件。请选择正确的 .sqlite 台账文件。`,
    );
  }
  if (stat.size === 0) {
    throw new DomainError(
      'ledger_empty_file',
      `台账文件“${file}”是空文件（0 字节），里面没有任何数据，可能是复制中断或磁盘已满造成的。督办台账没有改动它。请从备份恢复台账。`,
    );
  }
}

/**
 * A ledger that cannot be written is refused at once with its reason, instead of opening and then
 * failing every save. BEGIN IMMEDIATE asks for the write lock without writing anything.
 */
function refuseReadOnlyFile(db: Db, file: string): void {
  let writable = true;
  for (const target of [file, path.dirname(file)]) {
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch {
      writable = false;
    }
  }
  if (writable) {
    try {
      db.exec('BEGIN IMMEDIATE');
      db.exec('ROLLBACK');
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) writable = false;
      else if (!code.startsWith('SQLITE_BUSY')) throw err;
    }
  }
  if (!writable) throw readOnlyLedger(file);
}

function readOnlyLedger(file: string): DomainError {
  return new DomainError(
    'ledger_readonly',
    `台账文件“${file}”只能读、不能写（文件被设为只读，或所在文件夹不允许写入），打开后任何修改都无法保存。请在文件属性中取消“只读”，或把台账放到有写入权限的文件夹，然后重新打开。`,
  );
}

/** The state before an upgrade, so a migration that goes wrong (or a newer version given up) can be undone. */
function backupBeforeMigration(db: Db, file: string): void {
  try {
    writeEventBackup(db, file, 'migration');
  } catch (err) {
    throw new DomainError(
      'migration_backup_failed',
      `打开台账“${file}”需要升级数据结构，升级前要先备份，但备份没有完成（${describeFileError(err)}）。为安全起见没有升级，台账未改动。请检查“${backupsDir(file)}”所在磁盘的空间和权限后重新打开。`,
    );
  }
}

/**
 * In WAL mode a transaction begun DEFERRED that reads and then writes gets SQLITE_BUSY at once when
 * another process holds the write lock: SQLite cannot wait there without risking a deadlock, so
 * busy_timeout is never consulted. Beginning every write transaction IMMEDIATE takes the lock up front,
 * where SQLite does wait (busy_timeout) for the other writer, and a write that still finds it taken has
 * written nothing, so dispatch and the CLI can run it again (busyLedger.ts). Repositories keep calling
 * db.transaction(fn)(); pure reads that want no lock call .deferred().
 */
function preferImmediateTransactions(db: Db): void {
  const transaction = db.transaction.bind(db);
  // better-sqlite3 builds .immediate as a function of its own (it does not read `this`).
  // eslint-disable-next-line @typescript-eslint/unbound-method
  db.transaction = ((fn: (...args: never[]) => unknown) => transaction(fn).immediate) as Db['transaction'];
}

function notLedgerMessage(file: string): string {
  return `“${file}”不是督办台账文件（无法识别的文件格式）。请选择正确的 .sqlite 台账文件。`;
}

/** Throws the DomainError a file that is not an intact ledger of ours deserves (not a database, damaged, foreign). */
export function checkIsLedger(db: Db, file: string): void {
  let integrity: string;
  try {
    integrity = db.pragma('integrity_check', { simple: true }) as string;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw new DomainError('ledger_not_sqlite', notLedgerMessage(file));
    if (code?.startsWith('SQLITE_CORRUPT')) throw corrupt(file);
    throw err;
  }
  if (integrity !== 'ok') throw corrupt(file);
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
    (t) => t.name,
  );
  const ours = OUR_TABLES.every((t) => tables.includes(t));
  if ((version === 0 && tables.length > 0) || (version > 0 && !ours)) {
    throw new DomainError('ledger_foreign', `“${file}”是其他程序的数据库，不是督办台账文件。请选择正确的台账文件。`);
  }
}

// SQLite's own report (page numbers, in English) helps no clerk; the file name and the way out do.
function corrupt(file: string): DomainError {
  return new DomainError(
    'ledger_corrupt',
    `台账文件“${file}”已损坏（完整性检查未通过）。请不要继续使用该文件，从同一文件夹下“backups”中的最近备份恢复。`,
  );
}

/** Open failures that a backup can cure: the file is there but holds no usable ledger. */
export const RECOVERABLE_OPEN_FAILURES = ['ledger_corrupt', 'ledger_not_sqlite', 'ledger_foreign', 'ledger_empty_file'];
