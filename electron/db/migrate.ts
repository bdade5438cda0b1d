// Schema migrations: the numbered SQL files in migrations/, applied in order above PRAGMA user_version.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './connection';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations folder beside this module in source, or copied beside the bundle in dist/. */
export function migrationsDir(): string {
  const here = __dirname;
  const candidates = [path.join(here, 'migrations'), path.join(here, 'db', 'migrations')];
  const found = candidates.find((dir) => fs.existsSync(dir));
  if (!found) throw new Error(`migrations folder not found near ${here}`);
  return found;
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

export function latestVersion(migrations = loadMigrations()): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/**
 * A migration that rebuilds a table other tables point at starts with `-- foreign_keys: off`: SQLite's
 * way to rebuild (create, copy, drop, rename) needs the keys off, and they cannot be switched inside a
 * transaction. Every key is checked before such a migration commits, so none is left dangling.
 */
function needsForeignKeysOff(m: Migration): boolean {
  return /^--\s*foreign_keys:\s*off\s*$/m.test(m.sql.split('\n', 1)[0] ?? '');
}

/** Applies every migration above PRAGMA user_version, each in its own transaction. */
export function migrate(db: Db, migrations = loadMigrations()): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= current) continue;
    const keysWereOn = db.pragma('foreign_keys', { simple: true }) === 1;
    const keysOff = keysWereOn && needsForeignKeysOff(m);
    if (keysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(m.sql);
        if (keysOff && (db.pragma('foreign_key_check') as unknown[]).length > 0) {
          throw new Error(`migration ${m.name} left foreign keys dangling`);
        }
        db.pragma(`user_version = ${m.version}`);
      })();
    } finally {
      if (keysOff) db.pragma('foreign_keys = ON');
    }
  }
  return db.pragma('user_version', { simple: true }) as number;
}
