// Which better-sqlite3 binary each runtime loads (electron/native/sqliteBinding.ts): Node's own build under
// Node, the Electron prebuild from native/ (checkout) or resources/native (packaged) under Electron.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  betterSqlite3Version,
  electronPrebuildName,
  electronSearchDirs,
  resolveSqliteBinding,
  SqliteBindingMissing,
  type RuntimeFacts,
} from '../../../electron/native/sqliteBinding';
import { makeTempDir } from '../tempDirs';

const electronWin: RuntimeFacts = { electron: '39.8.10', modules: '140', platform: 'win32', arch: 'x64' };
const node: RuntimeFacts = { modules: '115', platform: 'win32', arch: 'x64' };
const NAME = 'better-sqlite3-v12.11.1-electron-v140-win32-x64';

describe('the better-sqlite3 binary for the running runtime', () => {
  it('names the prebuild as better-sqlite3 releases it', () => {
    expect(electronPrebuildName('12.11.1', electronWin)).toBe(NAME);
  });

  it('leaves Node (npm test, the CLI, the harness) on better-sqlite3’s own build', () => {
    const looked: string[] = [];
    const binding = resolveSqliteBinding({
      facts: node,
      sqliteVersion: '12.11.1',
      searchDirs: ['/app/native/electron'],
      exists: (f) => (looked.push(f), true),
    });
    expect(binding).toEqual({ runtime: 'node', file: null });
    expect(looked).toEqual([]);
  });

  it('loads the packaged copy under resources/native first, then the checkout’s native/electron', () => {
    const dirs = electronSearchDirs(
      path.join('/work', 'app', 'dist', 'main'),
      path.join('/Programs', '督办台账', 'resources'),
    );
    expect(dirs).toEqual([
      path.join('/Programs', '督办台账', 'resources', 'native'),
      path.resolve('/work/app/native/electron'),
    ]);
    const packaged = path.join(dirs[0]!, NAME, 'better_sqlite3.node');
    const checkout = path.join(dirs[1]!, NAME, 'better_sqlite3.node');
    const both = resolveSqliteBinding({
      facts: electronWin,
      sqliteVersion: '12.11.1',
      searchDirs: dirs,
      exists: () => true,
    });
    expect(both).toEqual({ runtime: 'electron', file: packaged, name: NAME });
    const onlyCheckout = resolveSqliteBinding({
      facts: electronWin,
      sqliteVersion: '12.11.1',
      searchDirs: dirs,
      exists: (f) => f === checkout,
    });
    expect(onlyCheckout.file).toBe(checkout);
  });

  it('never falls back to Node’s build under Electron: a missing binary is a clear bilingual error', () => {
    const dirs = electronSearchDirs('/work/app/dist/main', undefined);
    let error: unknown;
    try {
      resolveSqliteBinding({ facts: electronWin, sqliteVersion: '12.11.1', searchDirs: dirs, exists: () => false });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SqliteBindingMissing);
    const message = (error as Error).message;
    expect(message).toContain('找不到适用于 Electron 39.8.10 的数据库组件');
    expect(message).toContain('npm run native:electron');
    expect(message).toContain('is missing');
    expect(message).toContain(path.join(dirs[0]!, NAME, 'better_sqlite3.node'));
  });

  it('asks for a new binary when Electron or better-sqlite3 is upgraded (the name carries both)', () => {
    const file = path.join('/n', NAME, 'better_sqlite3.node');
    const exists = (f: string) => f === file;
    expect(() =>
      resolveSqliteBinding({
        facts: { ...electronWin, modules: '143' },
        sqliteVersion: '12.11.1',
        searchDirs: ['/n'],
        exists,
      }),
    ).toThrow(SqliteBindingMissing);
    expect(() =>
      resolveSqliteBinding({ facts: electronWin, sqliteVersion: '12.12.0', searchDirs: ['/n'], exists }),
    ).toThrow(SqliteBindingMissing);
  });

  it('hands better-sqlite3 a path it loads as nativeBinding', () => {
    // Node's own build stands in for Electron's, laid out as scripts/native-electron.mjs leaves it.
    const dir = makeTempDir();
    const facts = {
      electron: 'test',
      modules: process.versions.modules,
      platform: process.platform,
      arch: process.arch,
    };
    const name = electronPrebuildName(betterSqlite3Version(), facts);
    const nodeBuild = createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
    fs.mkdirSync(path.join(dir, name));
    fs.copyFileSync(nodeBuild, path.join(dir, name, 'better_sqlite3.node'));
    const binding = resolveSqliteBinding({ facts, sqliteVersion: betterSqlite3Version(), searchDirs: [dir] });
    expect(binding.file).toBe(path.join(dir, name, 'better_sqlite3.node'));
    const db = new Database(':memory:', { nativeBinding: binding.file! });
    expect(db.prepare('SELECT 1 + 1 AS two').get()).toEqual({ two: 2 });
    db.close();
  });

  it('reads better-sqlite3’s version from the installed package', () => {
    const version = JSON.parse(
      fs.readFileSync(createRequire(import.meta.url).resolve('better-sqlite3/package.json'), 'utf8'),
    ).version;
    expect(betterSqlite3Version()).toBe(version);
  });
});
