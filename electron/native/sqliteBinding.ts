// Which better-sqlite3 binary the running process loads. Plain Node (no 'electron' import): unit-tested.
//
// Node (npm test, the CLI, the browser harness) and Electron (npm start, the packaged app) need the same
// native module built for two different ABIs. node_modules/better-sqlite3/build/Release keeps Node's build,
// as `npm install` made it; Electron's prebuilt binary lives in its own folder, named like the prebuild
// archive it came from (scripts/native-electron.mjs fetches it), so switching between `npm test` and
// `npm start` never rebuilds anything:
//   native/electron/better-sqlite3-v12.11.1-electron-v140-win32-x64/better_sqlite3.node   (a checkout)
//   <resources>/native/better-sqlite3-v12.11.1-electron-v140-win32-x64/better_sqlite3.node  (packaged app)
// The bundled main process passes that path to better-sqlite3 as `nativeBinding` (electron/native/betterSqlite3.ts).
import fs from 'node:fs';
import path from 'node:path';

export interface RuntimeFacts {
  /** process.versions.electron: set only inside Electron. */
  electron?: string;
  /** process.versions.modules: the ABI native modules must be built for (Electron 39 = 140). */
  modules: string;
  platform: string;
  arch: string;
}

export type SqliteBinding = { runtime: 'node'; file: null } | { runtime: 'electron'; file: string; name: string };

export const SQLITE_BINARY = 'better_sqlite3.node';

/** The prebuild's name for this runtime, as on better-sqlite3's release page (without .tar.gz). */
export function electronPrebuildName(
  sqliteVersion: string,
  facts: Pick<RuntimeFacts, 'modules' | 'platform' | 'arch'>,
) {
  return `better-sqlite3-v${sqliteVersion}-electron-v${facts.modules}-${facts.platform}-${facts.arch}`;
}

export class SqliteBindingMissing extends Error {
  constructor(
    readonly searched: string[],
    readonly prebuild: string,
    electronVersion: string,
  ) {
    super(
      `找不到适用于 Electron ${electronVersion} 的数据库组件（${prebuild}）。` +
        `请在能上网的电脑上于项目文件夹运行 npm run native:electron（npm start 会自动运行），或重新安装督办台账。\n` +
        `The better-sqlite3 binary for Electron ${electronVersion} (${prebuild}) is missing; ` +
        `run \`npm run native:electron\` in the project folder (npm start does it), or reinstall the app.\n` +
        `查找过 / searched:\n${searched.map((f) => `  ${f}`).join('\n')}`,
    );
    this.name = 'SqliteBindingMissing';
  }
}

/**
 * Under Node: better-sqlite3's own build (file null, the library finds build/Release itself). Under Electron:
 * the first of `searchDirs`/<prebuild name>/better_sqlite3.node that exists, else SqliteBindingMissing — never
 * Node's build, which Electron would refuse with a NODE_MODULE_VERSION error far from the cause.
 */
export function resolveSqliteBinding(options: {
  facts: RuntimeFacts;
  sqliteVersion: string;
  searchDirs: string[];
  exists?: (file: string) => boolean;
}): SqliteBinding {
  const { facts } = options;
  if (!facts.electron) return { runtime: 'node', file: null };
  const exists = options.exists ?? ((file: string) => fs.existsSync(file));
  const name = electronPrebuildName(options.sqliteVersion, facts);
  const searched = options.searchDirs.map((dir) => path.join(dir, name, SQLITE_BINARY));
  const file = searched.find((candidate) => exists(candidate));
  if (!file) throw new SqliteBindingMissing(searched, name, facts.electron);
  return { runtime: 'electron', file, name };
}

/**
 * Where Electron's binary is looked for: beside the packaged app's resources (electron-builder.yml,
 * extraResources), then in the checkout (`mainDir` is dist/main, where the bundle runs).
 */
export function electronSearchDirs(mainDir: string, resourcesPath: string | undefined): string[] {
  const dirs = [path.resolve(mainDir, '../../native/electron')];
  if (resourcesPath) dirs.unshift(path.join(resourcesPath, 'native'));
  return dirs;
}

/** The binding for this very process. */
export function sqliteBindingForThisProcess(mainDir: string): SqliteBinding {
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  return resolveSqliteBinding({
    facts: {
      electron: process.versions.electron,
      modules: process.versions.modules,
      platform: process.platform,
      arch: process.arch,
    },
    sqliteVersion: betterSqlite3Version(),
    searchDirs: electronSearchDirs(mainDir, resourcesPath),
  });
}

/** The installed better-sqlite3's version: its JavaScript and its binary must come from the same release. */
export function betterSqlite3Version(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('better-sqlite3/package.json') as { version: string }).version;
}
