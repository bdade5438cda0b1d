// The browser harness: the built renderer in Chromium with the real main-process handlers bound into
// the page in place of the preload bridge. Used by the e2e fixture and by the bench.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AppContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { openAppLedger } from '../../electron/openAppLedger';
import { dailyBackupAtStart } from '../../electron/services/backupLedger';
import { scriptedShell, type ScriptedShell } from './scriptedShell';

export const repoRoot = path.resolve(__dirname, '../..');
const rendererDir = path.join(repoRoot, 'dist/renderer');
export const APP_ORIGIN = 'http://duban.test';

/** One call the page made, as it crossed: the specs check what crosses (paths, never a file's bytes). */
export interface HarnessCall {
  channel: string;
  /** The payload as JSON text, exactly as it crossed the binding. */
  payload: string;
}

export async function startBrowserApp(
  page: Page,
  options: { ledgerFile: string; today?: string; demoIfEmpty?: boolean; shell?: ScriptedShell },
): Promise<AppContext & { shell: ScriptedShell; calls: HarnessCall[] }> {
  if (!fs.existsSync(path.join(rendererDir, 'index.html')))
    throw new Error('dist/renderer is missing: run `npm run build` first');
  const ctx = openAppLedger({
    ledgerFile: options.ledgerFile,
    runtime: 'browser-harness',
    version: 'test',
    demoIfEmpty: options.demoIfEmpty ?? true,
    resourcesDirs: [path.join(repoRoot, 'resources')],
    today: options.today ? () => options.today! : undefined,
    shell: options.shell ?? scriptedShell(path.join(path.dirname(options.ledgerFile), 'out')),
  }) as AppContext & { shell: ScriptedShell; calls: HarnessCall[] };
  ctx.calls = [];
  // As the app does at start (electron/main.ts): a failure reaches the page as a notice.
  dailyBackupAtStart(ctx, ctx.today());
  // Payloads cross as JSON text: Playwright serialises a string far faster than a large object tree,
  // and JSON is also what survives Electron's structured clone (no functions, no class instances).
  await page.exposeBinding('__dubanInvoke', async (_source, channel: unknown, payload: string) => {
    ctx.calls.push({ channel: String(channel), payload });
    return JSON.stringify(await dispatch(ctx, channel, JSON.parse(payload)));
  });
  // In place of the preload's pathForFile (webUtils.getPathForFile): a File cannot cross a binding, so the
  // page sends its name and the spec's scripted drop (ctx.shell.dropPaths) says where that file lives.
  await page.exposeBinding(
    '__dubanPathForFile',
    (_source, name: unknown) => ctx.shell.dropPaths.get(String(name)) ?? '',
  );
  // A string, not a function: tools that transpile this file (tsx) may add helpers the page lacks.
  await page.addInitScript(
    // onMenu keeps the listener where a spec can reach it: the harness has no menu bar (see DubanApp.menu).
    'window.duban = { invoke: async (channel, payload) => JSON.parse(await window.__dubanInvoke(channel, JSON.stringify(payload ?? {}))), onMenu: (listener) => { window.__dubanMenu = listener; }, pathForFile: (file) => window.__dubanPathForFile(file.name) };',
  );
  // Serve the built renderer from a fixed origin without a server: requests are answered from dist/.
  await page.route(`${APP_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const file = path.join(rendererDir, decodeURIComponent(url.pathname));
    if (!file.startsWith(rendererDir) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    await route.fulfill({ path: file });
  });
  await page.goto(`${APP_ORIGIN}/index.html`);
  return ctx;
}
