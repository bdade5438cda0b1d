// The one place that decides how the app runs under test (DUBAN_E2E_RUNTIME):
//  - 'browser' (default): the built renderer in Chromium, with the real main-process handlers bound into
//    the page (page.exposeBinding) in place of the preload bridge, over a fresh SQLite file per test;
//  - 'electron': the real app through Playwright's _electron.launch, with its own data folder per test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, test as base, type Page } from '@playwright/test';
import { repoRoot, startBrowserApp, type HarnessCall } from '../harness/browserApp';
import type { ScriptedShell } from '../harness/scriptedShell';
import { createContext } from '../../electron/db/audit';
import { openLedger } from '../../electron/db/connection';
import { fillBigLedger } from '../bench/bigLedger';
import { injectLedgerFault, RECOVERY_FAULTS, type LedgerFault } from '../harness/ledgerFaults';
import { folderShell, folderShellControl } from '../../electron/folderShell';

export const runtime = process.env.DUBAN_E2E_RUNTIME === 'electron' ? 'electron' : 'browser';

const root = repoRoot;

export interface DubanApp {
  page: Page;
  /** The data folder of this test's ledger (duban.sqlite, backups/, logs/). */
  dataDir: string;
  /** Reloads the window, as F5 would; the ledger stays. */
  reload: () => Promise<void>;
  /** The scripted desktop (file dialogs, opening files); under Electron through DUBAN_E2E_SHELL_DIR. */
  shell: ScriptedShell | null;
  /** Go to a page through the navigation, as a clerk would. */
  open: (label: '首页' | '任务清单' | '领导小组' | '责任单位' | '调度轮次' | '导入' | '导出') => Promise<void>;
  /** Choose a menu command (文件 → 从备份恢复… is 'restore-backup'): the real menu under Electron. */
  menu: (command: 'restore-backup') => Promise<void>;
  /**
   * Drops files from "Explorer" onto the element `selector` finds: the page gets File objects with the files'
   * names and no content, and the path each one lives at through the harness's pathForFile binding (the app's
   * preload answers with webUtils.getPathForFile). Browser runtime only.
   */
  dropFiles: (selector: string, files: string[]) => Promise<void>;
  /** What the page sent over the bridge, channel and JSON payload, in order; browser runtime only (else []). */
  calls: () => HarnessCall[];
}

export interface DubanOptions {
  /** Fix "today" (ISO) so warning colours and overdue counts are stable (under Electron: DUBAN_E2E_TODAY). */
  today: string | undefined;
  /** A generated ledger of this many work items instead of the demo ledger. Browser runtime only. */
  generatedItems: number | undefined;
  /**
   * Start on a ledger that cannot be used, with backups beside it, or with a backups folder that cannot be
   * written (tests/harness/ledgerFaults.ts); on a bad ledger the app opens on its recovery screen.
   */
  ledgerFault: LedgerFault | undefined;
}

export const test = base.extend<DubanOptions & { app: DubanApp }>({
  today: [undefined, { option: true }],
  generatedItems: [undefined, { option: true }],
  ledgerFault: [undefined, { option: true }],
  app: async ({ page: browserPage, today, generatedItems, ledgerFault }, use, testInfo) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-e2e-'));
    let page: Page;
    let close: () => Promise<void>;
    let shell: ScriptedShell | null;
    let menu: DubanApp['menu'];
    let calls: () => HarnessCall[] = () => [];
    if (ledgerFault) injectLedgerFault(dataDir, ledgerFault);
    if (runtime === 'electron') {
      // Dialogs are scripted through files in a folder the app reads only under this test variable
      // (electron/folderShell.ts): queued with a synchronous write before a click, so none arrives late.
      const shellDir = path.join(dataDir, 'e2e-shell');
      shell = electronScriptedShell(shellDir);
      const electronApp = await _electron.launch({
        args: [path.join(root, 'dist/main/main.js')],
        env: {
          ...process.env,
          DUBAN_DATA_DIR: dataDir,
          DUBAN_E2E_SHELL_DIR: shellDir,
          ...(today ? { DUBAN_E2E_TODAY: today } : {}),
        },
      });
      page = await electronApp.firstWindow();
      close = () => electronApp.close();
      menu = async (command) => {
        await electronApp.evaluate(({ Menu }, id) => Menu.getApplicationMenu()?.getMenuItemById(id)?.click(), command);
      };
    } else {
      page = browserPage;
      if (generatedItems) {
        const seed = createContext(openLedger(path.join(dataDir, 'duban.sqlite')));
        fillBigLedger(seed, generatedItems);
        seed.db.close();
      }
      const ctx = await startBrowserApp(page, { ledgerFile: path.join(dataDir, 'duban.sqlite'), today });
      shell = ctx.shell;
      calls = () => ctx.calls;
      close = async () => {
        // The page goes first: a request it still had in flight would otherwise reach a closed ledger
        // and log "database connection is not open" after every spec.
        await page.close().catch(() => undefined);
        ctx.ledger.db.close();
      };
      menu = async (command) => {
        await page.evaluate((c) => (window as unknown as { __dubanMenu: (c: string) => void }).__dubanMenu(c), command);
      };
    }
    const app: DubanApp = {
      page,
      dataDir,
      shell,
      reload: async () => {
        await page.reload();
        await page.getByRole('navigation', { name: '主导航' }).waitFor();
      },
      open: async (label) => {
        await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: label, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: label }).waitFor();
      },
      menu: (command) => menu(command),
      calls: () => calls(),
      dropFiles: async (selector, files) => {
        if (runtime === 'electron') throw new Error('dropFiles needs the browser harness');
        for (const file of files) shell.dropPaths.set(path.basename(file), file);
        await page.evaluate(
          ({ selector, names }) => {
            const data = new DataTransfer();
            for (const name of names) data.items.add(new File([], name));
            document
              .querySelector(selector)!
              .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
          },
          { selector, names: files.map((f) => path.basename(f)) },
        );
      },
    };
    // A grid feature used without its module only logs "AG Grid: error #200" and quietly does nothing.
    const gridErrors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' && msg.text().includes('AG Grid')) gridErrors.push(msg.text());
    });
    if (ledgerFault && RECOVERY_FAULTS.includes(ledgerFault))
      await page.getByRole('heading', { level: 1, name: '台账无法打开' }).waitFor();
    else await page.getByRole('navigation', { name: '主导航' }).waitFor();
    await use(app);
    await close();
    if (gridErrors.length) throw new Error(`AG Grid reported errors:\n${gridErrors.join('\n')}`);
    if (testInfo.status === testInfo.expectedStatus) fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

/** The scripted desktop of the real app: the same ScriptedShell face, kept in files main reads. */
function electronScriptedShell(dir: string): ScriptedShell {
  const control = folderShellControl(dir);
  return {
    ...folderShell(dir),
    outDir: control.outDir,
    queueOpenFiles: control.queueOpenFiles,
    queueSaveAs: control.queueSaveAs,
    // Files are dropped only through the browser harness.
    dropPaths: new Map(),
    get opened() {
      return control.opened();
    },
  };
}

export { expect } from '@playwright/test';

/** Saves a screenshot under test-results/screens/ to be looked at by a person. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(root, 'test-results/screens', `${name}.png`), fullPage: false });
}
