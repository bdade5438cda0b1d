import ExcelJS from 'exceljs';
import { TASK_STATUSES, type LedgerSnapshot, type ProgressRound, type Unit } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import { unitIdsReaching } from '../../../shared/collectives';
import { cleanCellText, setText } from './cellText';
import { BODY_FONT, fitRowHeight, HEADER_FONT, setupA4Landscape, THIN_BORDER, TITLE_FONT, wrappedLines } from './printLayout';
import { taskListRows } from './taskListWorkbook';
import { TEMPLATE_RECORD_SHEET, templateRecordRows, type TemplateRowRecord } from '../townshipReturns/templateRecord';

/** Header words the returns reader recognises; 任务ID is the hidden key that brings a row back exactly. */
export const TEMPLATE_COLUMNS = [
  { header: '任务ID', width: 8, fill: false },
  { header: '序号', width: 6, fill: false },
  { header: '重点任务', width: 18, fill: false },
  { header: '工作内容', width: 40, fill: false },
  { header: '牵头单位', width: 12, fill: false },
  { header: '完成时限', width: 12, fill: false },
  { header: '完成情况', width: 34, fill: true },
  { header: '完成进度（%）', width: 12, fill: true },
  { header: '状态', width: 10, fill: true },
  { header: '存在问题', width: 20, fill: true },
  { header: '下步打算', width: 20, fill: true },
] as const;

const FILL_STATUSES = TASK_STATUSES.filter((s) => s !== '已销号');
const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };

export interface FillTemplateOptions {
  unit: Unit;
  round: ProgressRound;
  today: string;
}

/**
 * 填报模板 for one unit and one round: the unit's work (its own and its collectives'), task columns
 * locked, fill-in columns open and validated, a hidden 任务ID column. The sheet is protected without a
 * password so WPS and Excel both open it, and a township can still widen columns and add rows.
 */
export function buildFillTemplateWorkbook(snap: LedgerSnapshot, options: FillTemplateOptions): ExcelJS.Workbook {
  const { unit, round } = options;
  const rows = taskListRows(snap, { today: options.today, unitIds: unitIdsReaching(unit, snap.units) }).filter((r) => r.kind === 'item');
  if (rows.length === 0) throw new DomainError('template_empty', `“${unit.name}”在台账中没有承担的工作内容，无需生成填报模板。`);
  const reported = new Map(snap.reports.filter((r) => r.roundId === round.id && r.unitId === unit.id).map((r) => [r.taskId, r]));

  const workbook = new ExcelJS.Workbook();
  workbook.creator = '督办台账';
  const sheet = workbook.addWorksheet('推进情况填报');
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({ width: c.width }));
  sheet.getColumn(1).hidden = true;
  const last = TEMPLATE_COLUMNS.length;
  const line = (r: number, text: string, font: Partial<ExcelJS.Font>, height = 20) => {
    sheet.mergeCells(r, 2, r, last);
    const cell = sheet.getCell(r, 2);
    setText(cell, text);
    cell.font = font;
    cell.alignment = { vertical: 'middle', wrapText: true, horizontal: r === 1 ? 'center' : 'left' };
    sheet.getRow(r).height = height;
  };
  line(1, `${round.name}推进情况填报表`, TITLE_FONT, 34);
  line(2, `填报单位：${unit.name}`, BODY_FONT);
  line(3, `调度轮次：${round.name}`, BODY_FONT);
  line(4, `报送截止：${round.dueOn ?? ''}`, BODY_FONT);
  line(5, '填写说明：只填白色单元格；完成进度填 0–100 的数字；状态从下拉列表选择。灰色单元格和第一列隐藏的任务编号请勿修改，可调整列宽、增加说明行。', { ...BODY_FONT, color: { argb: 'FF555555' } }, 34);
  const headerRow = 6;
  TEMPLATE_COLUMNS.forEach((c, i) => {
    const cell = sheet.getCell(headerRow, i + 1);
    setText(cell, c.header);
    cell.font = HEADER_FONT;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN_BORDER;
    cell.fill = LOCKED_FILL;
  });
  // 12 pt headers in narrow columns wrap (完成进度（%）): the row takes the tallest.
  sheet.getRow(headerRow).height = Math.max(28, ...TEMPLATE_COLUMNS.map((c) => wrappedLines(c.header, c.width) * 17 + 8));

  const widths = TEMPLATE_COLUMNS.map((c) => c.width);
  const record: TemplateRowRecord[] = [];
  rows.forEach((row, i) => {
    const r = headerRow + 1 + i;
    const t = row.node;
    const before = reported.get(t.id);
    const values: (string | number | null)[] = [
      t.id,
      i + 1,
      row.task ? `${row.task.number}${row.task.title}` : '',
      t.content,
      row.leadNames,
      t.deadline.text || t.deadline.date || '',
      before?.progress ?? '',
      before?.percent ?? null,
      before?.status ?? '',
      before?.problems ?? '',
      before?.nextSteps ?? '',
    ];
    record.push({
      taskId: t.id,
      content: t.content,
      units: row.leadNames,
      deadline: String(values[5] ?? ''),
      progress: before?.progress ?? '',
      percent: before?.percent ?? null,
      status: before?.status ?? null,
      problems: before?.problems ?? '',
      nextSteps: before?.nextSteps ?? '',
    });
    const excelRow = sheet.getRow(r);
    TEMPLATE_COLUMNS.forEach((c, k) => {
      const cell = excelRow.getCell(k + 1);
      const v = values[k];
      if (v !== null && v !== '') setText(cell, v);
      cell.font = BODY_FONT;
      cell.border = THIN_BORDER;
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: k <= 1 || k === 7 || k === 8 ? 'center' : 'left' };
      cell.protection = { locked: !c.fill };
      if (!c.fill) cell.fill = LOCKED_FILL;
    });
    excelRow.getCell(8).dataValidation = {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [0, 100],
      showErrorMessage: true,
      errorTitle: '完成进度',
      error: '请填写 0 到 100 之间的数字（例如 80 表示完成 80%）。',
    };
    excelRow.getCell(9).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${FILL_STATUSES.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '状态',
      error: `请从下拉列表选择：${FILL_STATUSES.join('、')}。`,
    };
    fitRowHeight(excelRow, widths);
  });
  const footer = headerRow + rows.length + 2;
  sheet.mergeCells(footer, 2, footer, last);
  const sign = sheet.getCell(footer, 2);
  setText(sign, '填报人：                联系电话：                分管领导：');
  sign.font = BODY_FONT;
  sign.protection = { locked: false };
  setupA4Landscape(sheet, { from: headerRow, to: headerRow });
  void sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: true,
    sort: false,
    autoFilter: false,
  });
  // Very hidden: WPS and Excel do not offer it under 取消隐藏, so a township cannot edit it by accident.
  const recordSheet = workbook.addWorksheet(TEMPLATE_RECORD_SHEET, { state: 'veryHidden' });
  for (const values of templateRecordRows({ roundId: round.id, roundName: round.name, unitId: unit.id, unitName: unit.name, exportedAt: options.today, rows: record })) {
    recordSheet.addRow(values.map((v) => (typeof v === 'string' ? cleanCellText(v) : v)));
  }
  void recordSheet.protect('', { selectLockedCells: false, selectUnlockedCells: false });
  return workbook;
}
