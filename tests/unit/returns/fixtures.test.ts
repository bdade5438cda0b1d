// Township returns read against their expected results, and the other layouts townships send.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readLedgerSnapshot } from '../../../electron/db/repositories/snapshot';
import { buildFillTemplateWorkbook } from '../../../electron/services/excel/fillTemplateWorkbook';
import { analyzeReturnFile, toReturnsJson } from '../../../electron/services/returns/analyzeReturns';
import { previewReturnFile } from '../../../electron/services/returns/previewReturns';
import { rememberMapping } from '../../../electron/db/repositories/columnMappings';
import expected from '../../fixtures/township/expected.json';
import { freshLedger } from '../ledger/helpers';

const dir = path.resolve(__dirname, '../../fixtures/township');

function demo() {
  const { ctx } = freshLedger({ demo: true });
  const snap = readLedgerSnapshot(ctx);
  // The demo's work items are the gold list in order: item no N is the N-th work item.
  const idOfNo = new Map(snap.tasks.filter((t) => t.level === 'item').map((t, i) => [i + 1, t.id]));
  return { ctx, snap, idOfNo };
}

describe('township returns against expected.json', () => {
  for (const file of expected.files) {
    it(file.file, async () => {
      const { snap, idOfNo } = demo();
      const a = await analyzeReturnFile(file.file, fs.readFileSync(path.join(dir, file.file)), snap, {
        referenceDate: '2024-06-30',
      });
      if ('expect' in file) {
        expect(a.error?.message).toContain(`“${file.file}”`);
        expect(a.rows).toEqual([]);
        return;
      }
      expect(a.error).toBeNull();
      expect(a.unit).toBe(file.township);
      const matchable = file.rows.filter((r) => r.itemNo !== null);
      const sheetOf = (r: object) => ('sheet' in r ? (r.sheet as string) : a.rows[0]?.sheet);
      expect(a.rows.map((r) => [r.sheet, r.row, r.taskId])).toEqual(
        matchable.map((r) => [sheetOf(r), r.row, idOfNo.get(r.itemNo)]),
      );
      for (const want of matchable) {
        const got = a.rows.find((r) => r.row === want.row && r.sheet === sheetOf(want))!;
        if ('progress' in want) expect(got.progress).toBe(want.progress);
        if ('problems' in want) expect(got.problems).toBe(want.problems ?? '');
        if ('nextSteps' in want) expect(got.nextSteps).toBe(want.nextSteps);
        // expected.json writes percent as a fraction; the contract speaks 0–100.
        if ('percent' in want) expect(got.percent).toBe(want.percent === null ? null : Math.round(want.percent * 100));
        if ('deadlineText' in want) expect(got.deadlineText).toBe(want.deadlineText);
        if ('due' in want) expect(got.deadline).toBe(want.due);
        if ('status' in want) expect(got.status).toBe(want.status);
      }
      // A township's own task is reported as unmatched, never dropped or forced onto a ledger task.
      expect(a.unmatched.map((u) => u.row)).toEqual(file.rows.filter((r) => r.itemNo === null).map((r) => r.row));
      const json = toReturnsJson([a]);
      expect(Object.keys(json.files[0]!).sort()).toEqual([
        'blank',
        'conflicts',
        'error',
        'file',
        'rows',
        'unit',
        'unmatched',
        'warnings',
      ]);
    });
  }
});

describe('other layouts', () => {
  it('reads back our own fill-in template by its hidden 任务ID, even with rows added and columns widened', async () => {
    const { snap } = demo();
    const unit = snap.units.find((u) => u.name === '沙溪镇')!;
    const wb = buildFillTemplateWorkbook(snap, { unit, round: snap.rounds[0]!, today: '2026-11-23' });
    const sheet = wb.worksheets[0]!;
    sheet.getColumn(7).width = 60;
    sheet.getCell('G7').value = '已完成自评并通过复核';
    sheet.getCell('H7').value = 0.9;
    sheet.getCell('I7').value = '推进中';
    sheet.getCell('G8').value = '联合病房已开放';
    sheet.spliceRows(8, 0, ['', '', '', '', '', '', '（补充说明：以上为上半年数据）']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const a = await analyzeReturnFile('沙溪镇回传.xlsx', data, snap, { referenceDate: '2026-09-30' });
    expect(a.unit).toBe('沙溪镇');
    const firstId = Number(sheet.getCell('A7').value);
    expect(a.rows.find((r) => r.taskId === firstId)).toMatchObject({
      method: 'template',
      score: 1,
      progress: '已完成自评并通过复核',
      percent: 90,
      status: '推进中',
    });
    expect(a.rows.every((r) => r.method === 'template')).toBe(true);
  });

  it('handles columns in another order, a two-row header, full-width digits, a banner row, a formula-looking cell and a footer', async () => {
    const { snap, idOfNo } = demo();
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('进展');
    s.addRow(['镜岭镇重点任务推进情况表']);
    s.addRow(['填报单位：镜岭镇人民政府（盖章）']);
    s.addRow(['推进情况', null, null, '工作任务', '完成比例']);
    s.addRow(['完成情况', '存在困难', '下步计划', null, null]);
    s.mergeCells('A3:C3');
    s.mergeCells('D3:D4');
    s.mergeCells('E3:E4');
    s.addRow(['一、县下达任务']);
    s.mergeCells('A5:E5');
    // Abridged and with a typo: 服务圈 → 服务全.
    s.addRow([
      '摸底完成',
      '无',
      '排班',
      '组织实施村级医疗卫生服务体系优化提升行动，打造农村20分钟医疗卫生服务全',
      '８０％',
    ]);
    s.addRow([
      '=HYPERLINK("http://x")',
      '',
      '',
      '加强医疗卫生用房保障，村卫生室（社区卫生服务站）的服务用房由属地乡镇（街道）、村免费提供或改造',
      '50%',
    ]);
    s.addRow(['进展', '', '', '推进医共体分院实施联合病房', '']);
    s.addRow([]);
    s.addRow(['填报人：张三    联系电话：123']);
    const a = await analyzeReturnFile('镜岭镇.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), snap, {
      referenceDate: '2026-09-30',
    });
    expect(a.unit).toBe('镜岭镇');
    const r6 = a.rows.find((r) => r.row === 6)!;
    expect(r6).toMatchObject({
      taskId: idOfNo.get(7),
      percent: 80,
      progress: '摸底完成',
      problems: '无',
      nextSteps: '排班',
    });
    expect(r6.score).toBeGreaterThan(0.8);
    const r7 = a.rows.find((r) => r.row === 7)!;
    expect(r7).toMatchObject({ taskId: idOfNo.get(9), progress: '=HYPERLINK("http://x")' });
    expect(r7.warnings.join()).toContain('像是公式');
    // Too short to tell 联合病房 (item 5) from anything else with confidence? It is a clear abridgement of item 5.
    expect(
      a.rows
        .map((r) => r.row)
        .concat(a.unmatched.map((u) => u.row))
        .sort(),
    ).toEqual([6, 7, 8]);
  });

  it('reports the same task twice in one file as a conflict instead of keeping the last', async () => {
    const { snap } = demo();
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('x');
    s.addRow(['工作内容', '进展情况']);
    s.addRow(['严厉打击暴力伤医等涉医违法犯罪行为，维护医务人员合法权益', '检查2次']);
    s.addRow(['严厉打击暴力伤医等涉医违法犯罪行为', '检查3次']);
    const a = await analyzeReturnFile('沙溪镇.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), snap, {
      referenceDate: '2026-09-30',
    });
    expect(a.conflicts).toEqual([
      {
        taskId: a.rows[0]!.taskId,
        rows: [
          { sheet: 'x', row: 2 },
          { sheet: 'x', row: 3 },
        ],
      },
    ]);
  });

  it('does not auto-match a row that is close to two tasks', async () => {
    const { snap } = demo();
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('x');
    s.addRow(['工作内容', '进展情况']);
    s.addRow(['落实基层医疗卫生人员政策', '已落实']);
    const a = await analyzeReturnFile('沙溪镇.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), snap, {
      referenceDate: '2026-09-30',
    });
    expect(a.rows).toEqual([]);
    expect(a.unmatched[0]?.candidates.length).toBeGreaterThan(1);
  });
});

describe('correcting a layout', () => {
  async function odd(progressHeader: string) {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('进展');
    s.addRow(['填报单位：沙溪镇']);
    s.addRow(['工作内容', '进展情况', progressHeader]);
    s.addRow(['严厉打击暴力伤医等涉医违法犯罪行为，维护医务人员合法权益', '检查2次', '警力不足']);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it("takes the clerk's column choice, and remembers it for the township's next return with the same header", async () => {
    const { ctx, snap } = demo();
    const round = snap.rounds[0]!.id;
    const first = await previewReturnFile(ctx, snap, round, '沙溪镇.xlsx', await odd('困难'), '2026-11-23');
    expect(first.rows[0]?.problems).toBe('');
    expect(first.sheets[0]).toMatchObject({
      name: '进展',
      headerRow: 2,
      headers: ['工作内容', '进展情况', '困难'],
      source: 'detected',
    });

    const corrected = await previewReturnFile(
      ctx,
      snap,
      round,
      '沙溪镇.xlsx',
      await odd('困难'),
      '2026-11-23',
      undefined,
      { 进展: { columns: { problems: 2 } } },
    );
    expect(corrected.rows[0]?.problems).toBe('警力不足');
    expect(corrected.sheets[0]?.source).toBe('clerk');
    rememberMapping(ctx, corrected.unitId!, corrected.sheets[0]!.signature, corrected.sheets[0]!.columns);

    const next = await previewReturnFile(ctx, snap, round, '沙溪镇第二次.xlsx', await odd('困难'), '2026-11-23');
    expect(next.sheets[0]?.source).toBe('remembered');
    expect(next.rows[0]?.problems).toBe('警力不足');
    // Another township's file with the same header is not affected.
    const other = await previewReturnFile(
      ctx,
      snap,
      round,
      '儒岙镇.xlsx',
      (await odd('困难')).fill(0, 0, 0),
      '2026-11-23',
      snap.units.find((u) => u.name === '儒岙镇')!.id,
    );
    expect(other.sheets[0]?.source ?? 'detected').toBe('detected');
  });

  it('reads a sheet whose header row the clerk names when detection picked another', async () => {
    const { snap } = demo();
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('表');
    s.addRow(['工作内容', '进展情况']);
    s.addRow(['（以下为本季度数据）']);
    s.addRow(['工作内容', '完成情况']);
    s.addRow(['严厉打击暴力伤医等涉医违法犯罪行为，维护医务人员合法权益', '检查2次']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const a = await analyzeReturnFile('沙溪镇.xlsx', data, snap, {
      referenceDate: '2026-09-30',
      overrides: { 表: { headerRow: 3 } },
    });
    expect(a.sheets[0]?.headerRow).toBe(3);
    expect(a.rows.map((r) => r.row)).toEqual([4]);
  });
});

describe('a layout nothing recognises', () => {
  it('is refused with a message, offers its first row as a header, and reads once the clerk maps the columns', async () => {
    const { snap } = demo();
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('表1');
    s.addRow(['事项', '成效', '难点']);
    s.addRow(['严厉打击暴力伤医等涉医违法犯罪行为，维护医务人员合法权益', '检查2次', '警力不足']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const refused = await analyzeReturnFile('沙溪镇.xlsx', data, snap, { referenceDate: '2026-09-30' });
    expect(refused.error?.code).toBe('no_header');
    expect(refused.sheets).toEqual([
      expect.objectContaining({ name: '表1', headerRow: 1, headers: ['事项', '成效', '难点'] }),
    ]);
    const mapped = await analyzeReturnFile('沙溪镇.xlsx', data, snap, {
      referenceDate: '2026-09-30',
      overrides: { 表1: { headerRow: 1, columns: { content: 0, progress: 1, problems: 2 } } },
    });
    expect(mapped.error).toBeNull();
    expect(mapped.rows).toEqual([expect.objectContaining({ row: 2, progress: '检查2次', problems: '警力不足' })]);
  });
});
