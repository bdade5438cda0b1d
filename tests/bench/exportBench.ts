// Export 5,000 work items fully formatted vs bare exceljs writing the same values unformatted, in the
// same run; peak RSS sampled while each runs. RSS rarely shrinks within a process, so the second case's
// peak includes what the first left behind: the growth during each case is reported beside the peak.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createContext } from '../../electron/db/audit';
import { openLedger } from '../../electron/db/connection';
import { readLedgerSnapshot } from '../../electron/db/repositories/snapshot';
import { buildTaskListWorkbook, taskListRows } from '../../electron/services/excel/taskListWorkbook';
import { fillBigLedger } from './bigLedger';
import { median, type BenchLine } from './report';

const ITEMS = 5_000;
const RUNS = 5;

async function measure(run: () => Promise<void>): Promise<{ ms: number; peakMb: number; growthMb: number }> {
  const times: number[] = [];
  // One untimed run first: otherwise whichever case goes first also pays for JIT warm-up.
  await run();
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  return { ms: median(times), peakMb: mb(peak), growthMb: mb(peak - start) };
}

export async function runExportBench(): Promise<BenchLine[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-bench-'));
  const ctx = createContext(openLedger(path.join(dir, 'x.sqlite')));
  fillBigLedger(ctx, ITEMS);
  const snap = readLedgerSnapshot(ctx);
  const columns = ['序号', '重点任务', '工作内容', '牵头单位', '配合单位', '完成时限', '状态'] as const;
  const bare = await measure(async () => {
    const rows = taskListRows(snap, { today: '2026-11-23' }).filter((r) => r.kind !== 'section');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('x');
    rows.forEach((r, i) =>
      sheet.addRow([
        i + 1,
        r.task?.title ?? '',
        r.node.content,
        r.leadNames,
        r.coNames,
        r.node.deadline.text,
        r.node.status,
      ]),
    );
    await wb.xlsx.writeFile(path.join(dir, 'bare.xlsx'));
  });
  const full = await measure(async () => {
    await buildTaskListWorkbook(snap, {
      title: '重点任务清单',
      today: '2026-11-23',
      columns: [...columns],
    }).xlsx.writeFile(path.join(dir, 'full.xlsx'));
  });
  ctx.db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return [
    {
      name: `export: bare exceljs, same values (${ITEMS} items)`,
      ms: bare.ms,
      baseline: true,
      extra: `peak RSS ${bare.peakMb} MB (+${bare.growthMb} MB)`,
    },
    {
      name: 'export: formatted task list',
      ms: full.ms,
      ratio: full.ms / bare.ms,
      goal: '≤ 1.5×',
      extra: `peak RSS ${full.peakMb} MB (+${full.growthMb} MB)`,
    },
  ];
}
