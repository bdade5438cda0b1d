// Ingest each fixture document 20 times; median per document, against reading its bytes alone
// (mammoth's unzip for .docx, UTF-8 decoding for .txt) measured in the same run.
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { getDocumentProxy } from 'unpdf';
import WordExtractor from 'word-extractor';
import { benchDocuments } from '../../electron/services/documents';
import { readDocumentBlocks } from '../../electron/services/documents/readDocument';
import { withReaders } from '../../electron/services/readers/readers';
import { median, type BenchLine } from './report';

const DIR = path.resolve(__dirname, '../fixtures/documents');
const RUNS = 20;

async function readOnly(name: string, data: Buffer): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    if (name.endsWith('.docx')) await mammoth.convertToHtml({ buffer: data });
    else data.toString('utf8');
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** The library alone: word-extractor's body text, or pdf.js's text runs of every page (no layout, no rules). */
async function libraryOnce(name: string, data: Buffer): Promise<void> {
  if (name.endsWith('.pdf')) {
    const pdf = await getDocumentProxy(new Uint8Array(data));
    for (let n = 1; n <= pdf.numPages; n++) await (await pdf.getPage(n)).getTextContent();
    await pdf.destroy();
  } else (await new WordExtractor().extract(data)).getBody();
}

async function medianOf(run: () => Promise<unknown>): Promise<number> {
  await run(); // loads the library (pdf.js's first import takes a few hundred ms)
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** .doc and .pdf: our reader (readDocFile / readPdfText with the table layout) against the library alone, then the whole ingest. */
async function legacyFormatLines(): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  const files = [
    path.join(DIR, 'corpus/10-pujiang-measures-doc.doc'),
    path.join(DIR, 'formats/pingyang-table.doc'),
    path.join(DIR, 'corpus/11-kaihua-appendix-pdf.pdf'),
    path.join(DIR, 'formats/longquan-two-pages.pdf'),
  ];
  for (const file of files) {
    const name = path.basename(file);
    const data = fs.readFileSync(file);
    const library = await medianOf(() => libraryOnce(name, data));
    const ours = await medianOf(() => readDocumentBlocks(name, data));
    const what = name.endsWith('.pdf') ? 'unpdf text runs alone' : 'word-extractor alone';
    lines.push({
      name: `read ${path.extname(name)}: ${name} (${Math.round(data.length / 1024)} KB)`,
      ms: ours,
      ratio: ours / Math.max(library, 0.01),
      extra: `${what} ${library.toFixed(1)} ms`,
    });
    const { medianMs } = await benchDocuments(name, data, RUNS);
    lines.push({
      name: `ingest: ${name}`,
      ms: medianMs,
      ratio: medianMs / Math.max(ours, 0.01),
      extra: `against reading ${ours.toFixed(1)} ms`,
    });
  }
  return lines;
}

export async function runDocumentsBench(): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  const files = fs.readdirSync(DIR).filter((f) => /\.(docx|txt)$/.test(f));
  for (const name of files) {
    const data = fs.readFileSync(path.join(DIR, name));
    const base = await readOnly(name, data);
    const { medianMs } = await benchDocuments(name, data, RUNS);
    lines.push({
      name: `ingest: ${name} (${Math.round(data.length / 1024)} KB)`,
      ms: medianMs,
      ratio: medianMs / Math.max(base, 0.01),
      extra: `read alone ${base.toFixed(1)} ms`,
    });
  }
  // As the app reads them: in the reader worker (the bundled one when built), already running.
  const bundled = path.resolve(__dirname, '../../dist/main/readerWorker.js');
  const workerScript = fs.existsSync(bundled) ? bundled : undefined;
  await withReaders({ workerScript }, async (readers) => {
    for (const name of files) {
      const data = fs.readFileSync(path.join(DIR, name));
      await readers.readDocument(name, data, []);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await readers.readDocument(name, data, []);
        times.push(performance.now() - t0);
      }
      const inProcess = lines.find((l) => l.name.includes(name))!.ms;
      lines.push({
        name: `ingest in the reader worker: ${name}`,
        ms: median(times),
        ratio: median(times) / inProcess,
        extra: `against in-process ${inProcess.toFixed(1)} ms`,
      });
    }
  });
  // About 30 pages: six copies of the 鄂尔多斯 plan, as one pasted text.
  const one = fs.readFileSync(path.join(DIR, 'ordos-capacity-plan.txt'), 'utf8');
  const big = Buffer.from(Array.from({ length: 6 }, () => one).join('\n'), 'utf8');
  const { medianMs } = await benchDocuments('30页.txt', big, RUNS);
  lines.push({
    name: `ingest: 30-page pasted text (${Math.round(big.length / 1024)} KB)`,
    ms: medianMs,
    goal: '< 200 ms',
  });
  lines.push(...(await legacyFormatLines()));
  return lines;
}
