// The one place SQLite's (and the file system's) errors become sentences a clerk can act on. The app's
// dispatch, the CLI and the ledger opening all use it, so a locked, read-only or full ledger reads the
// same everywhere and no English SQLite text reaches the screen.
import path from 'node:path';
import { DomainError } from '../../shared/errors';

export const LEDGER_BUSY_MESSAGE = '台账正被其他程序（如命令行）使用，请稍后重试。刚才的操作没有保存。';

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/**
 * Translates an error met while reading or writing the ledger at `file`, or returns null when it is not
 * one a clerk can do something about (a bug: the caller logs it and shows the generic message).
 */
export function translateLedgerError(err: unknown, file: string): DomainError | null {
  if (err instanceof DomainError) return err;
  const code = codeOf(err);
  const folder = path.dirname(file);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === 'EBUSY') {
    return new DomainError('ledger_busy', LEDGER_BUSY_MESSAGE);
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return new DomainError(
      'ledger_readonly',
      `台账文件“${file}”现在只能读、不能写（文件被设为只读，或所在文件夹不允许写入），刚才的操作没有保存。请在文件属性中取消“只读”，或把台账放到有写入权限的文件夹，然后重新打开督办台账。`,
    );
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new DomainError(
      'disk_full',
      `台账文件“${file}”所在的磁盘空间已满，刚才的操作没有保存。请清理该磁盘（例如删除不需要的大文件、清空回收站）后重试。`,
    );
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return new DomainError(
      'ledger_io',
      `读写台账文件“${file}”时出错（所在磁盘或网络驱动器可能已断开），刚才的操作没有保存。请确认“${folder}”可以访问后，关闭并重新打开督办台账。`,
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'ENOENT') {
    return new DomainError(
      'ledger_unopenable',
      `无法打开台账文件“${file}”（所在文件夹可能已被移动、删除、断开，或没有访问权限）。请确认“${folder}”可以访问后，重新打开督办台账。`,
    );
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new DomainError(
      'ledger_no_permission',
      `没有权限写入“${folder}”中的台账文件，刚才的操作没有保存。请检查该文件夹的权限，或请技术支持处理。`,
    );
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new DomainError(
      'ledger_corrupt',
      `台账文件“${file}”在使用中发现已损坏，刚才的操作没有保存。请关闭并重新打开督办台账，按提示从备份恢复。`,
    );
  }
  return null;
}

/** A short Chinese reason for a file-level failure (a backup that could not be written), for a notice. */
export function describeFileError(err: unknown): string {
  const code = codeOf(err);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return '磁盘空间已满';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code.startsWith('SQLITE_READONLY'))
    return '没有写入权限';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === 'EBUSY')
    return '文件正被其他程序使用';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO' || code.startsWith('SQLITE_CANTOPEN') || code === 'ENOENT')
    return '磁盘或文件夹无法访问';
  if (code === 'ENOTDIR' || code === 'EEXIST') return '文件夹无法创建，同名的文件占用了它的位置';
  if (err instanceof DomainError) return err.message;
  return '无法写入文件';
}
