// Pagination we control (task lists and dispatch): widths planned to fill A4 landscape at a fixed
// scale, row heights from the text, a manual break at each planned page end, the 重点任务 cell cut there
// with its title repeated (（续）), no section banner alone at a page bottom, page numbers from 1 on each
// sheet. Read back from LibreOffice's PDF; and the lists say what they are (unit, 逾期事项, plan).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../electron/db/audit';
import { openLedger } from '../../../electron/db/connection';
import { readLedgerSnapshot } from '../../../electron/db/repositories/snapshot';
import {
  addTaskListSheet,
  buildTaskListWorkbook,
  type TaskListColumn,
} from '../../../electron/services/excel/taskListWorkbook';
import { buildUnitDispatchWorkbook } from '../../../electron/services/excel/unitDispatchWorkbook';
import { writeWorkbookFile } from '../../../electron/services/excel/writeWorkbookFile';
import { planPages } from '../../../electron/services/excel/pagePlan';
import { appendixTitle, planName } from '../../../shared/exportTitles';
import type { LedgerSnapshot } from '../../../shared/domain';
import { fillBigLedger } from '../../bench/bigLedger';
import { GOLD_ITEMS, goldSnapshot, TODAY, unitNamed } from './goldSnapshot';
import {
  columnStream,
  hasExcelMetrics,
  pageLines,
  printToPdf,
  squash,
  tempDir,
  writeAndReadBack,
  type PrintedPdf,
} from './helpers';

const COLUMNS: TaskListColumn[] = ['序号', '重点任务', '工作内容', '牵头单位', '配合单位', '完成时限', '状态'];
const TITLE = '新昌县深化基层卫生健康综合改革重点任务清单';

function itemRows(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row) => typeof row.getCell(1).value === 'number' && rows.push(row));
  return rows;
}

describe('the page plan', () => {
  it('keeps a banner with its first item and gives each part of a cut 重点任务 room for its title', () => {
    // Page 1 holds 100 pt: the banner (20) fits, its item (90) would not: both go to page 2.
    const plan = planPages(
      [
        { height: 60, group: 1 },
        { height: 20, banner: true },
        { height: 90, group: 2 },
        { height: 30, group: 2 },
      ],
      100,
      200,
      (_, continued) => (continued ? 50 : 40),
    );
    expect(plan.breaksAfter).toEqual([0]);
    expect(plan.pages).toBe(2);
    // A cut task: 3 rows of 40 on pages of 100 — rows 0–1 on page 1, row 2 continued on page 2 and
    // grown to the 70 pt its title with （续） needs.
    const cut = planPages(
      [
        { height: 40, group: 7 },
        { height: 40, group: 7 },
        { height: 40, group: 7 },
      ],
      100,
      100,
      (_, continued) => (continued ? 70 : 30),
    );
    expect(cut.breaksAfter).toEqual([1]);
    expect(cut.segments).toEqual([
      { start: 0, end: 1, continued: false },
      { start: 2, end: 2, continued: true },
    ]);
    expect(cut.heights[2]).toBe(70);
  });
});

describe('lists that say what they are', () => {
  const snap = goldSnapshot();
  const township = unitNamed(snap, '沙溪镇');
  const titleOf = (extra: Partial<Parameters<typeof buildTaskListWorkbook>[1]>) =>
    String(
      buildTaskListWorkbook(snap, { title: TITLE, columns: COLUMNS, today: TODAY, ...extra }).worksheets[0]!.getCell(
        'A1',
      ).value,
    );

  it('a township’s list holds the work it gets through 各乡镇街道 (the app’s unit filter, as the CLI’s)', async () => {
    const { book } = await writeAndReadBack(
      buildTaskListWorkbook(snap, { title: TITLE, columns: COLUMNS, today: TODAY, filter: { unitId: township.id } }),
    );
    const contents = itemRows(book.worksheets[0]!).map((r) => String(r.getCell(3).value));
    const expected = GOLD_ITEMS.filter((i) => i.units.includes('各乡镇街道')).map((i) => i.content);
    expect(expected.length).toBeGreaterThan(0);
    expect(contents).toEqual(expected);
  });

  it('names the unit and 逾期事项 in the title; a document’s list is titled as its appendix', () => {
    expect(titleOf({ filter: { unitId: township.id } })).toBe(`${TITLE}（沙溪镇）`);
    expect(titleOf({ filter: { unitId: township.id, status: '逾期' } })).toBe(`${TITLE}（沙溪镇逾期事项）`);
    expect(titleOf({ filter: { status: '逾期' } })).toBe(`${TITLE}（逾期事项）`);
    expect(appendixTitle(snap.documents[0])).toBe(TITLE);
    expect(planName({ title: '新昌县深化基层卫生健康综合改革实施方案（征求意见稿）' })).toBe(
      '新昌县深化基层卫生健康综合改革',
    );
    expect(appendixTitle(null)).toBe('重点任务清单');
  });

  it('lists one plan: a document filter keeps only that document’s items', () => {
    const docId = snap.documents[0]!.id;
    const other: LedgerSnapshot = {
      ...snap,
      documents: [...snap.documents, { id: 99, title: '另一个实施方案', docNumber: '', issuer: '', issuedOn: null }],
      tasks: snap.tasks.map((t, i) => (i < 5 ? { ...t, documentId: 99 } : t)),
    };
    const wb = buildTaskListWorkbook(other, {
      title: TITLE,
      columns: COLUMNS,
      today: TODAY,
      filter: { documentId: docId },
    });
    const inDoc = other.tasks.filter((t) => t.level === 'item' && t.documentId === docId).length;
    expect(itemRows(wb.worksheets[0]!).length).toBe(inDoc);
  });

  it('uses 简称 in the unit columns when asked', () => {
    const named: LedgerSnapshot = {
      ...snap,
      units: snap.units.map((u) => (u.name === '县卫生健康局' ? { ...u, shortName: '县卫健局' } : u)),
    };
    const wb = buildTaskListWorkbook(named, { title: TITLE, columns: COLUMNS, today: TODAY, shortNames: true });
    const units = itemRows(wb.worksheets[0]!).map(
      (r) => `${String(r.getCell(4).value)}、${String(r.getCell(5).value)}`,
    );
    const withShort = named.units.filter((u) => u.shortName && u.shortName !== u.name);
    expect(units.join('、')).toContain('县卫健局');
    expect(withShort.length).toBeGreaterThan(0);
    for (const u of withShort) expect(units.join('、').split('、')).not.toContain(u.name);
  });

  it('marks overdue rows with a light red fill as well as 【逾期】', () => {
    const wb = buildTaskListWorkbook(snap, { title: TITLE, columns: COLUMNS, today: TODAY });
    const overdue = itemRows(wb.worksheets[0]!).filter((r) => String(r.getCell(7).value).startsWith('【逾期】'));
    expect(overdue.length).toBeGreaterThan(0);
    for (const r of overdue) expect(r.getCell(3).fill).toMatchObject({ fgColor: { argb: 'FFFBE3E3' } });
  });
});

describe.skipIf(!hasExcelMetrics)('paginated by us, as LibreOffice prints it', () => {
  async function printed(snap: LedgerSnapshot, name: string) {
    const wb = new ExcelJS.Workbook();
    const { items, pages } = addTaskListSheet(wb, snap, {
      title: TITLE,
      attachmentLabel: '附件2',
      columns: COLUMNS,
      today: TODAY,
      shortNames: true,
    });
    const file = path.join(tempDir(), name);
    await writeWorkbookFile(wb, file);
    const widths = COLUMNS.map((_, i) => wb.worksheets[0]!.getColumn(i + 1).width ?? 9);
    return { pdf: printToPdf(file), planned: pages, items, widths };
  }

  function bannerOrphans(pdf: PrintedPdf, banners: string[]): number[] {
    const orphans: number[] = [];
    for (let p = 1; p <= pdf.pages; p++) {
      const body = pageLines(pdf, p).filter((l) => !/^第\d+页/.test(l));
      if (banners.some((b) => squash(b) === squash(body.at(-1) ?? ''))) orphans.push(p);
    }
    return orphans;
  }

  function checkEveryPage(run: Awaited<ReturnType<typeof printed>>, snap: LedgerSnapshot) {
    const { pdf, widths } = run;
    // The plan is what prints: as many pages, one page wide (the last column on every page), numbered.
    expect(pdf.pages).toBe(run.planned);
    for (let p = 1; p <= pdf.pages; p++) {
      expect(
        pdf.words.some((w) => w.page === p && w.text === '状态'),
        `状态 on page ${p}`,
      ).toBe(true);
      expect(pdf.pageText(p), `page ${p}`).toContain(`第${p}页共${pdf.pages}页`);
    }
    // Every work item printed whole, and its 重点任务 title on the page that carries it.
    const byId = new Map(snap.tasks.map((t) => [t.id, t]));
    const pages = Array.from({ length: pdf.pages }, (_, i) => ({
      content: squash(columnStream(pdf, COLUMNS, widths, '工作内容', i + 1)),
      task: squash(columnStream(pdf, COLUMNS, widths, '重点任务', i + 1)),
    }));
    for (const item of snap.tasks.filter((t) => t.level === 'item')) {
      const page = pages.findIndex((s) => s.content.includes(squash(item.content)));
      expect(page, `item ${item.id} printed whole`).toBeGreaterThanOrEqual(0);
      const task = byId.get(item.parentId!)!;
      expect(pages[page]!.task, `task of item ${item.id} on page ${page + 1}`).toContain(
        squash(`${task.number}${task.title}`),
      );
    }
    const banners = snap.tasks.filter((t) => t.level === 'section').map((t) => `${t.number}${t.title}`);
    expect(bannerOrphans(pdf, banners)).toEqual([]);
  }

  it('the gold ledger: planned pages = printed pages, titles on every page, no banner alone', async () => {
    const snap = goldSnapshot();
    const run = await printed(snap, '清单_金标准.xlsx');
    checkEveryPage(run, snap);
    console.info(`pagination (gold ledger, ${run.items} items): planned ${run.planned}, printed ${run.pdf.pages}`);
  }, 180_000);

  it('the demo ledger: planned pages = printed pages, titles on every page, no banner alone', async () => {
    const { demoApp } = await import('../ledger/helpers');
    const snap = readLedgerSnapshot(demoApp().ledger);
    const run = await printed(snap, '清单_示例台账.xlsx');
    checkEveryPage(run, snap);
    console.info(`pagination (demo ledger, ${run.items} items): planned ${run.planned}, printed ${run.pdf.pages}`);
  }, 180_000);

  it('a 500-item ledger: planned pages = printed pages, titles on every page, no banner alone', async () => {
    const dir = tempDir();
    const ctx = createContext(openLedger(path.join(dir, 'big.sqlite')));
    fillBigLedger(ctx, 500);
    const snap = readLedgerSnapshot(ctx);
    const run = await printed(snap, '清单_500.xlsx');
    checkEveryPage(run, snap);
    console.info(`pagination (500 items): planned ${run.planned}, printed ${run.pdf.pages}`);
    ctx.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 300_000);

  it('a dispatch workbook: each sheet from 第 1 页, its first page titled with its unit, a 角色 column', async () => {
    const snap = goldSnapshot();
    const units = ['县医保局', '沙溪镇', '县委编办'].map((n) => unitNamed(snap, n));
    const file = path.join(tempDir(), '分发.xlsx');
    await writeWorkbookFile(
      buildUnitDispatchWorkbook(snap, units, {
        title: TITLE,
        attachmentLabel: '附件2',
        today: TODAY,
        columns: COLUMNS,
      }),
      file,
    );
    const pdf = printToPdf(file);
    const numbers = Array.from({ length: pdf.pages }, (_, i) => /第(\d+)页/.exec(pdf.pageText(i + 1))?.[1]);
    const firsts = numbers.flatMap((n, i) => (n === '1' ? [i + 1] : []));
    expect(firsts).toHaveLength(3);
    units.forEach((u, k) => expect(squash(pdf.pageText(firsts[k]!))).toContain(squash(`${TITLE}（${u.name}）`)));
    expect(pdf.words.some((w) => w.text === '角色')).toBe(true);
  }, 180_000);
});
