// 50 township returns (≈10,000 rows) against a 10,000-item ledger: time to preview (read + match) vs
// bare exceljs loading the same files, in the same run; plus one 5,000-row file. Plain returns are read
// by our lean reader, below exceljs itself, so two lower floors are printed too: SheetJS alone (dense,
// values only) and inflating the zips alone (what any reader must do). Peak RSS sampled, and its rise
// over the run's start (the process also holds the ledger and whatever ran before).
// Each case runs once untimed so neither pays JIT warm-up alone, then RUNS times, taking turns at
// going first so neither always inherits the other's garbage; the medians are compared, because one
// run on a busy machine can be off by a third either way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { createContext } from '../../electron/db/audit';
import { openLedger } from '../../electron/db/connection';
import { readLedgerSnapshot } from '../../electron/db/repositories/snapshot';
import { inspectZip } from '../../electron/services/readers/inspectZip';
import { readerLedger, withReaders } from '../../electron/services/readers/readers';
import { DomainError } from '../../shared/errors';
import { analyzeReturnFile } from '../../electron/services/returns/analyzeReturns';
import { fillBigLedger } from './bigLedger';
import { median, type BenchLine } from './report';

const RUNS = 6;

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

interface Timed<T> {
  ms: number;
  peakMb: number;
  /** The peak's rise over the RSS when the run started. */
  riseMb: number;
  value: T;
}

async function timed<T>(run: () => Promise<T>): Promise<Timed<T>> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const value = await run();
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, peakMb: Math.round(peak / 1024 / 1024), riseMb: Math.round((peak - start) / 1024 / 1024), value };
}

const memory = (t: { peakMb: number; riseMb: number }) => `peak RSS ${t.peakMb} MB (+${t.riseMb} MB)`;
const zipMessages = { corrupt: () => new DomainError('file_corrupt', 'bench'), what: 'bench' };

export async function runReturnsBench(): Promise<BenchLine[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-bench-'));
  const ctx = createContext(openLedger(path.join(dir, 'x.sqlite')));
  fillBigLedger(ctx, 10_000);
  const snap = readLedgerSnapshot(ctx);
  const items = snap.tasks.filter((t) => t.level === 'item');
  const files: Buffer[] = [];
  for (let f = 0; f < 50; f++)
    files.push(
      await makeReturn(
        items.slice(f * 200, f * 200 + 200).map((t) => t.content),
        `测试单位${(f % 40) + 1}`,
      ),
    );
  const big = await makeReturn(
    items.slice(0, 5000).map((t) => t.content),
    '测试单位1',
  );

  const bareRun = () =>
    timed(async () => {
      for (const data of files) await new ExcelJS.Workbook().xlsx.load(data as unknown as ArrayBuffer);
    });
  // The lower floors: SheetJS reading values only, and inflating every part (no reader can do less).
  const sheetJsRun = () =>
    timed(async () => {
      for (const data of files) XLSX.read(data, { type: 'buffer', dense: true, cellHTML: false, cellText: false });
    });
  const inflateRun = () =>
    timed(async () => {
      for (const data of files) await inspectZip('bench.xlsx', data, () => true, zipMessages);
    });
  // A batch builds the ledger's match indexes once; a fresh snapshot object per run keeps that build
  // inside every timed run instead of leaving it to the warm-up.
  const previewRun = () => {
    const batchSnap = { ...snap };
    return timed(async () => {
      let matched = 0;
      for (const [i, data] of files.entries())
        matched += (await analyzeReturnFile(`返回${i}.xlsx`, data, batchSnap, { referenceDate: '2026-09-30' })).rows
          .length;
      return matched;
    });
  };
  // As the app reads them: in the reader worker (the bundled one when built, as the app runs it),
  // with the batch's ledger copied to it once; the worker is already running, as after the first batch.
  const bundled = path.resolve(__dirname, '../../dist/main/readerWorker.js');
  const workerScript = fs.existsSync(bundled) ? bundled : undefined;
  const workerRun = () =>
    timed(() =>
      // Side by side, as 'returns:analyze' sends them.
      withReaders({ ledger: readerLedger(snap), workerScript }, async (readers) => {
        const analyzes = await Promise.all(
          files.map((data, i) => readers.analyzeReturn(`返回${i}.xlsx`, data, { referenceDate: '2026-09-30' })),
        );
        return analyzes.reduce((n, a) => n + a.rows.length, 0);
      }),
    );
  const bareBigRun = () => timed(async () => new ExcelJS.Workbook().xlsx.load(big as unknown as ArrayBuffer));
  // As before, the one big file is read against a ledger whose indexes are built (by its warm-up).
  const previewBigRun = () =>
    timed(async () => (await analyzeReturnFile('大文件.xlsx', big, snap, { referenceDate: '2026-09-30' })).rows.length);
  const runs = {
    bare: [] as Timed<unknown>[],
    sheetJs: [] as Timed<unknown>[],
    inflate: [] as Timed<unknown>[],
    preview: [] as Timed<number>[],
    worker: [] as Timed<number>[],
    bareBig: [] as Timed<unknown>[],
    previewBig: [] as Timed<number>[],
  };
  // The first batch also starts the worker and loads exceljs into it.
  const coldWorker = await workerRun();
  const inTurn = async <A, B>(a: () => Promise<A>, b: () => Promise<B>, bFirst: boolean): Promise<[A, B]> => {
    if (!bFirst) return [await a(), await b()];
    const second = await b();
    return [await a(), second];
  };
  for (let r = 0; r <= RUNS; r++) {
    const [bare, preview] = await inTurn(bareRun, previewRun, r % 2 === 0);
    const worker = await workerRun();
    const [sheetJs, inflate] = await inTurn(sheetJsRun, inflateRun, r % 2 === 0);
    const [bareBig, previewBig] = await inTurn(bareBigRun, previewBigRun, r % 2 === 0);
    if (r === 0) continue;
    runs.bare.push(bare);
    runs.sheetJs.push(sheetJs);
    runs.inflate.push(inflate);
    runs.preview.push(preview);
    runs.worker.push(worker);
    runs.bareBig.push(bareBig);
    runs.previewBig.push(previewBig);
  }
  const summary = <T>(list: Timed<T>[]) => ({
    ms: median(list.map((t) => t.ms)),
    peakMb: Math.max(...list.map((t) => t.peakMb)),
    riseMb: Math.max(...list.map((t) => t.riseMb)),
    value: list[0]!.value,
  });
  const bare = summary(runs.bare);
  const sheetJs = summary(runs.sheetJs);
  const inflate = summary(runs.inflate);
  const preview = summary(runs.preview);
  const worker = summary(runs.worker);
  const bareBig = summary(runs.bareBig);
  const previewBig = summary(runs.previewBig);
  ctx.db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return [
    {
      name: 'returns: bare exceljs load, 50 files (10,000 rows)',
      ms: bare.ms,
      baseline: true,
      extra: memory(bare),
    },
    {
      name: 'returns: floor: SheetJS alone (dense, values), 50 files',
      ms: sheetJs.ms,
      ratio: sheetJs.ms / bare.ms,
      extra: `against exceljs; ${memory(sheetJs)}`,
    },
    {
      name: 'returns: floor: inflating the zips alone, 50 files',
      ms: inflate.ms,
      ratio: inflate.ms / bare.ms,
      extra: `against exceljs; ${memory(inflate)}`,
    },
    {
      name: 'returns: preview (read + match), 50 files',
      ms: preview.ms,
      ratio: preview.ms / bare.ms,
      goal: '≤ 1.2×',
      extra: `${(preview.ms / sheetJs.ms).toFixed(2)}× SheetJS alone; matched ${preview.value}/10000, ${memory(preview)} (goal < 500 MB), median of ${RUNS}`,
    },
    {
      name: 'returns: preview in the reader worker, 50 files',
      ms: worker.ms,
      ratio: worker.ms / bare.ms,
      goal: '≤ 1.2×',
      extra: `${(worker.ms / sheetJs.ms).toFixed(2)}× SheetJS alone; matched ${worker.value}/10000, ${workerScript ? 'bundled' : 'from sources'}, ${os.availableParallelism()} cores, ledger copied per batch, ${memory(worker)}, median of ${RUNS}`,
    },
    {
      name: 'returns: the same, first batch (starts the worker)',
      ms: coldWorker.ms,
      ratio: coldWorker.ms / bare.ms,
      extra: `main-process ${memory(coldWorker)}`,
    },
    {
      name: 'returns: bare exceljs load, one 5,000-row file',
      ms: bareBig.ms,
      baseline: true,
      extra: memory(bareBig),
    },
    {
      name: 'returns: preview, one 5,000-row file',
      ms: previewBig.ms,
      ratio: previewBig.ms / bareBig.ms,
      goal: '≤ 1.2×',
      extra: `matched ${previewBig.value}/5000, ${memory(previewBig)}`,
    },
  ];
}
