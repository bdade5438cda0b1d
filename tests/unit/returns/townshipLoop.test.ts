// The dispatch → fill → import loop against the ways townships really send files back: untouched,
// partly filled, sorted after unprotecting, locked cells retyped, from another period, with formulas.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { commitReturnFiles } from '../../../electron/db/repositories/importBatches';
import { createRound, recordManualReport, unitReportStatuses } from '../../../electron/db/repositories/progress';
import { readLedgerSnapshot } from '../../../electron/db/repositories/snapshot';
import { buildDashboardView } from '../../../electron/services/dashboardView';
import { buildBulletinWorkbook } from '../../../electron/services/excel/bulletinWorkbook';
import { buildFillTemplateWorkbook } from '../../../electron/services/excel/fillTemplateWorkbook';
import { previewReturnFile } from '../../../electron/services/returns/previewReturns';
import type { ReturnFileView } from '../../../shared/channels/returns';
import { freshLedger } from '../ledger/helpers';
import assert from 'node:assert';

const TODAY = '2026-10-05';
const FIRST = 7; // the template's first data row

function setup(unitName = '城南乡') {
  const { ctx } = freshLedger({ demo: true });
  const snap = readLedgerSnapshot(ctx);
  const unit = snap.units.find((u) => u.name === unitName)!;
  const round = snap.rounds[0]!;
  return { ctx, unit, round };
}

async function template(ctx: ReturnType<typeof setup>['ctx'], unitId: number, roundId: number) {
  const snap = readLedgerSnapshot(ctx);
  const wb = buildFillTemplateWorkbook(snap, {
    unit: snap.units.find((u) => u.id === unitId)!,
    round: snap.rounds.find((r) => r.id === roundId)!,
    today: TODAY,
  });
  return { wb, sheet: wb.getWorksheet('推进情况填报')! };
}

async function preview(
  ctx: ReturnType<typeof setup>['ctx'],
  roundId: number,
  wb: ExcelJS.Workbook,
  fileName = '城南乡_推进情况.xlsx',
): Promise<ReturnFileView> {
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  return previewReturnFile(ctx, readLedgerSnapshot(ctx), roundId, fileName, data, TODAY);
}

/** The rows the app writes when the clerk accepts the preview as it comes. */
function applyRows(view: ReturnFileView) {
  return view.rows
    .filter((r) => r.outcome === 'apply')
    .map(({ taskId, status, percent, progress, problems, nextSteps, row }) => ({
      taskId,
      status,
      percent,
      progress,
      problems,
      nextSteps,
      row,
    }));
}

const idAt = (sheet: ExcelJS.Worksheet, row: number) => Number(sheet.getCell(row, 1).value);
const contentAt = (sheet: ExcelJS.Worksheet, row: number) => String(sheet.getCell(row, 4).value);

describe('a template sent back untouched', () => {
  it('is 未填写的报表: nothing written, the unit stays 未报送, a phone report typed for the round stays', async () => {
    const { ctx, unit, round } = setup();
    const { wb, sheet } = await template(ctx, unit.id, round.id);
    // After the template went out, the township phoned in one item (30 %).
    const phoned = recordManualReport(ctx, {
      roundId: round.id,
      unitId: unit.id,
      taskId: idAt(sheet, FIRST),
      status: '推进中',
      percent: 30,
      progress: '电话报送：已启动摸底',
      problems: '',
      nextSteps: '',
      source: 'phone',
      reportedOn: TODAY,
    });
    const view = await preview(ctx, round.id, wb);
    expect(view.error).toBeNull();
    expect(view.rows.length).toBe(8);
    // Exported blank and returned blank: 未填写 (a row exported with a report and returned as it was is 未改动, below).
    expect(new Set(view.rows.map((r) => r.outcome))).toEqual(new Set(['empty']));
    expect(view.blank).toBe(true);
    expect(view.warnings.join('')).toContain('“城南乡_推进情况.xlsx”是未填写的报表');
    expect(view.warnings.join('')).toContain('城南乡在本轮仍为未报送');

    const result = commitReturnFiles(ctx, round.id, [
      { fileName: view.file, sha256: view.sha256, size: view.size, unitId: unit.id, rows: applyRows(view) },
    ]);
    expect(result).toEqual({ batchIds: [], rows: 0, skippedFiles: ['城南乡_推进情况.xlsx'] });
    const after = readLedgerSnapshot(ctx).reports.filter((r) => r.unitId === unit.id);
    expect(after).toEqual([phoned]);
  });

  it('a template pre-filled with earlier reports and sent back as it was is 未改动, not a new report', async () => {
    const { ctx, round } = setup('沙溪镇');
    const snap = readLedgerSnapshot(ctx);
    const shaxi = snap.units.find((u) => u.name === '沙溪镇')!;
    const earlier = snap.reports.find((r) => r.unitId === shaxi.id)!;
    const { wb, sheet } = await template(ctx, shaxi.id, round.id);
    const row = [...Array(8).keys()].map((i) => FIRST + i).find((r) => idAt(sheet, r) === earlier.taskId)!;
    expect(sheet.getCell(row, 7).value).toBe(earlier.progress);
    const view = await preview(ctx, round.id, wb, '沙溪镇.xlsx');
    expect(view.rows.find((r) => r.taskId === earlier.taskId)?.outcome).toBe('unchanged');
    expect(view.blank).toBe(true);
  });
});

describe('a partly filled return', () => {
  it('imports only the fields filled; an empty row is 未填写', async () => {
    const { ctx, unit, round } = setup();
    const { wb, sheet } = await template(ctx, unit.id, round.id);
    sheet.getCell(FIRST, 8).value = 40; // only a percent
    sheet.getCell(FIRST + 1, 7).value = '已完成村医签约培训';
    const view = await preview(ctx, round.id, wb);
    expect(view.rows.map((r) => r.outcome)).toEqual([
      'apply',
      'apply',
      'empty',
      'empty',
      'empty',
      'empty',
      'empty',
      'empty',
    ]);
    expect(view.blank).toBe(false);
    commitReturnFiles(ctx, round.id, [
      { fileName: view.file, sha256: view.sha256, size: view.size, unitId: unit.id, rows: applyRows(view) },
    ]);
    const reports = readLedgerSnapshot(ctx).reports.filter((r) => r.unitId === unit.id);
    expect(reports.map((r) => [r.taskId, r.percent, r.progress])).toEqual([
      [idAt(sheet, FIRST), 40, ''],
      [idAt(sheet, FIRST + 1), null, '已完成村医签约培训'],
    ]);
    expect(unitReportStatuses(ctx, round.id, TODAY).find((s) => s.unitId === unit.id)?.state).toBe('reported');
  });
});

describe('a report already in the round', () => {
  it('is kept when the row says the same, and asked about (with its source) when the row says something else', async () => {
    const { ctx, unit, round } = setup();
    const { wb, sheet } = await template(ctx, unit.id, round.id);
    const [a, b] = [idAt(sheet, FIRST), idAt(sheet, FIRST + 1)];
    recordManualReport(ctx, {
      roundId: round.id,
      unitId: unit.id,
      taskId: a,
      status: '推进中',
      percent: 30,
      progress: '电话报送：已启动',
      problems: '',
      nextSteps: '',
      source: 'phone',
      reportedOn: TODAY,
    });
    recordManualReport(ctx, {
      roundId: round.id,
      unitId: unit.id,
      taskId: b,
      status: null,
      percent: 50,
      progress: '',
      problems: '',
      nextSteps: '',
      source: 'manual',
      reportedOn: TODAY,
    });
    sheet.getCell(FIRST, 7).value = '电话报送：已启动';
    sheet.getCell(FIRST, 8).value = 30;
    sheet.getCell(FIRST + 1, 8).value = 70;
    const view = await preview(ctx, round.id, wb);
    const [rowA, rowB] = view.rows;
    assert(rowA);
    assert(rowB);
    expect(rowA.outcome).toBe('kept-existing');
    expect(rowB.outcome).toBe('conflict');
    expect(rowB.conflict?.kind).toBe('existing');
    expect(rowB.before).toMatchObject({ percent: 50, sourceLabel: '手工录入' });
    expect(rowB.before?.updatedAt).toMatch(/^2026-11-23T/);
    // Accepting the preview as it comes writes neither; the clerk's tick writes B.
    expect(applyRows(view)).toEqual([]);
    const chosen = { ...rowB, overwrite: true };
    commitReturnFiles(ctx, round.id, [
      { fileName: view.file, sha256: view.sha256, size: view.size, unitId: unit.id, rows: [chosen] },
    ]);
    expect(readLedgerSnapshot(ctx).reports.find((r) => r.taskId === b && r.unitId === unit.id)?.percent).toBe(70);
  });

  it('names the earlier file when the report came from an import', async () => {
    const { ctx, unit, round } = setup();
    const first = await template(ctx, unit.id, round.id);
    first.sheet.getCell(FIRST, 7).value = '第一次报送';
    const v1 = await preview(ctx, round.id, first.wb, '城南乡_第一次.xlsx');
    commitReturnFiles(ctx, round.id, [
      { fileName: v1.file, sha256: v1.sha256, size: v1.size, unitId: unit.id, rows: applyRows(v1) },
    ]);
    first.sheet.getCell(FIRST, 7).value = '第二次报送，内容不同';
    const v2 = await preview(ctx, round.id, first.wb, '城南乡_第二次.xlsx');
    expect(v2.rows[0]).toMatchObject({
      outcome: 'conflict',
      before: { progress: '第一次报送', sourceLabel: '导入（城南乡_第一次.xlsx）' },
    });
  });
});

describe('the hidden 任务ID against the row', () => {
  it('visible columns sorted after unprotecting: every moved row is a conflict with both items, nothing applied by ID', async () => {
    const { ctx, unit, round } = setup();
    const { wb, sheet } = await template(ctx, unit.id, round.id);
    const rows = [...Array(8).keys()].map((i) => FIRST + i);
    const exported = rows.map((r) => ({ id: idAt(sheet, r), content: contentAt(sheet, r) }));
    rows.forEach((r, i) => (sheet.getCell(r, 7).value = `进展${i}：${exported[i]!.content.slice(0, 8)}已推进`));
    // Sort B:K (not the hidden A) by 工作内容, as WPS does when only the visible columns are selected.
    const visible = rows.map((r) => Array.from({ length: 10 }, (_, k) => sheet.getCell(r, k + 2).value));
    visible.sort((x, y) => String(x[2]).localeCompare(String(y[2]), 'zh'));
    rows.forEach((r, i) => visible[i]!.forEach((v, k) => (sheet.getCell(r, k + 2).value = v)));

    const view = await preview(ctx, round.id, wb);
    let moved = 0;
    for (const row of view.rows) {
      const idOfRow = idAt(sheet, row.row);
      const meant = exported.find((e) => e.content === contentAt(sheet, row.row))!.id;
      if (idOfRow === meant) {
        expect(row.outcome).toBe('apply');
        expect(row.taskId).toBe(meant);
      } else {
        moved += 1;
        expect(row.outcome).toBe('conflict');
        expect(row.conflict).toMatchObject({ kind: 'id-text' });
        expect(row.conflict!.candidates.map((c) => [c.by, c.taskId])).toEqual([
          ['id', idOfRow],
          ['text', meant],
        ]);
      }
    }
    expect(moved).toBeGreaterThan(3);
    expect(
      applyRows(view).every((r) => r.taskId === exported.find((e) => e.content === contentAt(sheet, r.row))!.id),
    ).toBe(true);
  });

  it('a duplicated ID with two different reports is a conflict, never both applied', async () => {
    const { ctx, unit, round } = setup();
    const { wb, sheet } = await template(ctx, unit.id, round.id);
    sheet.spliceRows(
      FIRST + 1,
      0,
      Array.from({ length: 11 }, (_, k) => sheet.getCell(FIRST, k + 1).value),
    );
    sheet.getCell(FIRST, 7).value = '上旬进展';
    sheet.getCell(FIRST + 1, 7).value = '下旬进展';
    const view = await preview(ctx, round.id, wb);
    const dup = view.rows.filter((r) => r.taskId === idAt(sheet, FIRST));
    expect(dup.map((r) => [r.row, r.outcome, r.conflict?.kind])).toEqual([
      [FIRST, 'conflict', 'duplicate'],
      [FIRST + 1, 'conflict', 'duplicate'],
    ]);
  });

  it('retyped locked cells are listed per row, never written to the task', async () => {
    const { ctx, unit, round } = setup();
    const { wb, sheet } = await template(ctx, unit.id, round.id);
    const taskBefore = readLedgerSnapshot(ctx).tasks.find((t) => t.id === idAt(sheet, FIRST))!;
    const deadlineWas = String(sheet.getCell(FIRST, 6).value);
    sheet.getCell(FIRST, 6).value = '2027年6月';
    sheet.getCell(FIRST, 5).value = '城南乡卫生院';
    sheet.getCell(FIRST, 7).value = '已落实';
    const view = await preview(ctx, round.id, wb);
    const row = view.rows[0]!;
    expect(row).toMatchObject({ outcome: 'apply', taskId: taskBefore.id });
    expect(row.lockedEdits.map((e) => e.field)).toEqual(['牵头单位', '完成时限']);
    expect(row.warnings).toContain(
      `乡镇改写了完成时限：${deadlineWas} → 2027年6月（未写入台账，如需调整请在任务清单中修改）`,
    );
    commitReturnFiles(ctx, round.id, [
      { fileName: view.file, sha256: view.sha256, size: view.size, unitId: unit.id, rows: applyRows(view) },
    ]);
    expect(readLedgerSnapshot(ctx).tasks.find((t) => t.id === taskBefore.id)).toEqual(taskBefore);
  });
});

describe('period and formulas', () => {
  it('a template exported for another round warns and suggests that round', async () => {
    const { ctx, unit, round } = setup();
    const q4 = createRound(ctx, {
      name: '2026年第四季度调度',
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
      dueOn: '2027-01-10',
    });
    const { wb, sheet } = await template(ctx, unit.id, round.id);
    sheet.getCell(FIRST, 7).value = '已完成';
    const view = await preview(ctx, q4.id, wb);
    expect(view.roundCheck).toEqual({ ok: false, suggestedRoundId: round.id });
    expect(view.warnings[0]).toContain('这是为“2026年第三季度调度”导出的填报模板');
  });

  it('a file titled 2024年二季度 into the 2026 third-quarter round is questioned', async () => {
    const { ctx, round } = setup();
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Sheet1');
    s.addRow(['2024年第二季度重点任务推进情况表']);
    s.addRow(['填报单位：城南乡', '', '填报时间：2024年7月3日']);
    s.addRow(['工作内容', '完成情况']);
    s.addRow([readLedgerSnapshot(ctx).tasks.find((t) => t.level === 'item')!.content, '已完成']);
    const view = await preview(ctx, round.id, wb, '城南乡.xlsx');
    expect(view.roundCheck.ok).toBe(false);
    expect(view.warnings.join('\n')).toContain('标题写的是“2024年第二季度”');
  });

  it('a formula cell is read as its cached value, with a warning', async () => {
    const { ctx, unit, round } = setup();
    const { wb, sheet } = await template(ctx, unit.id, round.id);
    sheet.getCell(FIRST, 8).value = { formula: 'J1*100', result: 85 };
    const view = await preview(ctx, round.id, wb);
    expect(view.rows[0]).toMatchObject({ outcome: 'apply', percent: 85 });
    expect(view.rows[0]?.warnings.join('')).toContain('“完成进度”是公式，已按其计算结果“85”读入');
    expect(view.warnings.join('')).toContain('有 1 行的填报内容是公式');
  });
});

describe('已报送 means a filled report', () => {
  it('an empty report left by an older import counts as 未报送 on the rounds screen, the home page and the 调度通报', async () => {
    const { ctx, unit, round } = setup();
    const itemId = readLedgerSnapshot(ctx).tasks.find((t) => t.level === 'item')!.id;
    // Older versions wrote blank rows as reports: one such row is in this ledger.
    ctx.db
      .prepare(
        "INSERT INTO progress_report (task_id, unit_id, round_id, status, percent, progress, problems, next_steps, source, updated_at) VALUES (?, ?, ?, NULL, NULL, '', '', '', 'import', ?)",
      )
      .run(itemId, unit.id, round.id, '2026-10-01T08:00:00Z');
    expect(unitReportStatuses(ctx, round.id, TODAY).find((s) => s.unitId === unit.id)?.state).toBe('missing');
    const snap = readLedgerSnapshot(ctx);
    expect(buildDashboardView(snap, TODAY).currentRound?.notReported).toContain('城南乡');
    const bulletin = buildBulletinWorkbook(snap, round.id, TODAY);
    const rowOf = (name: string) =>
      bulletin
        .getWorksheet('调度通报')!
        .getRows(1, 200)!
        .find((r) => r.getCell(1).value === name);
    expect(rowOf('城南乡')?.values).toContain('未报送');
    expect(String(bulletin.getWorksheet('调度通报')!.getCell(2, 1).value)).toMatch(/未报送 \d+ 个（[^）]*城南乡/);
  });
});
