// The smoke test's steps (electron/smoke.ts, run by `督办台账.exe --smoke`) against the real handlers in the
// browser harness: here they can be proven on every `npm test`; under Electron `npm run smoke` runs them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, runtime, test } from './fixtures';
import { startBrowserApp } from '../harness/browserApp';
import { runSmoke, SMOKE_REPORT } from '../../electron/smoke';

test('the smoke round trip passes on a fresh ledger: summary, one edit, one export, backup and log', async ({
  page,
}) => {
  test.skip(runtime === 'electron', 'under Electron the app runs these steps itself: npm run smoke');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-smoke-spec-'));
  const ctx = await startBrowserApp(page, { ledgerFile: path.join(dataDir, 'duban.sqlite') });
  let title = '';
  const window = {
    webContents: { executeJavaScript: (code: string) => page.evaluate(code) },
    getTitle: () => title,
  };
  title = await page.title();
  const { ok, report } = await runSmoke(window, ctx, { dataDir, exportDir: ctx.shell.outDir });
  expect(report, report).toContain('通过 / PASSED');
  expect(ok).toBe(true);
  expect(report).toMatch(/✓ 导出 \/ export: 重点任务清单_.*\.xlsx/);
  expect(fs.readFileSync(path.join(dataDir, SMOKE_REPORT), 'utf8')).toBe(report + '\n');
  ctx.ledger.db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
