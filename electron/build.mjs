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
};
await build({ ...common, entryPoints: [path.join(root, 'electron/main.ts')], outfile: path.join(out, 'main.js') });
await build({ ...common, entryPoints: [path.join(root, 'electron/preload.ts')], outfile: path.join(out, 'preload.js') });
// The reader worker (electron/services/readers): the main process starts it from beside main.js.
await build({ ...common, entryPoints: [path.join(root, 'electron/services/readers/readerWorker.ts')], outfile: path.join(out, 'readerWorker.js') });
fs.cpSync(path.join(root, 'electron/db/migrations'), path.join(out, 'migrations'), { recursive: true });
console.log('built dist/main (main.js, preload.js, readerWorker.js, migrations/)');
