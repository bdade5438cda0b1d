// 50 township returns (≈10,000 rows) against a 10,000-item ledger: time to preview (read + match) vs
// bare exceljs loading the same files, in the same run; plus one 5,000-row file. Peak RSS sampled.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createContext } from '../../electron/db/audit';
import { openLedger } from '../../electron/db/connection';
import { readLedgerSnapshot } from '../../electron/db/repositories/snapshot';
import { analyseReturnFile } from '../../electron/services/townshipReturns/analyseReturns';
import { fillBigLedger } from './bigLedger';
import type { BenchLine } from './report';

async function makeReturn(contents: string[], township: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('推进情况');
  s.addRow([`${township}重点任务推进情况表`]);
  s.addRow([`填报单位：${township}`]);
  s.addRow(['序号', '工作内容', '进展情况', '完成进度', '完成时限', '状态']);
  contents.forEach((c, i) => {
    // Every tenth row abridged, as townships do, so the fuzzy path is measured too.
    const text = i % 10 === 0 ? c.slice(0, Math.ceil(c.length * 0.7)) : c;
    s.addRow([i + 1, text, `已完成第${i + 1}项阶段性工作`, '60%', '2026年底前', '推进中']);
  });
  s.addRow(['填报人：某某  联系电话：0575-86020000']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; peakMb: number; value: T }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const value = await run();
  const ms = performance.now() - t0;
  clearInterval(timer);
  return { ms, peakMb: Math.round(peak / 1024 / 1024), value };
}

export async function runReturnsBench(): Promise<BenchLine[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-bench-'));
  const ctx = createContext(openLedger(path.join(dir, 'x.sqlite')));
  fillBigLedger(ctx, 10_000);
  const snap = readLedgerSnapshot(ctx);
  const items = snap.tasks.filter((t) => t.level === 'item');
  const files: Buffer[] = [];
  for (let f = 0; f < 50; f++) files.push(await makeReturn(items.slice(f * 200, f * 200 + 200).map((t) => t.content), `测试单位${(f % 40) + 1}`));
  const big = await makeReturn(items.slice(0, 5000).map((t) => t.content), '测试单位1');

  const bare = await timed(async () => {
    for (const data of files) await new ExcelJS.Workbook().xlsx.load(data as unknown as ArrayBuffer);
  });
  const preview = await timed(async () => {
    let matched = 0;
    for (const [i, data] of files.entries()) matched += (await analyseReturnFile(`返回${i}.xlsx`, data, snap, { referenceDate: '2026-09-30' })).rows.length;
    return matched;
  });
  const bareBig = await timed(async () => new ExcelJS.Workbook().xlsx.load(big as unknown as ArrayBuffer));
  const previewBig = await timed(async () => (await analyseReturnFile('大文件.xlsx', big, snap, { referenceDate: '2026-09-30' })).rows.length);
  ctx.db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return [
    { name: 'returns: bare exceljs load, 50 files (10,000 rows)', ms: bare.ms, baseline: true, extra: `peak RSS ${bare.peakMb} MB` },
    { name: 'returns: preview (read + match), 50 files', ms: preview.ms, ratio: preview.ms / bare.ms, goal: '≤ 1.5×', extra: `matched ${preview.value}/10000, peak RSS ${preview.peakMb} MB` },
    { name: 'returns: bare exceljs load, one 5,000-row file', ms: bareBig.ms, baseline: true },
    { name: 'returns: preview, one 5,000-row file', ms: previewBig.ms, ratio: previewBig.ms / bareBig.ms, extra: `matched ${previewBig.value}/5000, peak RSS ${previewBig.peakMb} MB` },
  ];
}
