// 调度通报 as an Excel workbook: who reported in a round, each unit's work by status and overdue, and a 催办清单 sheet.
import { unitsReportedIn } from '../../../shared/reportFields';
import ExcelJS from 'exceljs';
import { TASK_STATUSES, type LedgerSnapshot } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import { setText } from './cellText';
import { formatChineseDate } from '../../../shared/chineseDate';
import {
  BODY_FONT,
  fitRowHeight,
  HEADER_FONT,
  numberPagesPerSheet,
  setupA4Landscape,
  THIN_BORDER,
  TITLE_FONT,
} from './printLayout';
import { taskListRows } from './taskListWorkbook';

function table(sheet: ExcelJS.Worksheet, headers: string[], rows: (string | number)[][], widths: number[]): void {
  const head = sheet.addRow(headers);
  head.eachCell((c) => {
    c.font = HEADER_FONT;
    c.border = THIN_BORDER;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  fitRowHeight(head, widths);
  for (const values of rows) {
    const row = sheet.addRow([]);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      setText(cell, v);
      cell.font = BODY_FONT;
      cell.border = THIN_BORDER;
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: typeof v === 'number' ? 'center' : 'left' };
    });
    fitRowHeight(row, widths);
  }
}

function title(sheet: ExcelJS.Worksheet, text: string, span: number): void {
  const row = sheet.addRow([text]);
  sheet.mergeCells(row.number, 1, row.number, span);
  row.getCell(1).font = TITLE_FONT;
  row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  row.height = 36;
}

/**
 * 调度通报 for a round: who reported, each unit's work by status and overdue, the overdue items with their
 * lead units; and a 催办清单 sheet listing every overdue item under each unit concerned (lead or co).
 */
export function buildBulletinWorkbook(snap: LedgerSnapshot, roundId: number, today: string): ExcelJS.Workbook {
  const round = snap.rounds.find((r) => r.id === roundId);
  if (!round) throw new DomainError('round_not_found', '所选调度轮次已不存在，请刷新后重新选择。');
  const rows = taskListRows(snap, { today }).filter((r) => r.kind === 'item');
  const unitName = new Map(snap.units.map((u) => [u.id, u.name]));
  const expected = snap.roundUnits.filter((ru) => ru.roundId === roundId).map((ru) => ru.unitId);
  const reported = unitsReportedIn(snap.reports, roundId);
  const notReported = expected.filter((id) => !reported.has(id)).map((id) => unitName.get(id) ?? '');

  const workbook = new ExcelJS.Workbook();
  workbook.creator = '督办台账';
  const sheet = workbook.addWorksheet('调度通报');
  const widths = [22, 12, ...TASK_STATUSES.map(() => 8), 8, 10];
  sheet.columns = widths.map((width) => ({ width }));
  title(sheet, `${round.name}情况通报`, widths.length);
  const summary = sheet.addRow([
    `截至${formatChineseDate(today)}，应报送 ${expected.length} 个单位，已报送 ${expected.length - notReported.length} 个，未报送 ${notReported.length} 个${notReported.length ? `（${notReported.join('、')}）` : ''}；逾期未完成 ${rows.filter((r) => r.warning === 'red').length} 项。`,
  ]);
  sheet.mergeCells(summary.number, 1, summary.number, widths.length);
  summary.getCell(1).font = BODY_FONT;
  summary.getCell(1).alignment = { wrapText: true };
  summary.height = 36;
  // Every unit that leads work, and every unit expected to report this round even if it leads nothing
  // (a township working through 各乡镇街道): its 未报送 belongs in the table, not only in the sentence.
  const expectedSet = new Set(expected);
  const units = snap.units.filter((u) => expectedSet.has(u.id) || rows.some((r) => r.node.leadUnitIds.includes(u.id)));
  table(
    sheet,
    ['责任单位', '牵头任务数', ...TASK_STATUSES, '逾期', '本轮报送'],
    units.map((u) => {
      const mine = rows.filter((r) => r.node.leadUnitIds.includes(u.id));
      return [
        u.name,
        mine.length,
        ...TASK_STATUSES.map((s) => mine.filter((r) => r.node.status === s).length),
        mine.filter((r) => r.warning === 'red').length,
        !expected.includes(u.id) ? '—' : reported.has(u.id) ? '已报送' : '未报送',
      ];
    }),
    widths,
  );
  setupA4Landscape(sheet, { from: 3, to: 3 });

  const overdue = rows.filter((r) => r.warning === 'red');
  const chase = workbook.addWorksheet('催办清单');
  const chaseWidths = [20, 56, 14, 22, 12];
  chase.columns = chaseWidths.map((width) => ({ width }));
  title(chase, `${round.name}逾期事项催办清单`, chaseWidths.length);
  const byUnit = snap.units
    .map((u) => ({
      unit: u,
      items: overdue.filter((r) => [...r.node.leadUnitIds, ...r.node.coUnitIds].includes(u.id)),
    }))
    .filter((x) => x.items.length > 0);
  table(
    chase,
    ['责任单位', '逾期工作内容', '完成时限', '牵头单位', '状态'],
    byUnit.flatMap(({ unit, items }) =>
      items.map((r) => [
        unit.name,
        r.node.content,
        r.node.deadline.text || r.node.deadline.date || '',
        r.leadNames,
        r.node.status,
      ]),
    ),
    chaseWidths,
  );
  // One merged 责任单位 cell per unit, as a chase list is read unit by unit.
  let at = 3;
  for (const { items } of byUnit) {
    if (items.length > 1) chase.mergeCells(at, 1, at + items.length - 1, 1);
    at += items.length;
  }
  setupA4Landscape(chase, { from: 2, to: 2 });
  numberPagesPerSheet(workbook);
  return workbook;
}
