// npm run preview: the real UI in a visible Chromium window with the real handlers over a ledger of your
// choice (the e2e harness, headed) — a look at the app on Linux, where Electron cannot start. Node ≥ 20.19.
//
//   npm run preview                              a demo ledger in a temp folder (thrown away at the end)
//   npm run preview -- --db ~/台账/duban.sqlite   that ledger (created with the demo when missing)
//   npm run preview -- --today 2026-11-23         fix "today" (warning colours, overdue counts)
//   npm run preview -- --check                    headless: open, wait for the navigation, close (no display needed)
//
// File dialogs are scripted (tests/harness/scriptedShell.ts): saves land in out/ beside the ledger, and an open
// dialog answers with the files given by --open (repeatable). Close the window or press Ctrl+C to stop.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startBrowserApp } from './browserApp';
import { scriptedShell } from './scriptedShell';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const given = option('db');
  const scratch = given ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'duban-preview-'));
  const ledgerFile = path.resolve(given ?? path.join(scratch!, 'duban.sqlite'));
  const outDir = path.join(path.dirname(ledgerFile), 'out');
  const shell = scriptedShell(outDir);
  const opens = process.argv.flatMap((arg, i) =>
    arg === '--open' && process.argv[i + 1] ? [path.resolve(process.argv[i + 1]!)] : [],
  );
  for (const file of opens) shell.queueOpenFiles([file]);

  const executablePath =
    process.env.DUBAN_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
  const check = process.argv.includes('--check');
  const browser = await chromium.launch({
    headless: check,
    executablePath,
    args: ['--lang=zh-CN', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  const context = await browser.newContext({ viewport: null, locale: 'zh-CN' });
  const page = await context.newPage();
  const ctx = await startBrowserApp(page, { ledgerFile, today: option('today'), shell });
  console.log(
    `督办台账预览 / preview: ${ledgerFile}\n导出的文件 / exports: ${outDir}\n关闭窗口或按 Ctrl+C 结束 / close the window or press Ctrl+C.`,
  );

  if (check) {
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    console.log(`预览可以打开 / preview opens: ${await page.title()}`);
  }

  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    if (ctx.ledger.db.open) ctx.ledger.db.close();
    await browser.close().catch(() => undefined);
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    process.exit(0);
  };
  page.on('close', () => void close());
  browser.on('disconnected', () => void close());
  process.on('SIGINT', () => void close());
  if (check) await close();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux')
    console.error('没有图形界面（DISPLAY 未设置）/ no display: run it on a desktop session, or through xvfb-run.');
  process.exit(1);
});
