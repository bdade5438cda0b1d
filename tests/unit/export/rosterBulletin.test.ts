// 领导小组名单 and 调度通报: the two exports that are read as documents rather than tables.
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildBulletinWorkbook } from '../../../electron/services/excel/bulletinWorkbook';
import { buildRosterWorkbook } from '../../../electron/services/excel/rosterWorkbook';
import { isOverdue } from '../../../shared/warningLevel';
import type { LedgerSnapshot } from '../../../shared/domain';
import { goldSnapshot, TODAY, unitNamed } from './goldSnapshot';
import { hasLibreOffice, lines, merges, printToPdf, sheetJsRows, squash, writeAndReadBack } from './helpers';

describe('领导小组名单', () => {
  let sheet: ExcelJS.Worksheet;
  let file: string;
  beforeAll(async () => {
    const back = await writeAndReadBack(buildRosterWorkbook(goldSnapshot(), 1), '领导小组名单.xlsx');
    sheet = back.book.worksheets[0]!;
    file = back.file;
    expect(sheetJsRows(back.sheetJs)[0]?.[0]).toBe('新昌县深化基层卫生健康综合改革领导小组名单');
  });

  /** Each row's cells joined: the role label and its text sit in two columns. */
  const rowTexts = () => {
    const out: string[] = [];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((c) => c.value != null && !cells.includes(String(c.value)) && cells.push(String(c.value)));
      out.push(cells.join(''));
    });
    return out;
  };

  it('reads as an appendix: title, then 组长, 副组长, 成员 with their posts, the office, the duties', () => {
    const text = rowTexts();
    expect(text[0]).toBe('新昌县深化基层卫生健康综合改革领导小组名单');
    const at = (prefix: string) => text.findIndex((l) => l.startsWith(prefix));
    expect(text[at('组　长：')]).toBe('组　长：张伟 县政府副县长');
    expect(text[at('副组长：')]).toContain('王越晟 县卫生健康局 局长');
    expect(text[at('副组长：')]).toContain('刘芳 县政府办公室副主任');
    expect(text[at('成　员：')]).toContain('县委编办分管负责人、县发改局分管负责人');
    expect(at('组　长：')).toBeLessThan(at('副组长：'));
    expect(at('副组长：')).toBeLessThan(at('成　员：'));
    expect(text).toContain('领导小组下设办公室，办公室设在县卫生健康局，王越晟任办公室主任。');
    expect(at('成员单位职责')).toBeGreaterThan(at('领导小组下设办公室'));
    expect(text).toContain('县财政局：负责落实基层卫生健康投入保障和以奖代补资金。');
  });

  it('aligns the role labels with full-width spaces in a column of their own, every line at one pitch', () => {
    const labels: string[] = [];
    sheet.eachRow((row) => {
      const v = String(row.getCell(1).value ?? '');
      if (/^[组副成].{1,2}：$/.test(v) && row.getCell(2).value) labels.push(v);
    });
    expect(labels).toEqual(['组　长：', '副组长：', '成　员：']);
    // One-line paragraphs all have the same height.
    const oneLine = new Set<number>();
    sheet.eachRow((row) => {
      const text = String(row.getCell(2).value ?? row.getCell(1).value ?? '');
      if (row.number > 1 && text.length < 20 && row.getCell(1).font?.size === 11) oneLine.add(row.height);
    });
    expect(oneLine.size).toBe(1);
  });

  it('names the office director once, in the office sentence', () => {
    const all = rowTexts().join('\n');
    expect(all.match(/办公室主任/g)?.length).toBe(1);
  });

  it('carries its 附件 label and the Chinese date when given', async () => {
    const back = await writeAndReadBack(
      buildRosterWorkbook(goldSnapshot(), 1, { attachmentLabel: '附件1', today: TODAY }),
    );
    const first = lines(back.book.worksheets[0]!);
    expect(first[0]).toBe('附件1');
    expect(first[2]).toMatch(/^截至二〇二六年/);
  });

  it('leaves out members whose term has ended', () => {
    expect(lines(sheet).join('\n')).not.toContain('陈旧');
  });

  it('prints on A4 portrait, one page wide, with page numbers', () => {
    // A fixed 100 %: the two columns are planned to the portrait width.
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: false, scale: 100 });
    expect(sheet.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
  });

  it.skipIf(!hasLibreOffice)(
    'prints every line in full (LibreOffice)',
    () => {
      const pdf = printToPdf(file);
      const printed = squash(Array.from({ length: pdf.pages }, (_, i) => pdf.pageText(i + 1)).join(''));
      for (const line of rowTexts()) expect(printed).toContain(squash(line));
      expect(pdf.pages).toBe(1);
    },
    120_000,
  );
});

describe('调度通报', () => {
  let snap: LedgerSnapshot;
  let report: ExcelJS.Worksheet;
  let chase: ExcelJS.Worksheet;
  beforeAll(async () => {
    snap = goldSnapshot();
    const back = await writeAndReadBack(buildBulletinWorkbook(snap, 1, TODAY), '调度通报.xlsx');
    report = back.book.worksheets[0]!;
    chase = back.book.worksheets[1]!;
    expect(back.sheetJs.SheetNames).toEqual(['调度通报', '催办清单']);
  });

  const items = () => snap.tasks.filter((t) => t.level === 'item');
  const name = (id: number) => snap.units.find((u) => u.id === id)!.name;

  it('says who has not reported this round', () => {
    const summary = lines(report)[1];
    expect(summary).toContain('应报送 4 个单位，已报送 2 个，未报送 2 个');
    expect(summary).toMatch(/（(县财政局、城南乡|城南乡、县财政局)）/);
    expect(summary).toContain(`逾期未完成 ${items().filter((t) => isOverdue(t, TODAY)).length} 项`);
  });

  it('counts each unit’s led work by status and overdue, consistent with the ledger', () => {
    const header = (report.getRow(3).values as unknown[]).slice(1) as string[];
    expect(header).toEqual([
      '责任单位',
      '牵头任务数',
      '未启动',
      '推进中',
      '已完成',
      '已销号',
      '长期坚持',
      '逾期',
      '本轮报送',
    ]);
    let rows = 0;
    report.eachRow((row, n) => {
      if (n <= 3) return;
      rows += 1;
      const v = (row.values as unknown[]).slice(1);
      const unit = snap.units.find((u) => u.name === v[0])!;
      const mine = items().filter((t) => t.leadUnitIds.includes(unit.id));
      expect(v[1], unit.name).toBe(mine.length);
      expect(v.slice(2, 7)).toEqual(
        ['未启动', '推进中', '已完成', '已销号', '长期坚持'].map((s) => mine.filter((t) => t.status === s).length),
      );
      expect(v[7]).toBe(mine.filter((t) => isOverdue(t, TODAY)).length);
    });
    expect(rows).toBe(
      new Set([...items().flatMap((t) => t.leadUnitIds), ...snap.roundUnits.map((ru) => ru.unitId)]).size,
    );
    const health = lines(report).indexOf('县卫生健康局') + 1;
    expect(report.getRow(health).getCell(9).value).toBe('已报送');
    expect(report.getRow(lines(report).indexOf('县财政局') + 1).getCell(9).value).toBe('未报送');
  });

  // A township expected in the round but leading nothing (it works through 各乡镇街道) still gets its row.
  it('gives every unit expected this round a row in the per-unit table', () => {
    const shown = lines(report).slice(3);
    for (const ru of snap.roundUnits) expect(shown).toContain(name(ru.unitId));
  });

  it('lists every overdue item under each unit concerned (lead or co) in the 催办清单, unit cell merged', () => {
    const overdue = items().filter((t) => isOverdue(t, TODAY));
    const expected = new Map<string, string[]>();
    for (const u of snap.units) {
      const mine = overdue.filter((t) => [...t.leadUnitIds, ...t.coUnitIds].includes(u.id)).map((t) => t.content);
      if (mine.length) expected.set(u.name, mine);
    }
    const got = new Map<string, string[]>();
    chase.eachRow((row, n) => {
      if (n <= 2) return;
      const unit = String(row.getCell(1).value);
      got.set(unit, [...(got.get(unit) ?? []), String(row.getCell(2).value)]);
      expect(row.getCell(4).value).toBe(name(overdue.find((t) => t.content === row.getCell(2).value)!.leadUnitIds[0]!));
    });
    expect(got).toEqual(expected);
    const health = expected.get('县卫生健康局')!.length;
    expect(merges(chase)).toContain(`A3:A${2 + health}`);
    expect(chase.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      printTitlesRow: '2:2',
    });
  });
});

describe('调度通报 with an unknown round', () => {
  it('refuses in Chinese', () => {
    expect(() => buildBulletinWorkbook(goldSnapshot(), 99, TODAY)).toThrow('调度轮次已不存在');
    expect(() => buildRosterWorkbook(goldSnapshot(), 99)).toThrow('领导小组已不存在');
    expect(unitNamed(goldSnapshot(), '城南乡').kind).toBe('township');
  });
});
