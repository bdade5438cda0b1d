// `督办台账 --smoke` (and `npm run smoke`): one round trip through the real window, preload and IPC on a fresh
// ledger in a temp folder — the summary, one edit, one export — checked and told in Chinese and English.
// Exit code 0 when every step passed, 1 otherwise (scripts/smoke.mjs adds 3: Electron could not start).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { TaskNode } from '../shared/domain';
import type { LedgerSummary } from '../shared/channels/ledger';
import type { ExportOutcome } from '../shared/channels/exports';
import { DEFAULT_TASK_LIST_COLUMNS } from '../shared/channels/exports';
import type { AppContext } from './handlers/context';

export const SMOKE_FLAG = '--smoke';
export const SMOKE_REPORT = 'smoke-report.txt';

interface Step {
  ok: boolean;
  line: string;
}

type Invoke = <T>(channel: string, payload: unknown) => Promise<T>;

/** What the smoke test needs of the window: Electron's BrowserWindow, or a Playwright page in the harness. */
export interface SmokeWindow {
  webContents: { executeJavaScript(code: string, userGesture?: boolean): Promise<unknown> };
  getTitle(): string;
}

/** Calls a channel from inside the page, exactly as the renderer does (window.duban → preload → ipcMain). */
function pageInvoke(win: SmokeWindow): Invoke {
  return async <T>(channel: string, payload: unknown) => {
    const result = (await win.webContents.executeJavaScript(
      `window.duban.invoke(${JSON.stringify(channel)}, ${JSON.stringify(payload)})`,
      true,
    )) as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
    if (!result.ok) throw new Error(`${channel}: ${result.error.message} (${result.error.code})`);
    return result.data;
  };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/**
 * Runs the steps in the page; `exportDir` is where the (scripted) save dialog puts the export, and the report
 * is written to `dataDir`/smoke-report.txt.
 */
export async function runSmoke(
  win: SmokeWindow,
  ctx: AppContext,
  { dataDir, exportDir }: { dataDir: string; exportDir: string },
): Promise<{ ok: boolean; report: string }> {
  const steps: Step[] = [];
  const step = async (label: string, run: () => Promise<string>) => {
    try {
      steps.push({ ok: true, line: `✓ ${label}: ${await run()}` });
    } catch (err) {
      steps.push({ ok: false, line: `✗ ${label}: ${err instanceof Error ? err.message : String(err)}` });
    }
  };
  const invoke = pageInvoke(win);
  const started = Date.now();

  await step('窗口 / window', async () => {
    const shown = await waitFor(
      async () =>
        (await win.webContents.executeJavaScript(`!!document.querySelector('nav[aria-label="主导航"]')`, true)) ===
        true,
      30_000,
    );
    if (!shown) throw new Error('30 秒内没有出现主导航 / the navigation did not appear within 30 s');
    return `已打开“${win.getTitle()}” / opened`;
  });

  let summary: LedgerSummary | null = null;
  await step('台账摘要 / ledger summary', async () => {
    summary = await invoke<LedgerSummary>('ledger:summary', {});
    if (summary.items === 0) throw new Error('演示台账没有工作内容 / the demo ledger has no work items');
    return `${summary.units} 个单位、${summary.tasks} 项重点任务、${summary.items} 项工作内容 / units, tasks, work items`;
  });

  const note = `冒烟测试 ${new Date().toISOString()}`;
  await step('修改一项 / one edit', async () => {
    const item = (await invoke<TaskNode[]>('tasks:list', {})).find((t) => t.level === 'item');
    if (!item) throw new Error('没有工作内容可改 / no work item to edit');
    await invoke<TaskNode>('tasks:update', { id: item.id, patch: { notes: note } });
    const again = (await invoke<TaskNode[]>('tasks:list', {})).find((t) => t.id === item.id);
    if (again?.notes !== note) throw new Error('备注没有保存 / the note was not saved');
    // Through the ledger file too, not only the answer: the edit is in SQLite.
    const row = ctx.ledger.db.prepare('SELECT notes FROM task WHERE id = ?').get(item.id) as
      { notes?: string } | undefined;
    if (row?.notes !== note) throw new Error('台账文件中没有这次修改 / the edit is not in the ledger file');
    return `工作内容 ${item.number} 的备注已保存 / note saved on item ${item.id}`;
  });

  const title = '冒烟测试 重点任务清单';
  await step('导出 / export', async () => {
    const outcome = await invoke<ExportOutcome>('export:tasks', {
      title,
      attachmentLabel: '附件',
      madeBy: '冒烟测试',
      columns: DEFAULT_TASK_LIST_COLUMNS,
      filter: {},
    });
    const file = outcome.files[0];
    if (!file) throw new Error('没有写出文件 / no file written');
    if (path.resolve(path.dirname(file)) !== path.resolve(exportDir))
      throw new Error(`文件不在临时文件夹中 / not in the temp folder: ${file}`);
    const bytes = fs.readFileSync(file);
    if (bytes.subarray(0, 2).toString('latin1') !== 'PK') throw new Error('不是 .xlsx 文件 / not an .xlsx file');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    let found = false;
    sheet?.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.text.includes(title)) found = true;
      });
    });
    if (!found) throw new Error('表格中没有标题 / the title is not in the workbook');
    const rows = sheet?.rowCount ?? 0;
    if (summary && rows < summary.items) throw new Error(`只有 ${rows} 行 / only ${rows} rows`);
    return `${path.basename(file)}（${outcome.items} 项，${bytes.length} 字节）/ ${outcome.items} items written`;
  });

  await step('备份与日志 / backup and log', async () => {
    const backups = path.join(path.dirname(ctx.ledgerFile), 'backups');
    const daily = fs.existsSync(backups) ? fs.readdirSync(backups).filter((f) => f.endsWith('.sqlite')) : [];
    if (daily.length === 0) throw new Error('启动时没有写出备份 / no backup written at start');
    ctx.log('info', 'smoke test: log written');
    const logs = path.join(path.dirname(ctx.ledgerFile), 'logs');
    if (!fs.existsSync(logs) || fs.readdirSync(logs).length === 0) throw new Error('没有日志文件 / no log file');
    return `${daily.join('、')}；logs/ 可写 / writable`;
  });

  const ok = steps.every((s) => s.ok);
  const report = [
    `督办台账 冒烟测试 / smoke test — ${ok ? '通过 / PASSED' : '未通过 / FAILED'}（${((Date.now() - started) / 1000).toFixed(1)} s）`,
    `版本 / version ${ctx.version}，${process.versions.electron ? `Electron ${process.versions.electron}` : `Node ${process.versions.node}`}，数据文件夹 / data folder ${dataDir}`,
    ...steps.map((s) => s.line),
  ].join('\n');
  try {
    fs.writeFileSync(path.join(dataDir, SMOKE_REPORT), report + '\n');
  } catch {
    // The report is printed as well.
  }
  return { ok, report };
}
