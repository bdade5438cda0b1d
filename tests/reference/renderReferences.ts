// Renders the exports the way a clerk would see them printed: xlsx → PDF (LibreOffice) → PNG (pdftoppm).
// Usage: npx tsx tests/reference/renderReferences.ts [outDir] [--keep]
//   Writes every page to outDir (default a temp folder) for a look; with --keep also refreshes page 1 of
//   each export type in tests/reference/ (100 dpi greyscale: small, and what a black-and-white print shows).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type ExcelJS from 'exceljs';
import { buildBulletinWorkbook } from '../../electron/services/excel/bulletinWorkbook';
import { buildFillTemplateWorkbook } from '../../electron/services/excel/fillTemplateWorkbook';
import { buildRosterWorkbook } from '../../electron/services/excel/rosterWorkbook';
import { buildTaskListWorkbook } from '../../electron/services/excel/taskListWorkbook';
import { buildUnitDispatchWorkbook } from '../../electron/services/excel/unitDispatchWorkbook';
import { writeWorkbookFile } from '../../electron/services/excel/writeWorkbookFile';
import { goldSnapshot, TODAY, unitNamed } from '../unit/export/goldSnapshot';

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const outDir = args.find((a) => !a.startsWith('--')) ?? fs.mkdtempSync(path.join(os.tmpdir(), 'duban-render-'));
fs.mkdirSync(outDir, { recursive: true });

const snap = goldSnapshot();
const exportsToRender: { name: string; book: ExcelJS.Workbook }[] = [
  {
    name: 'task-list',
    book: buildTaskListWorkbook(snap, {
      title: '新昌县深化基层卫生健康综合改革重点任务清单',
      attachmentLabel: '附件2',
      madeBy: `制表单位：新昌县卫生健康局　　日期：${TODAY}`,
      columns: ['序号', '重点任务', '工作内容', '牵头单位', '配合单位', '完成时限', '状态'],
      today: TODAY,
    }),
  },
  {
    name: 'unit-dispatch',
    book: buildUnitDispatchWorkbook(snap, [unitNamed(snap, '沙溪镇')], {
      today: TODAY,
      columns: ['序号', '重点任务', '工作内容', '牵头单位', '配合单位', '完成时限', '状态'],
    }),
  },
  {
    name: 'fill-template',
    book: buildFillTemplateWorkbook(snap, { unit: unitNamed(snap, '沙溪镇'), round: snap.rounds[0]!, today: TODAY }),
  },
  { name: 'roster', book: buildRosterWorkbook(snap, snap.groups[0]!.id) },
  { name: 'bulletin', book: buildBulletinWorkbook(snap, snap.rounds[0]!.id, TODAY) },
];

/** pdftoppm writes greyscale only as PGM; this wraps it in an 8-bit grey PNG, a third the size of RGB. */
function pgmToPng(pgm: Buffer): Buffer {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not an 8-bit PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) pixels.copy(raw, y * (width + 1) + 1, y * width, (y + 1) * width);
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function main(): Promise<void> {
  for (const { name, book } of exportsToRender) {
    const xlsx = path.join(outDir, `${name}.xlsx`);
    await writeWorkbookFile(book, xlsx);
    execFileSync(
      'libreoffice',
      [
        `-env:UserInstallation=file://${path.join(outDir, '.lo-profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        xlsx,
      ],
      { stdio: 'ignore' },
    );
    execFileSync('pdftoppm', ['-gray', '-r', '100', path.join(outDir, `${name}.pdf`), path.join(outDir, name)]);
    const pages = fs
      .readdirSync(outDir)
      .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.pgm'))
      .sort()
      .map((pgm) => {
        const png = pgm.replace(/\.pgm$/, '.png');
        fs.writeFileSync(path.join(outDir, png), pgmToPng(fs.readFileSync(path.join(outDir, pgm))));
        fs.rmSync(path.join(outDir, pgm));
        return png;
      });
    console.log(`${name}: ${pages.length} page(s)`);
    if (keep && pages[0]) fs.copyFileSync(path.join(outDir, pages[0]), path.resolve(__dirname, `${name}-page1.png`));
  }
  console.log(outDir);
}

void main();
