// Run in a child process by busyLedger.test.ts: a second program (like a long CLI import) that holds the
// ledger's write lock for a while, says when it has it, then commits.
import fs from 'node:fs';
import { createContext } from '../../../electron/db/audit';
import { openLedger } from '../../../electron/db/connection';
import { createUnit } from '../../../electron/db/repositories/units';
import assert from 'node:assert';

const [file, holdMs] = process.argv.slice(2);
assert(file);
const ctx = createContext(openLedger(file, { create: false }), '命令行');
ctx.db.transaction(() => {
  createUnit(ctx, { name: '县档案馆', kind: 'county_department' });
  // Synchronous, so the parent hears it while the lock is held (stdout to a pipe may be async elsewhere).
  fs.writeSync(1, 'locked\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(holdMs));
})();
ctx.db.close();
