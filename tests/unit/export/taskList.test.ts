// 重点任务清单: what a clerk checks before taking the list to a meeting.
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildTaskListWorkbook, type TaskListColumn } from '../../../electron/services/excel/taskListWorkbook';
import { GOLD_ITEMS, goldSnapshot, TODAY, unitNamed } from './goldSnapshot';
import {
  columnStream,
  hasExcelMetrics,
  merges,
  packagePart,
  printToPdf,
  sheetJsRows,
  squash,
  texts,
  writeAndReadBack,
  type PrintedPdf,
} from './helpers';

const COLUMNS: TaskListColumn[] = ['序号', '重点任务', '工作内容', '牵头单位', '配合单位', '完成时限', '状态'];
const TITLE = '新昌县深化基层卫生健康综合改革重点任务清单';
const OVERDUE_NOS = GOLD_ITEMS.filter((i) => i.no % 6 === 0).map((i) => i.no);

function appendix(
  extra: Partial<Parameters<typeof buildTaskListWorkbook>[1]> = {},
  onProgress?: (done: number, total: number) => void,
) {
  return buildTaskListWorkbook(
    goldSnapshot(),
    {
      title: TITLE,
      attachmentLabel: '附件2',
      madeBy: `制表单位：新昌县卫生健康局　　日期：${TODAY}`,
      columns: COLUMNS,
      today: TODAY,
      ...extra,
    },
    onProgress,
  );
}

/** Work-item rows: a number in 序号 (column A). */
function itemRows(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row) => typeof row.getCell(1).value === 'number' && rows.push(row));
  return rows;
}

describe('重点任务清单 as an appendix', () => {
  let sheet: ExcelJS.Worksheet;
  let file: string;
  beforeAll(async () => {
    const back = await writeAndReadBack(appendix(), '重点任务清单.xlsx');
    sheet = back.book.worksheets[0]!;
    file = back.file;
  });

  it('opens with 附件2, the title across the table, the 制表单位 line with the Chinese date, then the header in 黑体', () => {
    expect(sheet.getCell('A1').value).toBe('附件2');
    expect(sheet.getCell('A2').value).toBe(TITLE);
    expect(merges(sheet)).toContain('A2:G2');
    expect(String(sheet.getCell('A3').value)).toContain('制表单位：新昌县卫生健康局');
    expect(String(sheet.getCell('A3').value)).toMatch(/截至二〇二六年十一月二十三日$/);
    expect(sheet.getRow(4).values).toEqual([undefined, ...COLUMNS]);
    for (let c = 1; c <= COLUMNS.length; c++) expect(sheet.getCell(4, c).font.name).toBe('黑体');
  });

  it('keeps the source table: 5 section banners across the row, each 重点任务 merged over exactly its work items', () => {
    const rows = itemRows(sheet);
    expect(rows.map((r) => r.getCell(1).value)).toEqual(GOLD_ITEMS.map((i) => i.no));
    expect(rows.map((r) => r.getCell(3).value)).toEqual(GOLD_ITEMS.map((i) => i.content));
    const banners = texts(sheet).filter((t) => /^[一二三四五]、/.test(t));
    expect(new Set(banners)).toEqual(new Set([...new Set(GOLD_ITEMS.map((i) => i.section))]));
    // Expected 重点任务 spans straight from the gold table: consecutive items sharing a task, cut where a
    // planned page ends (the part on the next page repeats the title with （续）).
    const rowOf = new Map(rows.map((r) => [r.getCell(1).value as number, r.number]));
    const xml = packagePart(file, 'xl/worksheets/sheet1.xml');
    const breaks = new Set([...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1])));
    expect(breaks.size).toBeGreaterThan(0);
    const expected: string[] = [];
    let start = 0;
    GOLD_ITEMS.forEach((item, i) => {
      const next = GOLD_ITEMS[i + 1];
      const row = rowOf.get(item.no)!;
      if (next && next.task === item.task && next.section === item.section && !breaks.has(row)) return;
      const from = rowOf.get(GOLD_ITEMS[start]!.no)!;
      if (row > from) expected.push(`B${from}:B${row}`);
      start = i + 1;
    });
    const taskMerges = merges(sheet).filter((m) => m.startsWith('B'));
    expect(taskMerges.sort()).toEqual(expected.sort());
    // After each break inside a task, the title comes back with （续）.
    for (const b of breaks) {
      const after = sheet.getRow(b + 1);
      const before = sheet.getRow(b);
      if (typeof after.getCell(1).value !== 'number' || typeof before.getCell(1).value !== 'number') continue;
      const item = GOLD_ITEMS.find((g) => g.no === after.getCell(1).value)!;
      const prev = GOLD_ITEMS.find((g) => g.no === before.getCell(1).value)!;
      if (item.task === prev.task) expect(String(after.getCell(2).value)).toMatch(/（续）$/);
    }
    expect(sheet.getCell(`B${rowOf.get(1)}`).value).toBe('1.建设高水平县域医共体');
    const sectionRow = rowOf.get(1)! - 1;
    expect(merges(sheet)).toContain(`A${sectionRow}:G${sectionRow}`);
  });

  it('prints body text in 仿宋_GB2312 (GB2312 charset, so Windows falls back to a Song face), wrapped, with thin borders', () => {
    const row = itemRows(sheet)[0]!;
    for (let c = 1; c <= COLUMNS.length; c++) {
      const cell = row.getCell(c);
      expect(cell.font.name).toBe('仿宋_GB2312');
      expect(cell.font.charset).toBe(134);
      expect(cell.alignment.wrapText).toBe(true);
      expect(cell.border.left?.style).toBe('thin');
      expect(cell.border.bottom?.style).toBe('thin');
    }
  });

  it('is set up for A4 landscape at a fixed scale, header row repeated, 第 N 页 共 M 页, frozen below the header', () => {
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: false,
      scale: 100,
      firstPageNumber: 1,
      printTitlesRow: '4:4',
    });
    // Column widths fill the page with the safety margin kept free (about 5.55 pt per unit at 100 %).
    const total = COLUMNS.reduce((sum, _, i) => sum + (sheet.getColumn(i + 1).width ?? 0), 0);
    expect(total * 5.55).toBeGreaterThan(690);
    expect(total * 5.55).toBeLessThanOrEqual(769.9 * 0.95 + 1);
    expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  });

  it('marks overdue rows in words (【逾期】), not by colour alone, and only those', () => {
    const status = new Map(itemRows(sheet).map((r) => [r.getCell(1).value as number, String(r.getCell(7).value)]));
    const marked = [...status].filter(([, s]) => s.startsWith('【逾期】')).map(([no]) => no);
    expect(marked).toEqual(OVERDUE_NOS);
    expect(status.get(6)).toMatch(/^【逾期】\s?推进中$/);
    // Done work with a passed date is not overdue.
    expect(status.get(4)).toBe('已完成');
  });

  it('gives each row room for its wrapped text: more text, taller row', () => {
    const rows = itemRows(sheet);
    const short = rows.find((r) => r.getCell(1).value === 12)!; // 基层医疗卫生机构门诊就诊率65%以上。
    const long = rows.find((r) => r.getCell(1).value === 7)!; // three lines of 配合单位
    expect(long.height).toBeGreaterThan(short.height);
    for (const r of rows) expect(r.height).toBeGreaterThanOrEqual(20);
  });

  it('opens in a second reader (SheetJS) with the same title and work items', async () => {
    const { sheetJs } = await writeAndReadBack(appendix());
    const rows = sheetJsRows(sheetJs);
    expect(rows[1]?.[0]).toBe(TITLE);
    const contents = rows.filter((r) => typeof r[0] === 'number').map((r) => r[2]);
    expect(contents).toEqual(GOLD_ITEMS.map((i) => i.content));
    expect(file.endsWith('.xlsx')).toBe(true);
  });
});

describe('重点任务清单 filters, as in the grid', () => {
  const numbersShown = async (filter: Parameters<typeof buildTaskListWorkbook>[1]['filter']) => {
    const { book } = await writeAndReadBack(appendix({ filter }));
    return itemRows(book.worksheets[0]!).map((r) => String(r.getCell(3).value));
  };
  const contentsOf = (nos: number[]) => GOLD_ITEMS.filter((i) => nos.includes(i.no)).map((i) => i.content);

  it('by status 逾期 and by warning level', async () => {
    expect(await numbersShown({ status: '逾期' })).toEqual(contentsOf(OVERDUE_NOS));
    // Yellow: due within 15 days (2026-12-01) and quarterly work with no report this quarter.
    const yellow = GOLD_ITEMS.filter((i) => i.no % 6 === 5 || i.no % 6 === 2).map((i) => i.no);
    expect(await numbersShown({ warning: 'yellow' })).toEqual(contentsOf(yellow));
  });

  it('by deadline range and by unit (lead or co)', async () => {
    const june = GOLD_ITEMS.filter((i) => i.no % 6 === 4).map((i) => i.no);
    expect(await numbersShown({ deadlineFrom: '2026-06-01', deadlineTo: '2026-06-30' })).toEqual(contentsOf(june));
    const snap = goldSnapshot();
    const medicalInsurance = unitNamed(snap, '县医保局').id;
    const withUnit = GOLD_ITEMS.filter((i) => i.units.includes('县医保局')).map((i) => i.no);
    expect(await numbersShown({ unitId: medicalInsurance })).toEqual(contentsOf(withUnit));
  });

  it('drops section banners that have nothing under them', async () => {
    const { book } = await writeAndReadBack(
      appendix({
        filter: {
          deadlineFrom: '2026-06-01',
          deadlineTo: '2026-06-30',
          unitId: unitNamed(goldSnapshot(), '县委编办').id,
        },
      }),
    );
    const banners = texts(book.worksheets[0]!).filter((t) => /^[一二三四五]、/.test(t));
    expect(new Set(banners)).toEqual(new Set(['三、加强基层卫生人才队伍建设']));
  });
});

describe('重点任务清单 progress', () => {
  it('reports progress up to all work items', () => {
    const calls: [number, number][] = [];
    appendix({}, (done, total) => calls.push([done, total]));
    expect(calls.at(-1)).toEqual([45, 45]);
    expect(calls.map(([d]) => d)).toEqual([...calls.map(([d]) => d)].sort((a, b) => a - b));
  });
});

// Fixed scale with widths planned on Excel's metrics: LibreOffice must measure like Excel (Carlito).
describe.skipIf(!hasExcelMetrics)('重点任务清单 printed on A4 (LibreOffice)', () => {
  let pdf: PrintedPdf;
  let widths: number[];
  beforeAll(async () => {
    const { file, book } = await writeAndReadBack(appendix(), '重点任务清单.xlsx');
    widths = COLUMNS.map((_, i) => book.worksheets[0]!.getColumn(i + 1).width ?? 9);
    pdf = printToPdf(file);
  }, 120_000);

  it('spreads over several pages, each with the header row and 第 N 页 共 M 页', () => {
    expect(pdf.pages).toBeGreaterThan(1);
    for (let p = 1; p <= pdf.pages; p++) {
      const text = pdf.pageText(p);
      expect(text, `page ${p}`).toContain('序号重点任务工作内容牵头单位配合单位完成时限状态');
      expect(text, `page ${p}`).toContain(`第${p}页共${pdf.pages}页`);
    }
  });

  it('prints every work item in full: no line of a wrapped cell is cut off', () => {
    const stream = squash(columnStream(pdf, COLUMNS, widths, '工作内容'));
    const cut = GOLD_ITEMS.filter((i) => !stream.includes(squash(i.content)));
    expect(cut.map((i) => i.no)).toEqual([]);
    const coUnits = squash(columnStream(pdf, COLUMNS, widths, '配合单位'));
    expect(coUnits).toContain('县发改局、县财政局、县人力社保局、县农业农村局、县医保局、各乡镇街道');
  });

  it('fits one page wide: the last column is on every page', () => {
    for (let p = 1; p <= pdf.pages; p++) expect(pdf.words.some((w) => w.page === p && w.text === '状态')).toBe(true);
  });

  it('never splits a status word: 【逾期】推进中 on one line, or 【逾期】 above 推进中', () => {
    const statusWords = pdf.words.filter((w) => w.text.startsWith('【逾期】'));
    expect(statusWords.length).toBe(OVERDUE_NOS.length);
    for (const w of statusWords) expect(w.text).toMatch(/^【逾期】(推进中|未启动|长期坚持)?$/);
  });
});

describe('重点任务清单 with text pasted from Word or PDF', () => {
  const pasted = '第一句（来自Word的软回车）\u000B第二句\u0007';
  const exportWith = async (content: string) => {
    const { book, sheetJs } = await writeAndReadBack(
      buildTaskListWorkbook(goldSnapshot({ patch: { 1: { content } } }), {
        title: 't',
        columns: ['序号', '工作内容'],
        today: TODAY,
      }),
    );
    return {
      exceljs: String(itemRows(book.worksheets[0]!)[0]!.getCell(2).value),
      sheetJs: sheetJsRows(sheetJs).find((r) => r[0] === 1)?.[1],
    };
  };

  it('still writes a file both readers open when the text holds control characters', async () => {
    const read = await exportWith(pasted);
    expect(read.exceljs).toContain('第二句');
    expect(read.sheetJs).toContain('第二句');
  });

  it('keeps Word’s soft line break as a line break', async () => {
    expect((await exportWith(pasted)).exceljs).toBe('第一句（来自Word的软回车）\n第二句');
  });
});

describe('unit names are never broken across lines', () => {
  it('the 配合单位 cell breaks only after a 、, each line fitting the column unless it is one long name', async () => {
    const { widthForText } = await import('../../../electron/services/excel/printLayout');
    const snap = goldSnapshot();
    const sheet = buildTaskListWorkbook(snap, { title: TITLE, columns: COLUMNS, today: TODAY }).worksheets[0]!;
    const col = COLUMNS.indexOf('配合单位') + 1;
    const width = sheet.getColumn(col).width ?? 9;
    const names = new Set(snap.units.map((u) => u.name));
    let wrapped = 0;
    sheet.eachRow((row) => {
      if (typeof row.getCell(1).value !== 'number') return;
      const text = String(row.getCell(col).value ?? '');
      if (!text) return;
      const lines = text.split('\n');
      if (lines.length > 1) wrapped += 1;
      for (const line of lines) {
        const parts = line.split('、').filter(Boolean);
        for (const p of parts) expect(names.has(p), `“${p}” is a whole unit name`).toBe(true);
        if (parts.length > 1) expect(widthForText(line), line).toBeLessThanOrEqual(width);
      }
    });
    expect(wrapped).toBeGreaterThan(0);
  });
});
