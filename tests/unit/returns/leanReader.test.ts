// The lean .xlsx reader gives exactly the grid exceljs gives — values, merged cells, banners, formulas,
// percents, dates, the template's hidden record — on our own template (as sent back, sorted), on the
// fixtures, and on every kind of cell; and it leaves what it does not handle to exceljs.
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLedgerSnapshot } from '../../../electron/db/repositories/snapshot';
import { buildFillTemplateWorkbook } from '../../../electron/services/excel/fillTemplateWorkbook';
import { readReturnFile, type ReadWorkbook } from '../../../electron/services/returns/readReturnFile';
import type { LedgerSnapshot } from '../../../shared/domain';
import { freshLedger } from '../ledger/helpers';

const FIXTURES = path.resolve(__dirname, '../../fixtures/township');

/** What a reader hands on, in a form toEqual compares whole (Sets as sorted lists). */
function shape(book: ReadWorkbook) {
  return {
    sheets: book.sheets.map((s) => ({
      name: s.name,
      rows: s.rows,
      bannerRows: [...s.bannerRows].sort((a, b) => a - b),
      formulas: [...s.formulas].sort((a, b) => a - b),
    })),
    skipped: book.skipped,
    templateRecord: book.templateRecord,
  };
}

/** Read with the lean reader alone (it must not decline) and with exceljs alone: the same grid. */
async function expectSameBothWays(name: string, data: Buffer) {
  const lean = await readReturnFile(name, data, { lean: 'only' });
  const full = await readReturnFile(name, data, { lean: false });
  expect(shape(lean)).toEqual(shape(full));
  return lean;
}

const bufferOf = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

let snap: LedgerSnapshot;
beforeAll(() => {
  snap = readLedgerSnapshot(freshLedger({ demo: true }).ctx);
});

function template(unitName = '沙溪镇'): ExcelJS.Workbook {
  const unit = snap.units.find((u) => u.name === unitName)!;
  return buildFillTemplateWorkbook(snap, { unit, round: snap.rounds.at(-1)!, today: '2026-10-05' });
}

describe('the lean .xlsx reader against exceljs', () => {
  it('reads our 填报模板 as exported: hidden record, hidden 任务ID, locked cells, merged title', async () => {
    const book = await expectSameBothWays('沙溪镇.xlsx', await bufferOf(template()));
    expect(book.templateRecord).not.toBeNull();
    expect(book.sheets[0]!.rows.length).toBeGreaterThan(7);
  });

  it('reads the template filled in, with percents, dates and formulas typed by the township', async () => {
    const wb = template('县卫生健康局');
    const sheet = wb.getWorksheet('推进情况填报')!;
    for (let r = 7; r <= Math.min(sheet.rowCount, 20); r++) {
      const row = sheet.getRow(r);
      row.getCell(7).value = `第${r}行已推进`;
      row.getCell(8).value = r % 3 === 0 ? 0.8 : r % 3 === 1 ? { formula: `${r}/100`, result: r / 100 } : '60％';
      row.getCell(8).numFmt = r % 2 ? '0%' : '0.0%';
      row.getCell(9).value = r % 2 ? '推进中' : '已完成';
      row.getCell(10).value = new Date(Date.UTC(2026, 5, r));
      row.getCell(10).numFmt = 'yyyy"年"m"月"d"日"';
    }
    await expectSameBothWays('县卫生健康局.xlsx', await bufferOf(wb));
  });

  it('reads a template the township unprotected and sorted (rows moved, merges and styles left behind)', async () => {
    const wb = template();
    const sheet = wb.getWorksheet('推进情况填报')!;
    sheet.unprotect();
    const first = 7;
    const last = sheet.rowCount - 2;
    const rows = [];
    for (let r = first; r <= last; r++) rows.push((sheet.getRow(r).values as ExcelJS.CellValue[]).slice(2, 12));
    rows.sort((a, b) => String(b[2] ?? '').localeCompare(String(a[2] ?? ''), 'zh'));
    rows.forEach((values, i) => values.forEach((v, c) => (sheet.getRow(first + i).getCell(c + 2).value = v ?? null)));
    await expectSameBothWays('沙溪镇_排序.xlsx', await bufferOf(wb));
  });

  it('reads every kind of cell the way exceljs does', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('推进情况');
    s.addRow(['一、县下达任务']);
    s.mergeCells('A1:F1');
    s.addRow(['序号', '重点任务', '工作内容', '完成进度', '完成时限', '状态']);
    s.addRow([1, '（一）家庭医生', '签约', 0.755, new Date(Date.UTC(2026, 11, 31)), true]);
    s.addRow([2, null, '随访', 0, 45657, false]);
    s.mergeCells('B3:B4');
    s.getCell('D3').numFmt = '0.0%';
    s.getCell('D4').numFmt = '0%';
    s.getCell('E3').numFmt = 'yyyy-mm-dd';
    s.getCell('E4').numFmt = 'mm-dd-yy';
    // Formulas: a number, a zero (exceljs reads a falsy result as none), text, a boolean, an error, a date,
    // a percent, and a shared formula down a column.
    s.addRow([
      { formula: '1+2', result: 3 },
      { formula: '0*1', result: 0 },
      { formula: '"推进"&"中"', result: '推进中' },
      { formula: 'TRUE()', result: true },
      { formula: '1/0', result: { error: '#DIV/0!' } },
      { formula: 'DATE(2026,6,30)', result: new Date(Date.UTC(2026, 5, 30)) },
    ]);
    s.getCell('F5').numFmt = 'yyyy/m/d';
    s.addRow([
      { formula: 'A5*2', result: 6 },
      null,
      { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }] },
    ]);
    s.addRow([{ sharedFormula: 'A6', result: 12 } as ExcelJS.CellValue, { error: '#N/A' } as ExcelJS.CellValue]);
    s.getCell('D6').numFmt = '0%';
    s.getCell('D6').value = { formula: '1/4', result: 0.25 };
    s.addRow(['合并', null, null, '跨两行两列']);
    s.mergeCells('A8:C8');
    s.mergeCells('D8:E9');
    s.getCell('H12').style = { font: { bold: true } }; // styled, empty, past the table
    s.addRow(['填报人：某某', '  前后有空格  ', 'a&b<c>"d"', '换\n行', '_x0041_', '']);
    const hidden = wb.addWorksheet('草稿', { state: 'hidden' });
    hidden.addRow(['不读']);
    const other = wb.addWorksheet('第二张');
    other.addRow([null, null, '只在C列']);
    other.getRow(5).height = 30;
    const book = await expectSameBothWays('各种单元格.xlsx', await bufferOf(wb));
    expect(book.sheets.map((s) => s.name)).toEqual(['推进情况', '第二张']);
    expect(book.sheets[0]!.rows[2]![3]).toBe('75.5%');
    expect(book.sheets[0]!.bannerRows.has(0)).toBe(true);
    expect(book.skipped).toHaveLength(1);
  });

  it('reads the township fixtures the same both ways', async () => {
    for (const name of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'))) {
      const data = fs.readFileSync(path.join(FIXTURES, name));
      const full = await readReturnFile(name, data, { lean: false }).then(shape, (e: Error) => e.message);
      const both = await readReturnFile(name, data).then(shape, (e: Error) => e.message);
      expect(both, name).toEqual(full);
    }
  });

  it('leaves to exceljs what it does not handle (inline strings, hyperlinks, overlapping merges), with the same result', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['序号', '工作内容', '完成进度'],
      [1, '签约服务', 0.5],
    ]);
    ws.C2!.z = '0%';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '推进情况');
    const inline = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST: false }) as Buffer;
    const linked = new ExcelJS.Workbook();
    linked.addWorksheet('推进情况').addRow([{ text: '链接', hyperlink: 'https://example.org' }, '签约']);
    const overlapping = XLSX.utils.aoa_to_sheet([
      ['一、县下达任务', null, null],
      [1, '签约服务', '50%'],
    ]);
    overlapping['!merges'] = [
      { s: { r: 0, c: 0 }, e: { r: 0, c: 2 } },
      { s: { r: 0, c: 1 }, e: { r: 1, c: 1 } },
    ];
    const overlapBook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(overlapBook, overlapping, '推进情况');
    for (const [name, data] of [
      ['内联.xlsx', inline],
      ['链接.xlsx', await bufferOf(linked)],
      ['重叠合并.xlsx', XLSX.write(overlapBook, { type: 'buffer', bookType: 'xlsx', bookSST: true }) as Buffer],
    ] as const) {
      await expect(readReturnFile(name, data, { lean: 'only' })).rejects.toThrow();
      expect(shape(await readReturnFile(name, data))).toEqual(shape(await readReturnFile(name, data, { lean: false })));
    }
  });

  it('reads a file SheetJS wrote with shared strings the same both ways', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['序号', '工作内容', '完成进度', '完成时限'],
      [1, '签约服务', 0.5, new Date(Date.UTC(2026, 5, 30))],
      [2, '随访', '80%', '长期坚持'],
    ]);
    ws.C2!.z = '0%';
    ws['!merges'] = [{ s: { r: 2, c: 2 }, e: { r: 2, c: 3 } }];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '推进情况');
    const data = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST: true, cellDates: true }) as Buffer;
    await expectSameBothWays('SheetJS.xlsx', data);
  });
});
