// Bundles the main process and preload with esbuild (the renderer is built by Vite). Needs no Electron binary.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist/main');
fs.rmSync(out, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // Native and Electron modules are loaded at run time, not bundled.
  external: ['electron', 'better-sqlite3'],
  plugins: [sqliteForRuntime()],
};

/**
 * Every `import 'better-sqlite3'` of the bundle goes through electron/native/betterSqlite3.ts, which hands
 * better-sqlite3 the binary built for the running runtime (Electron's own ABI under Electron; see
 * electron/native/sqliteBinding.ts). Only that file imports the real package (external, loaded at run time).
 */
function sqliteForRuntime() {
  const shim = path.join(root, 'electron/native/betterSqlite3.ts');
  return {
    name: 'sqlite-for-runtime',
    setup(b) {
      b.onResolve({ filter: /^better-sqlite3$/ }, (args) =>
        args.importer === shim ? { path: 'better-sqlite3', external: true } : { path: shim },
      );
    },
  };
}
await build({ ...common, entryPoints: [path.join(root, 'electron/main.ts')], outfile: path.join(out, 'main.js') });
await build({
  ...common,
  entryPoints: [path.join(root, 'electron/preload.ts')],
  outfile: path.join(out, 'preload.js'),
});
// The reader worker (electron/services/readers): the main process starts it from beside main.js.
await build({
  ...common,
  entryPoints: [path.join(root, 'electron/services/readers/readerWorker.ts')],
  outfile: path.join(out, 'readerWorker.js'),
});
fs.cpSync(path.join(root, 'electron/db/migrations'), path.join(out, 'migrations'), { recursive: true });
console.log('built dist/main (main.js, preload.js, readerWorker.js, migrations/)');
