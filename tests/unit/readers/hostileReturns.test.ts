// Issue 11, finding 3 and the second half of finding 4: township returns that froze or crashed the main
// process are refused at once with a message naming the file and the limit, through the reader worker
// as the app reads them. The limit on time is generous: none of these may need it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLedgerSnapshot } from '../../../electron/db/repositories/snapshot';
import { dispatch } from '../../../electron/handlers/dispatch';
import { readerLedger, Readers } from '../../../electron/services/readers/readers';
import type { ReturnFileView } from '../../../shared/channels/returns';
import { demoApp, freshLedger } from '../ledger/helpers';
import { makeTempDir } from '../tempDirs';
import { returnRows, sheetXml, writeZip, xlsxEntries, zeroBomb } from './hostileFiles';

const FIXTURES = path.resolve(__dirname, '../../fixtures/township');
const TODAY = '2026-10-05';

let readers: Readers;
let items: string[];

beforeAll(() => {
  const { ctx } = freshLedger({ demo: true });
  const snap = readLedgerSnapshot(ctx);
  items = snap.tasks
    .filter((t) => t.level === 'item')
    .slice(0, 3)
    .map((t) => t.content);
  readers = new Readers({ ledger: readerLedger(snap), limits: { timeoutMs: 20_000 } });
});
afterAll(() => readers.close());

const analyze = (name: string, data: Buffer) => readers.analyzeReturn(name, data, { referenceDate: TODAY });

/** A return of three work items, with more XML in its sheet. */
const returnWith = (opts: { extraRows?: string; dimension?: string; merges?: string[]; tail?: string }) =>
  writeZip(
    xlsxEntries(
      sheetXml({
        rows: returnRows(items),
        extraRows: opts.extraRows,
        dimension: opts.dimension,
        merges: opts.merges,
      }).replace('</worksheet>', `${opts.tail ?? ''}</worksheet>`),
    ),
  );

/** Bits flipped at byte offsets, as a damaged download or disk does. */
function flipped(fixture: string, flips: [number, number][]): Buffer {
  const data = Buffer.from(fs.readFileSync(path.join(FIXTURES, fixture)));
  for (const [at, bits] of flips) data[at]! ^= bits;
  return data;
}

describe('a return that a reader cannot bound is refused before it is expanded', () => {
  it('a damaged .xlsx that exceljs refuses is refused as damaged, never handed to SheetJS (which looped forever on it)', async () => {
    // Three flipped bits in a fixture: exceljs reports a part whose size does not match its header.
    const a = await analyze(
      '回山镇_推进情况.xlsx',
      flipped('回山镇_推进情况.xlsx', [
        [311, 0x01],
        [6926, 0x80],
        [8323, 0x20],
      ]),
    );
    expect(a.error).toMatchObject({
      code: 'file_corrupt',
      message: expect.stringContaining('“回山镇_推进情况.xlsx”已损坏'),
    });
  });

  it('one cell at XFD1048576 (an 8 KB file that exhausted memory) is refused for the rows it declares', async () => {
    const data = returnWith({
      extraRows: '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>',
    });
    expect(data.length).toBeLessThan(10_000);
    const a = await analyze('沙溪镇.xlsx', data);
    expect(a.error?.code).toBe('too_many_rows');
    expect(a.error?.message).toContain('“沙溪镇.xlsx”的工作表声明了 1048576 行，超过上限 20000 行');
  });

  it('a styled row 1,048,576 (30 s and 3 GB before the row count was looked at) is refused for the rows it declares', async () => {
    const a = await analyze('城南乡.xlsx', returnWith({ extraRows: '<row r="1048576" s="1" customFormat="1"/>' }));
    expect(a.error?.message).toContain('“城南乡.xlsx”的工作表声明了 1048576 行，超过上限 20000 行');
  });

  it('a sheet whose <dimension> declares a million rows is refused, and one cell far to the right for its columns', async () => {
    const rows = await analyze('儒岙镇.xlsx', returnWith({ dimension: 'A1:XFD1048576' }));
    expect(rows.error?.message).toContain('“儒岙镇.xlsx”的工作表声明了 1048576 行，超过上限 20000 行');
    const columns = await analyze(
      '儒岙镇.xlsx',
      returnWith({ extraRows: '<row r="9"><c r="XFD9" t="inlineStr"><is><t>备注</t></is></c></row>' }),
    );
    expect(columns.error?.message).toContain('声明了 16384 列（到 XFD 列），超过上限 256 列');
  });

  it('merged ranges that would be built cell by cell past the limit are refused', async () => {
    // Within the sheet's limits (5000 rows × 100 columns), but the same range merged three times over.
    const merges = ['A5:CV5000', 'A5:CV5000', 'A5:CV5000'];
    const a = await analyze('回山镇.xlsx', returnWith({ merges }));
    expect(a.error?.code).toBe('too_many_merged');
    expect(a.error?.message).toMatch(/^“回山镇.xlsx”的合并单元格共覆盖 \d+ 个单元格，超过上限 1000000 个/);
  });

  it('a part of 1.5 GB (read for 36 s, then accepted) is refused for its size before it is inflated', async () => {
    const data = writeZip(
      xlsxEntries(sheetXml({ rows: returnRows(items) }), [
        { name: 'xl/media/image1.png', deflated: zeroBomb(1536 * 1024 * 1024) },
      ]),
    );
    expect(data.length).toBeLessThan(2 * 1024 * 1024);
    const a = await analyze('城南乡.xlsx', data);
    expect(a.error?.code).toBe('zip_too_large');
    expect(a.error?.message).toContain('“城南乡.xlsx”解压后有 1536 MB，超过上限 200 MB');
  });

  it('a part that inflates past the size its zip declares is refused as damaged', async () => {
    const sheet = Buffer.from(sheetXml({ rows: returnRows(items) }));
    const a = await analyze(
      '城南乡.xlsx',
      writeZip(xlsxEntries('', [{ name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: 100 }])),
    );
    expect(a.error).toMatchObject({ code: 'file_corrupt', message: expect.stringContaining('“城南乡.xlsx”已损坏') });
  });

  it('a cell longer than Excel allows is refused, naming where it is', async () => {
    const data = writeZip(
      xlsxEntries(sheetXml({ rows: [...returnRows(items), [4, items[0]!, 'x'.repeat(1024 * 1024)]] })),
    );
    const a = await analyze('沙溪镇.xlsx', data);
    expect(a.error?.code).toBe('cell_too_long');
    expect(a.error?.message).toContain(
      '“沙溪镇.xlsx”的工作表“推进情况”第 6 行 C 列有 1048576 个字符，超过上限 32767 个',
    );
  });

  it('a .csv of a million line breaks is refused without building a million rows', async () => {
    const a = await analyze('儒岙镇.csv', Buffer.from(`序号,工作内容,进展情况\r\n${'\r\n'.repeat(1_000_000)}`));
    expect(a.error).toMatchObject({
      code: 'too_many_rows',
      message: expect.stringContaining('“儒岙镇.csv”有超过 20000 行'),
    });
  });

  it('still reads a return with a drop-down set on the whole sheet (which exceljs spelt out cell by cell)', async () => {
    const tail =
      '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"推进中,已完成"</formula1></dataValidation></dataValidations>';
    const a = await analyze('城南乡.xlsx', returnWith({ tail }));
    expect(a.error).toBeNull();
    expect(a.rows.map((r) => r.taskContent)).toEqual(items);
  });
});

describe('a damaged legacy .xls never reaches the loops in SheetJS that abort the process', () => {
  it('an .xls whose directory links loop (its header copied twice, found by the fuzz test) is refused as damaged', async () => {
    // SheetJS queued the directory's entries until V8 aborted the whole process, worker and all, after
    // about 17 s; a shorter limit keeps a regression to a failed test rather than a killed test run.
    const quick = new Readers({
      ledger: readerLedger(readLedgerSnapshot(freshLedger({ demo: true }).ctx)),
      limits: { timeoutMs: 5000 },
    });
    try {
      const original = fs.readFileSync(path.join(FIXTURES, '城南乡_推进情况.xls'));
      const a = await quick.analyzeReturn(
        '城南乡_推进情况.xls',
        Buffer.concat([original.subarray(0, 1816), original]),
        { referenceDate: TODAY },
      );
      expect(a.error).toMatchObject({
        code: 'file_corrupt',
        message: expect.stringContaining('“城南乡_推进情况.xls”已损坏或格式无法识别'),
      });
    } finally {
      await quick.close();
    }
  });
});

describe('a reader failure is a message naming the file', () => {
  it('a malformed .xls (a TypeError without the file name) is refused as damaged, by name', async () => {
    const a = await analyze(
      '城南乡_推进情况.xls',
      flipped('城南乡_推进情况.xls', [
        [281, 0x01],
        [3127, 0x01],
        [3181, 0x08],
      ]),
    );
    expect(a.error).toMatchObject({
      code: 'file_corrupt',
      message: expect.stringContaining('“城南乡_推进情况.xls”已损坏或格式无法识别'),
    });
  });

  it("through 'returns:analyze', the bad files of a batch are named and the good ones read", async () => {
    const app = demoApp();
    const ctx = app.ledger;
    const good = fs.readFileSync(path.join(FIXTURES, '沙溪镇_2024年二季度推进情况.xlsx'));
    const dir = makeTempDir();
    const files: [string, Buffer][] = [
      [
        '城南乡_推进情况.xls',
        flipped('城南乡_推进情况.xls', [
          [281, 0x01],
          [3127, 0x01],
          [3181, 0x08],
        ]),
      ],
      ['沙溪镇_2024年二季度推进情况.xlsx', good],
      ['回山镇.xlsx', returnWith({ extraRows: '<row r="1048576" s="1" customFormat="1"/>' })],
    ];
    const paths = files.map(([name, data]) => {
      fs.writeFileSync(path.join(dir, name), data);
      return path.join(dir, name);
    });
    const result = await dispatch(app, 'returns:analyze', { roundId: readLedgerSnapshot(ctx).rounds[0]!.id, paths });
    expect(result.ok).toBe(true);
    const views = (result as { data: ReturnFileView[] }).data;
    expect(views.map((v) => v.error?.code ?? 'read')).toEqual(['file_corrupt', 'read', 'too_many_rows']);
    expect(views[0]?.error?.message).toContain('“城南乡_推进情况.xls”');
    expect(views[1]?.rows.length).toBeGreaterThan(0);
    expect(views[2]?.error?.message).toContain('“回山镇.xlsx”的工作表声明了 1048576 行');
    // The damaged .xls is a refusal, not an internal error.
    expect(app.errors).toEqual([]);
  });
});
