// 填报模板: a township fills it in (in Excel or WPS, maybe adding rows and widening columns) and the
// import must bring every row back to the right work item.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFillTemplateWorkbook } from '../../../electron/services/excel/fillTemplateWorkbook';
import { writeWorkbookFile } from '../../../electron/services/excel/writeWorkbookFile';
import { analyzeReturnFile } from '../../../electron/services/returns/analyzeReturns';
import type { LedgerSnapshot } from '../../../shared/domain';
import { GOLD_ITEMS, goldSnapshot, TODAY, unitNamed } from './goldSnapshot';
import { hasLibreOffice, lines, packagePart, printToPdf, tempDir, texts, writeAndReadBack } from './helpers';

const FILL_HEADERS = ['完成情况', '完成进度（%）', '状态', '存在问题', '下步打算'];
const HEADER_ROW = 6;

function template(snap: LedgerSnapshot, unitName = '沙溪镇') {
  return buildFillTemplateWorkbook(snap, { unit: unitNamed(snap, unitName), round: snap.rounds[0]!, today: TODAY });
}

/** 沙溪镇 is reached by items naming 各乡镇街道. */
const TOWNSHIP_NOS = GOLD_ITEMS.filter((i) => i.units.includes('各乡镇街道')).map((i) => i.no);

function dataRows(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row, n) => n > HEADER_ROW && typeof row.getCell(1).value === 'number' && rows.push(row));
  return rows;
}

describe('填报模板 layout', () => {
  let snap: LedgerSnapshot;
  let sheet: ExcelJS.Worksheet;
  let sheetJs: XLSX.WorkBook;
  let file: string;
  beforeAll(async () => {
    snap = goldSnapshot();
    const back = await writeAndReadBack(template(snap), '填报模板_沙溪镇.xlsx');
    sheet = back.book.worksheets[0]!;
    sheetJs = back.sheetJs;
    file = back.file;
  });

  it('names unit, round and due date in the exact words the import reads, with a short instruction', () => {
    const top = lines(sheet).slice(0, 6);
    expect(top).toContain('填报单位（盖章）：沙溪镇');
    expect(top).toContain('调度轮次：2026年第四季度调度');
    // Dates in Chinese, never ISO.
    expect(top.find((t) => t.startsWith('报送截止'))).toMatch(
      /^报送截止：2026年12月5日\s+截至二〇二六年十一月二十三日$/,
    );
    // The plan's name in the title.
    expect(top[0]).toBe('新昌县深化基层卫生健康综合改革重点任务推进情况填报表（2026年第四季度调度）');
    // The instruction is a readable line: body font, no grey.
    const instruction = sheet.getCell(5, 2);
    expect(String(instruction.value)).toMatch(/^填写说明.*下拉/);
    expect(instruction.font.size).toBe(11);
    expect(instruction.font.color).toBeUndefined();
  });

  it('closes with 填报人 / 联系电话 / 填报日期 lines and marks overdue items in words', () => {
    const all = lines(sheet);
    expect(all.find((t) => t.startsWith('填报人'))).toMatch(/填报人：.*联系电话：.*填报日期：/);
    // 沙溪镇's items are not overdue in the gold ledger; 县卫生健康局 leads overdue ones.
    expect(dataRows(sheet).filter((r) => String(r.getCell(2).value).includes('【逾期】'))).toEqual([]);
    const bureau = template(snap, '县卫生健康局').worksheets[0]!;
    const marked: ExcelJS.Row[] = [];
    bureau.eachRow((r, n) => n > HEADER_ROW && String(r.getCell(2).value).endsWith('【逾期】') && marked.push(r));
    expect(marked.length).toBeGreaterThan(0);
    for (const r of marked) expect(r.getCell(4).fill).toMatchObject({ fgColor: { argb: 'FFFBE3E3' } });
    // Deadlines in Chinese words, never ISO.
    for (const r of dataRows(sheet)) expect(String(r.getCell(6).value)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('lets fill-in rows grow with their text: a starting height but no fixed (custom) height', () => {
    const xml = packagePart(file, 'xl/worksheets/sheet1.xml');
    const rowTags = [...xml.matchAll(/<row r="(\d+)"[^>]*>/g)].filter((m) => Number(m[1]) > HEADER_ROW);
    const data = rowTags.filter((m) => dataRows(sheet).some((r) => r.number === Number(m[1])));
    expect(data.length).toBe(dataRows(sheet).length);
    for (const [tag] of data) {
      expect(tag).toMatch(/ ht="/);
      expect(tag).not.toContain('customHeight');
    }
    // More text, taller starting row.
    const heights = dataRows(sheet).map((r) => ({ h: r.height, n: String(r.getCell(4).value).length }));
    const longest = heights.reduce((a, b) => (b.n > a.n ? b : a));
    const shortest = heights.reduce((a, b) => (b.n < a.n ? b : a));
    expect(longest.h).toBeGreaterThan(shortest.h);
  });

  it('has one data-validation range per fill-in column, none overlapping', () => {
    const xml = packagePart(file, 'xl/worksheets/sheet1.xml');
    const sqrefs = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    const first = HEADER_ROW + 1;
    const last = HEADER_ROW + dataRows(sheet).length;
    expect(sqrefs.sort()).toEqual([`H${first}:H${last}`, `I${first}:I${last}`]);
  });

  it('carries the township’s work items (through 各乡镇街道) with their IDs in a hidden 任务ID column', () => {
    expect(sheet.getCell(HEADER_ROW, 1).value).toBe('任务ID');
    expect(sheet.getColumn(1).hidden).toBe(true);
    const itemIdByContent = new Map(snap.tasks.filter((t) => t.level === 'item').map((t) => [t.content, t.id]));
    const expectedIds = GOLD_ITEMS.filter((i) => TOWNSHIP_NOS.includes(i.no)).map((i) =>
      itemIdByContent.get(i.content),
    );
    expect(dataRows(sheet).map((r) => r.getCell(1).value)).toEqual(expectedIds);
    // The second reader sees the column hidden too (WPS follows the same flag).
    expect(sheetJs.Sheets[sheetJs.SheetNames[0]!]?.['!cols']?.[0]?.hidden).toBe(true);
  });

  it('locks the task columns and opens only the fill-in columns, under a sheet protection with no password', () => {
    const header = (sheet.getRow(HEADER_ROW).values as unknown[]).slice(1) as string[];
    const fillCols = FILL_HEADERS.map((h) => header.indexOf(h) + 1);
    expect(fillCols.every((c) => c > 0)).toBe(true);
    for (const row of dataRows(sheet)) {
      for (let c = 1; c <= header.length; c++) {
        const locked = row.getCell(c).protection?.locked ?? true;
        expect(locked, `${header[c - 1]} row ${row.number}`).toBe(!fillCols.includes(c));
      }
    }
    // As Excel reads it: protected, no password, and (0 = not forbidden) widening columns and adding rows allowed.
    const xml = packagePart(file, 'xl/worksheets/sheet1.xml');
    const tag = /<sheetProtection[^>]*>/.exec(xml)?.[0] ?? '';
    expect(tag).toContain('sheet="1"');
    expect(tag).not.toMatch(/password|hashValue|saltValue/);
    expect(tag).toContain('formatColumns="0"');
    expect(tag).toContain('insertRows="0"');
  });

  it('validates 完成进度 as 0–100 and offers 状态 as a dropdown without 已销号 on every row', () => {
    const header = (sheet.getRow(HEADER_ROW).values as unknown[]).slice(1) as string[];
    const pct = header.indexOf('完成进度（%）') + 1;
    const status = header.indexOf('状态') + 1;
    for (const row of dataRows(sheet)) {
      expect(row.getCell(pct).dataValidation).toMatchObject({
        type: 'decimal',
        operator: 'between',
        formulae: [0, 100],
        showErrorMessage: true,
      });
      expect(row.getCell(status).dataValidation).toMatchObject({
        type: 'list',
        formulae: ['"未启动,推进中,已完成,长期坚持"'],
        showErrorMessage: true,
      });
    }
  });

  it('pre-fills what the township already reported this round, numbers as numbers', () => {
    const row = dataRows(sheet).find((r) => r.getCell(4).value === GOLD_ITEMS[3]!.content)!;
    expect(texts(sheet)).toContain('镇卫生院已完成“优质服务基层行”推荐标准自评。');
    const header = (sheet.getRow(HEADER_ROW).values as unknown[]).slice(1) as string[];
    expect(row.getCell(header.indexOf('完成进度（%）') + 1).value).toBe(60);
  });

  it('prints A4 landscape, one page wide, header repeated', () => {
    // A fixed scale with widths planned to fill the page (LibreOffice check below: one page wide).
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: false,
      scale: 85,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    });
    expect(sheet.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
  });
});

/** Plays the township: fills every row, inserts a row of its own, widens a column, saves. */
async function fillInLikeATownship(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(HEADER_ROW).values as unknown[]).slice(1) as string[];
  const col = (h: string) => header.indexOf(h) + 1;
  dataRows(sheet).forEach((row, i) => {
    row.getCell(col('完成情况')).value = `第${i + 1}项已推进`;
    row.getCell(col('完成进度（%）')).value = 10 * (i + 1);
    row.getCell(col('状态')).value = i === 0 ? '已完成' : '推进中';
    row.getCell(col('存在问题')).value = i === 1 ? '资金未到位' : '';
  });
  // A note row inserted between the first two items, and a wider 完成情况 column.
  sheet.spliceRows(HEADER_ROW + 2, 0, ['', '', '', '镇里补充说明：以上情况已经镇分管领导审核。']);
  sheet.getColumn(col('完成情况')).width = 60;
  await book.xlsx.writeFile(file);
}

describe('填报模板 read back by the import', () => {
  const analyze = async (snap: LedgerSnapshot, file: string) =>
    analyzeReturnFile(path.basename(file), fs.readFileSync(file), snap, { referenceDate: TODAY });

  it('matches every row by its hidden ID after the township fills it in, adds a row and widens a column', async () => {
    const snap = goldSnapshot();
    const file = path.join(tempDir(), '填报模板_沙溪镇.xlsx');
    await writeWorkbookFile(template(snap), file);
    await fillInLikeATownship(file);
    const result = await analyze(snap, file);
    expect(result.error).toBeNull();
    expect(result.unit).toBe('沙溪镇');
    const itemIdByContent = new Map(snap.tasks.filter((t) => t.level === 'item').map((t) => [t.content, t.id]));
    const expectedIds = GOLD_ITEMS.filter((i) => TOWNSHIP_NOS.includes(i.no)).map((i) =>
      itemIdByContent.get(i.content),
    );
    expect(result.rows.map((r) => r.taskId)).toEqual(expectedIds);
    expect(result.rows.every((r) => r.method === 'template')).toBe(true);
    expect(result.rows.map((r) => r.percent)).toEqual(expectedIds.map((_, i) => 10 * (i + 1)));
    expect(result.rows[0]?.status).toBe('已完成');
    expect(result.rows[1]?.problems).toBe('资金未到位');
  });

  it('still reads the IDs after a round trip through another spreadsheet writer (as when WPS re-saves)', async () => {
    const snap = goldSnapshot();
    const file = path.join(tempDir(), '填报模板_城南乡.xlsx');
    await writeWorkbookFile(template(snap, '城南乡'), file);
    await fillInLikeATownship(file);
    const resaved = XLSX.read(fs.readFileSync(file), { cellStyles: true });
    const wpsFile = path.join(path.dirname(file), '城南乡_推进情况（WPS另存）.xlsx');
    fs.writeFileSync(wpsFile, XLSX.write(resaved, { type: 'buffer', bookType: 'xlsx', cellStyles: true }));
    const result = await analyze(snap, wpsFile);
    expect(result.unit).toBe('城南乡');
    expect(result.rows.length).toBe(TOWNSHIP_NOS.length);
    expect(result.rows.every((r) => r.method === 'template')).toBe(true);
    // Only the township's own note row is left for the clerk to decide.
    expect(result.unmatched.map((u) => u.text)).toEqual(['镇里补充说明：以上情况已经镇分管领导审核。']);
  });

  /** Our template for 沙溪镇, filled in: `fill` gets each data row's 完成进度 cell (row 0 first); then read back. */
  async function returnedWithPercents(fill: (cell: ExcelJS.Cell, row: number) => void) {
    const snap = goldSnapshot();
    const file = path.join(tempDir(), '填报模板_沙溪镇.xlsx');
    await writeWorkbookFile(template(snap), file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(HEADER_ROW).values as unknown[]).slice(1) as string[];
    dataRows(sheet).forEach((row, i) => fill(row.getCell(header.indexOf('完成进度（%）') + 1), i));
    await book.xlsx.writeFile(file);
    return (await analyze(snap, file)).rows;
  }

  // The template says "0–100", so a township that types 1 means 1 %; the clerk is asked to check.
  it('reads a typed 1 in 完成进度 as 1 %, as the template instructs, with a warning to check it', async () => {
    const rows = await returnedWithPercents((cell, i) => i === 0 && (cell.value = 1));
    expect(rows[0]?.percent).toBe(1);
    expect(rows[0]?.warnings.join('')).toContain('按 1% 记录');
  });

  it('reads a column of plain numbers as a whole: beside 60 a 1 is 1 %, beside 0.5 a 1 is 100 %', async () => {
    const withPercents = (first: number, second: number) =>
      returnedWithPercents((cell, i) => {
        if (i === 0) cell.value = first;
        if (i === 1) cell.value = second;
      });
    const percents = await withPercents(60, 1);
    expect(percents.slice(0, 2).map((r) => r.percent)).toEqual([60, 1]);
    expect(percents[1]?.warnings.join('')).toContain('如果指的是 100%');
    const fractions = await withPercents(0.5, 1);
    expect(fractions.slice(0, 2).map((r) => r.percent)).toEqual([50, 100]);
    expect(fractions[1]?.warnings).toEqual([]);
  });

  it('reads a cell formatted as a percentage (0.8 shown as 80%) as 80, under 完成进度（%） too', async () => {
    const rows = await returnedWithPercents((cell, i) => {
      if (i !== 0) return;
      cell.value = 0.8;
      cell.numFmt = '0%';
    });
    expect(rows[0]?.percent).toBe(80);
    expect(rows[0]?.warnings).toEqual([]);
  });
});

describe.skipIf(!hasLibreOffice)('填报模板 printed (LibreOffice)', () => {
  it('hides 任务ID on paper and shows the unit, round and every work item', async () => {
    const snap = goldSnapshot();
    const { file } = await writeAndReadBack(template(snap), '填报模板.xlsx');
    const pdf = printToPdf(file);
    const all = Array.from({ length: pdf.pages }, (_, i) => pdf.pageText(i + 1)).join('');
    expect(all).not.toContain('任务ID');
    expect(all).toContain('填报单位（盖章）：沙溪镇');
    // The last column on every page: one page wide.
    for (let p = 1; p <= pdf.pages; p++) expect(pdf.pageText(p)).toContain('下步打算');
    expect(pdf.pageText(1)).toContain('第1页');
    for (const no of TOWNSHIP_NOS) expect(all.replace(/\s/g, '')).toContain(GOLD_ITEMS[no - 1]!.content.slice(0, 12));
  }, 120_000);
});
