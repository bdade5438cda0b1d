// 按单位分发: each unit receives exactly its own work — as lead, as co-unit, or through a collective.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildUnitDispatchWorkbook } from '../../../electron/services/excel/unitDispatchWorkbook';
import type { LedgerSnapshot, Unit } from '../../../shared/domain';
import { GOLD_ITEMS, goldSnapshot, TODAY, unitNamed } from './goldSnapshot';
import { sheetJsRows, writeAndReadBack } from './helpers';

const COLUMNS = ['序号', '工作内容', '牵头单位', '配合单位', '完成时限', '状态'] as const;

function contents(sheet: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  sheet.eachRow((row) => typeof row.getCell(1).value === 'number' && out.push(String(row.getCell(2).value)));
  return out;
}

const goldFor = (names: string[]) =>
  GOLD_ITEMS.filter((i) => i.units.some((u) => names.includes(u))).map((i) => i.content);

describe('按单位分发', () => {
  const snap: LedgerSnapshot = goldSnapshot();
  const units: Unit[] = ['县医保局', '沙溪镇', '县委编办'].map((n) => unitNamed(snap, n));

  it('puts one sheet per unit in one workbook, named after the unit, with its name in the title', async () => {
    const { book, sheetJs } = await writeAndReadBack(
      buildUnitDispatchWorkbook(snap, units, { today: TODAY, columns: [...COLUMNS] }),
    );
    expect(book.worksheets.map((s) => s.name)).toEqual(['县医保局', '沙溪镇', '县委编办']);
    expect(sheetJs.SheetNames).toEqual(['县医保局', '沙溪镇', '县委编办']);
    expect(String(sheetJsRows(sheetJs, '沙溪镇')[0]![0])).toContain('沙溪镇');
    for (const sheet of book.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
      expect(sheet.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    }
  });

  it('gives a county department the items it leads or supports, and a township those of 各乡镇街道', async () => {
    const { book } = await writeAndReadBack(
      buildUnitDispatchWorkbook(snap, units, { today: TODAY, columns: [...COLUMNS] }),
    );
    expect(contents(book.getWorksheet('县医保局')!)).toEqual(goldFor(['县医保局']));
    expect(contents(book.getWorksheet('沙溪镇')!)).toEqual(goldFor(['各乡镇街道']));
    expect(contents(book.getWorksheet('县委编办')!)).toEqual(goldFor(['县委编办']));
    // Nobody receives someone else's work.
    expect(contents(book.getWorksheet('沙溪镇')!)).not.toContain(GOLD_ITEMS[0]!.content);
  });

  it('one workbook per unit holds just that unit', async () => {
    const { book } = await writeAndReadBack(
      buildUnitDispatchWorkbook(snap, [unitNamed(snap, '沙溪镇')], { today: TODAY, columns: [...COLUMNS] }),
    );
    expect(book.worksheets).toHaveLength(1);
    expect(contents(book.worksheets[0]!)).toEqual(goldFor(['各乡镇街道']));
  });

  it('gives a unit with no work no sheet, and refuses when none has any', () => {
    const idle: Unit = { ...unitNamed(snap, '县医保局'), id: 998, name: '县闲置单位', kind: 'county_department' };
    const s2 = { ...snap, units: [...snap.units, idle] };
    const wb = buildUnitDispatchWorkbook(s2, [idle, unitNamed(snap, '沙溪镇')], { today: TODAY });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['沙溪镇']);
    expect(() => buildUnitDispatchWorkbook(s2, [idle], { today: TODAY })).toThrow('县闲置单位');
  });

  it('marks each item 牵头 or 配合 for the unit, and numbers each sheet from 第 1 页', async () => {
    const { book } = await writeAndReadBack(
      buildUnitDispatchWorkbook(snap, units, { today: TODAY, columns: [...COLUMNS] }),
    );
    const sheet = book.getWorksheet('县医保局')!;
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(['序号', '工作内容', '角色', '牵头单位', '配合单位', '完成时限', '状态']);
    const roles: string[] = [];
    sheet.eachRow((row) => typeof row.getCell(1).value === 'number' && roles.push(String(row.getCell(3).value)));
    const expected = GOLD_ITEMS.filter((i) => i.units.includes('县医保局')).map((i) =>
      i.units[0] === '县医保局' ? '牵头' : '配合',
    );
    expect(roles).toEqual(expected);
    for (const s of book.worksheets) {
      expect(s.pageSetup.firstPageNumber).toBe(1);
      expect(s.headerFooter.oddFooter).toBe('&C第 &P 页');
    }
  });

  it('makes a valid sheet name from a unit name Excel would refuse', async () => {
    const odd: Unit = {
      // A township: it has work through 各乡镇街道, so it gets a sheet.
      ...unitNamed(snap, '沙溪镇'),
      id: 999,
      name: '县卫健局/疾控科[试点]:第一批？这是一个特别特别特别长的单位名称',
    };
    const s2 = { ...snap, units: [...snap.units, odd] };
    const { book } = await writeAndReadBack(buildUnitDispatchWorkbook(s2, [odd], { today: TODAY }));
    const name = book.worksheets[0]!.name;
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[\\/?*[\]:]/);
  });
});
