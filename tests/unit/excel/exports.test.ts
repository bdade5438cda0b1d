// The Excel exports read back: 重点任务清单 like the appendix, 填报模板 locked and validated, roster, 调度通报.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { readLedgerSnapshot } from '../../../electron/db/repositories/snapshot';
import { updateTask } from '../../../electron/db/repositories/tasks';
import { buildFillTemplateWorkbook } from '../../../electron/services/excel/fillTemplateWorkbook';
import { buildTaskListWorkbook } from '../../../electron/services/excel/taskListWorkbook';
import { buildUnitDispatchWorkbook } from '../../../electron/services/excel/unitDispatchWorkbook';
import { buildRosterWorkbook } from '../../../electron/services/excel/rosterWorkbook';
import { buildBulletinWorkbook } from '../../../electron/services/excel/bulletinWorkbook';
import { writeWorkbookFile } from '../../../electron/services/excel/writeWorkbookFile';
import { freshLedger, tempDir } from '../ledger/helpers';
import assert from 'node:assert';

async function roundTrip(workbook: ExcelJS.Workbook): Promise<{ sheet: ExcelJS.Worksheet; file: string }> {
  const file = path.join(tempDir(), 'out.xlsx');
  await writeWorkbookFile(workbook, file);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  return { sheet: back.worksheets[0]!, file };
}

const texts = (sheet: ExcelJS.Worksheet) => {
  const out: string[] = [];
  sheet.eachRow((row) => row.eachCell((c) => out.push(String(c.value ?? ''))));
  return out;
};

describe('重点任务清单 export', () => {
  it('reads like the appendix: title, header in 黑体, body in 仿宋, section banners, merged 重点任务, A4 landscape print setup', async () => {
    const { ctx } = freshLedger({ demo: true });
    const wb = buildTaskListWorkbook(readLedgerSnapshot(ctx), {
      title: '新昌县重点任务清单',
      attachmentLabel: '附件2',
      today: '2026-11-23',
      columns: ['序号', '重点任务', '工作内容', '牵头单位', '配合单位', '完成时限', '状态'],
    });
    const { sheet, file } = await roundTrip(wb);
    expect(sheet.getCell('A1').value).toBe('附件2');
    expect(sheet.getCell('A2').value).toBe('新昌县重点任务清单');
    // The as-of date in the Chinese form, never ISO.
    expect(sheet.getCell('A3').value).toBe('截至二〇二六年十一月二十三日');
    expect(sheet.getCell('A4').value).toBe('序号');
    expect(sheet.getCell('A4').font.name).toBe('黑体');
    expect(sheet.getCell('A5').value).toBe('一、打造优质高效基层医疗卫生服务体系');
    expect(sheet.getCell('C6').font.name).toBe('仿宋_GB2312');
    expect(sheet.getCell('B6').value).toBe('1.建设高水平县域医共体');
    // 1.建设高水平县域医共体 has three work items: its cell is merged over them.
    expect((sheet.model as { merges: string[] }).merges).toContain('B6:B8');
    expect(sheet.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: false,
      scale: 100,
      printTitlesRow: '4:4',
    });
    expect(sheet.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    const numbers = [] as number[];
    sheet.getColumn(1).eachCell((c) => typeof c.value === 'number' && numbers.push(c.value));
    expect(numbers).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    // Overdue is said in words, not colour only.
    expect(texts(sheet).filter((t) => t.startsWith('【逾期】'))).toHaveLength(7);
    // A second reader opens the same file.
    const sheetJs = XLSX.read(fs.readFileSync(file));
    expect(XLSX.utils.sheet_to_json<string[]>(sheetJs.Sheets[sheetJs.SheetNames[0]!]!, { header: 1 })[1]?.[0]).toBe(
      '新昌县重点任务清单',
    );
  });

  it('filters by unit including its collective, and by status', async () => {
    const { ctx } = freshLedger({ demo: true });
    const snap = readLedgerSnapshot(ctx);
    const township = snap.units.find((u) => u.name === '沙溪镇')!;
    const { sheet } = await roundTrip(
      buildUnitDispatchWorkbook(snap, [township], {
        today: '2026-11-23',
        columns: ['工作内容', '牵头单位', '配合单位'],
      }),
    );
    expect(sheet.name).toBe('沙溪镇');
    const coUnits: string[] = [];
    // Section banners are merged across the row: their title reads back in every column. A unit's own
    // list has a 角色 column after 工作内容, so 配合单位 is the fourth.
    expect(sheet.getRow(3).values).toEqual([undefined, '工作内容', '角色', '牵头单位', '配合单位']);
    sheet
      .getColumn(4)
      .eachCell(
        (c, row) =>
          row > 3 && c.value && !/^[一二三四五六七八九十]+、/.test(String(c.value)) && coUnits.push(String(c.value)),
      );
    expect(coUnits.length).toBeGreaterThan(0);
    expect(coUnits.every((c) => c.includes('各乡镇街道'))).toBe(true);
    const done = await roundTrip(
      buildTaskListWorkbook(snap, {
        title: 't',
        today: '2026-11-23',
        filter: { status: '已销号' },
        columns: ['工作内容', '状态'],
      }),
    );
    expect(texts(done.sheet).filter((t) => t === '已销号').length).toBe(
      snap.tasks.filter((t) => t.status === '已销号').length,
    );
  });

  it('never writes text a clerk typed as a formula', async () => {
    const { ctx } = freshLedger({ demo: true });
    const item = readLedgerSnapshot(ctx).tasks.find((t) => t.level === 'item')!;
    updateTask(ctx, item.id, { content: '=HYPERLINK("http://x","点我")', notes: "=cmd|' /C calc'!A0" });
    const { sheet } = await roundTrip(
      buildTaskListWorkbook(readLedgerSnapshot(ctx), {
        title: 't',
        today: '2026-11-23',
        columns: ['工作内容', '备注'],
      }),
    );
    let found = 0;
    sheet.eachRow((row) =>
      row.eachCell((c) => {
        expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
        if (String(c.value).startsWith('=')) {
          found += 1;
          expect(c.type).toBe(ExcelJS.ValueType.String);
        }
      }),
    );
    expect(found).toBe(2);
  });
});

describe('填报模板 export', () => {
  it('locks the task columns, opens and validates the fill-in columns, hides 任务ID, protects without a password', async () => {
    const { ctx } = freshLedger({ demo: true });
    const snap = readLedgerSnapshot(ctx);
    const unit = snap.units.find((u) => u.name === '沙溪镇')!;
    const { sheet, file } = await roundTrip(
      buildFillTemplateWorkbook(snap, { unit, round: snap.rounds[0]!, today: '2026-11-23' }),
    );
    expect(sheet.getCell('B2').value).toBe('填报单位（盖章）：沙溪镇');
    expect(sheet.getCell('B3').value).toBe('调度轮次：2026年第三季度调度');
    expect(String(sheet.getCell('B4').value)).toMatch(/^报送截止：2026年10月10日\s+截至二〇二六年十一月二十三日$/);
    expect(sheet.getRow(6).values).toEqual([
      undefined,
      '任务ID',
      '序号',
      '重点任务',
      '工作内容',
      '牵头单位',
      '完成时限',
      '完成情况',
      '完成进度（%）',
      '状态',
      '存在问题',
      '下步打算',
    ]);
    expect(sheet.getColumn(1).hidden).toBe(true);
    const ids: number[] = [];
    sheet.getColumn(1).eachCell((c, row) => row > 6 && typeof c.value === 'number' && ids.push(c.value));
    const collective = snap.units.find((u) => u.name === '各乡镇街道')!.id;
    const expected = snap.tasks.filter(
      (t) => t.level === 'item' && [...t.leadUnitIds, ...t.coUnitIds].some((id) => id === unit.id || id === collective),
    );
    expect(ids).toEqual(expected.map((t) => t.id));
    // Locked is the default, so the file may leave it unsaid; unlocked must be written.
    expect(sheet.getCell('D7').protection?.locked ?? true).toBe(true);
    expect(sheet.getCell('G7').protection?.locked).toBe(false);
    expect(sheet.getCell('H7').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 100] });
    expect(sheet.getCell('I7').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"未启动,推进中,已完成,长期坚持"'],
    });
    const protection = (sheet as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection.sheet).toBe(true);
    expect(protection.hashValue ?? protection.password).toBeUndefined();
    // The demo round already has 沙溪镇's words for item 4: the template carries them.
    expect(texts(sheet)).toContain('镇卫生院已完成“优质服务基层行”推荐标准自评。');
    // The record of what was exported rides along very hidden (Hidden 2): WPS and Excel do not offer to unhide it.
    const book = XLSX.read(fs.readFileSync(file));
    expect(book.SheetNames).toEqual(['推进情况填报', '督办台账模板记录']);
    expect(book.Workbook?.Sheets?.[1]?.Hidden).toBe(2);
  });

  it('refuses a unit with no work, saying so', () => {
    const { ctx } = freshLedger({ demo: true });
    const snap = readLedgerSnapshot(ctx);
    const unit = snap.units.find((u) => u.name === '县疾病预防控制中心')!;
    expect(() => buildFillTemplateWorkbook(snap, { unit, round: snap.rounds[0]!, today: '2026-11-23' })).toThrow(
      '没有承担的工作内容',
    );
  });
});

describe('领导小组名单 and 调度通报 exports', () => {
  it('prints the current roster role by role, the office and the member-unit duties', async () => {
    const { ctx } = freshLedger({ demo: true });
    const snap = readLedgerSnapshot(ctx);
    // A personnel change: the ended term must not be printed.
    const leader = snap.members.find((m) => m.role === '组长')!;
    ctx.db.prepare("UPDATE group_member SET valid_to = '2026-09-01' WHERE id = ?").run(leader.id);
    ctx.db
      .prepare(
        "INSERT INTO group_member (group_id, role, person_name, post, sort_order, valid_from) VALUES (?, '组长', '李明', '副县长', 0, '2026-09-01')",
      )
      .run(leader.groupId);
    const { sheet } = await roundTrip(buildRosterWorkbook(readLedgerSnapshot(ctx), leader.groupId));
    const lines = texts(sheet);
    expect(lines[0]).toBe('新昌县深化基层卫生健康综合改革领导小组名单');
    expect(lines).toContain('组　长：');
    expect(lines).toContain('李明 副县长');
    expect(lines.join()).not.toContain('王奇洲');
    expect(lines[lines.indexOf('成　员：') + 1]).toContain('县财政局主要负责人、');
    expect(lines).toContain('领导小组下设办公室，办公室设在县卫生健康局，王越晟任办公室主任。');
    expect(lines).toContain('县财政局：负责落实基层卫生健康投入保障和以奖代补资金。');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', scale: 100 });
  });

  it('reports a round: who did not report, counts by status per lead unit, and a 催办 list per unit', async () => {
    const { ctx } = freshLedger({ demo: true });
    const snap = readLedgerSnapshot(ctx);
    const file = path.join(tempDir(), 'b.xlsx');
    await writeWorkbookFile(buildBulletinWorkbook(snap, snap.rounds[0]!.id, '2026-11-23'), file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const [report, chase] = wb.worksheets;
    assert(report);
    assert(chase);
    expect(report.name).toBe('调度通报');
    expect(String(report.getCell('A2').value)).toContain('未报送 2 个（县财政局、城南乡）');
    const health = report.getRow(4).values as unknown[];
    expect(health.slice(1, 3)).toEqual(['县卫生健康局', 32]);
    expect(chase.name).toBe('催办清单');
    const chased = texts(chase).filter((t) => t === '县财政局');
    expect(chased.length).toBeGreaterThan(0);
    expect(XLSX.read(fs.readFileSync(file)).SheetNames).toEqual(['调度通报', '催办清单']);
  });
});
