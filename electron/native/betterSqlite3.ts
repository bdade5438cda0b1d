// better-sqlite3 as the bundled main process sees it (electron/build.mjs points every `import 'better-sqlite3'`
// of the bundle here): the same class, with the binary for the running runtime passed as `nativeBinding`
// (electron/native/sqliteBinding.ts). Under Node nothing changes; tests and the CLI never load this file.
import Real from 'better-sqlite3';
import { sqliteBindingForThisProcess } from './sqliteBinding';

let binding: string | null | undefined;

/** Resolved once, on the first connection; throws SqliteBindingMissing when Electron's binary is not there. */
export function nativeBindingFile(): string | null {
  if (binding === undefined) binding = sqliteBindingForThisProcess(__dirname).file;
  return binding;
}

function Database(this: unknown, filename?: string | Buffer, options?: Real.Options): Real.Database {
  const file = nativeBindingFile();
  return new Real(filename, file && !options?.nativeBinding ? { ...options, nativeBinding: file } : options);
}
// Statics (SqliteError) and `instanceof` work as on the real class.
Object.setPrototypeOf(Database, Real);
Database.prototype = Real.prototype;

export default Database as unknown as typeof Real;
