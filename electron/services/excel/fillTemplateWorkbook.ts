// 填报模板: the workbook a township fills in for a round, task columns locked, a hidden 任务ID brings rows back.
import ExcelJS from 'exceljs';
import { TASK_STATUSES, type LedgerSnapshot, type ProgressRound, type Unit } from '../../../shared/domain';
import { DomainError } from '../../../shared/errors';
import { cleanCellText, setText } from './cellText';
import { formatArabicChineseDate } from '../../../shared/chineseDate';
import { planName, soleDocument } from '../../../shared/exportTitles';
import {
  BODY_FONT,
  HEADER_FONT,
  OVERDUE_FILL,
  planColumnWidths,
  setupA4Landscape,
  widthForText,
  textHeight,
  THIN_BORDER,
  TITLE_FONT,
} from './printLayout';
import { setGrowingHeight } from './autoRowHeight';
import { asOfLine, deadlineWords, taskListRows } from './taskListWorkbook';
import { TEMPLATE_RECORD_SHEET, templateRecordRows, type TemplateRowRecord } from '../returns/templateRecord';

/** Header words the returns reader recognises; 任务ID is the hidden key that brings a row back exactly. */
export const TEMPLATE_COLUMNS = [
  { header: '任务ID', width: 8, fill: false },
  { header: '序号', width: 8, fill: false },
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

/** exceljs keeps validations by range (one <dataValidation sqref="H7:H30">) but does not declare the API. */
interface SheetValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

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
  const rows = taskListRows(snap, { today: options.today, unit }).filter((r) => r.kind === 'item');
  if (rows.length === 0)
    throw new DomainError('template_empty', `“${unit.name}”在台账中没有承担的工作内容，无需生成填报模板。`);
  const reported = new Map(
    snap.reports.filter((r) => r.roundId === round.id && r.unitId === unit.id).map((r) => [r.taskId, r]),
  );

  const workbook = new ExcelJS.Workbook();
  workbook.creator = '督办台账';
  const sheet = workbook.addWorksheet('推进情况填报');
  // Widths planned to fill A4 landscape at a fixed 85 % (11 columns to fill in by hand): 完成时限 as wide
  // as its longest deadline so 2026年6月底前 never breaks, 序号 wide enough for 【逾期】.
  const deadlines = rows.map((r) => deadlineWords(r.node));
  const fixedWidths: Partial<Record<(typeof TEMPLATE_COLUMNS)[number]['header'], number>> = {
    序号: widthForText('【逾期】'),
    完成时限: Math.max(
      widthForText('完成时限', HEADER_FONT.size),
      Math.min(18, Math.max(0, ...deadlines.map((d) => widthForText(d)))),
    ),
    '完成进度（%）': 10,
    状态: widthForText('长期坚持'),
  };
  const visible = TEMPLATE_COLUMNS.slice(1);
  const planned = planColumnWidths(
    visible.map((c) => {
      const fixed = fixedWidths[c.header];
      return fixed !== undefined ? { width: fixed, flexible: false } : { width: c.width, flexible: true, min: 8 };
    }),
    'landscape',
    85,
  );
  const widths = [TEMPLATE_COLUMNS[0].width, ...planned.widths];
  sheet.columns = widths.map((width) => ({ width }));
  sheet.getColumn(1).hidden = true;
  const last = TEMPLATE_COLUMNS.length;
  // The visible width (任务ID is hidden): lines above the table wrap in it.
  const visibleWidth = planned.widths.reduce((s, w) => s + w, 0);
  const line = (r: number, text: string, font: Partial<ExcelJS.Font> & { size: number }, minimum = 20) => {
    sheet.mergeCells(r, 2, r, last);
    const cell = sheet.getCell(r, 2);
    setText(cell, text);
    cell.font = font;
    cell.alignment = { vertical: 'middle', wrapText: true, horizontal: r === 1 ? 'center' : 'left' };
    sheet.getRow(r).height = textHeight(text, visibleWidth, font.size, minimum);
  };
  const doc = soleDocument(
    snap,
    rows.map((r) => r.node.documentId),
  );
  line(1, `${doc ? `${planName(doc)}重点任务` : ''}推进情况填报表（${round.name}）`, TITLE_FONT, 34);
  line(2, `填报单位（盖章）：${unit.name}`, BODY_FONT);
  line(3, `调度轮次：${round.name}`, BODY_FONT);
  line(
    4,
    `报送截止：${round.dueOn ? formatArabicChineseDate(round.dueOn) : '按通知要求'}　　　　${asOfLine(options.today)}`,
    BODY_FONT,
  );
  // A readable line, in the body font and colour: the township reads it before typing anything.
  line(
    5,
    '填写说明：只填写白色单元格（完成情况、完成进度、状态、存在问题、下步打算），内容多时行高会随文字增加；完成进度填 0—100 的数字；状态从下拉列表中选择。灰色单元格和隐藏的第一列（任务编号）请勿修改；可以加宽列、插入说明行。标有【逾期】的事项已过完成时限，请写明原因和完成时间。',
    BODY_FONT,
  );
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
  sheet.getRow(headerRow).height = Math.max(
    28,
    ...visible.map((c, k) => textHeight(c.header, planned.widths[k] ?? 10, HEADER_FONT.size)),
  );

  const widthOf = (k: number) => widths[k] ?? 10;
  const record: TemplateRowRecord[] = [];
  rows.forEach((row, i) => {
    const r = headerRow + 1 + i;
    const t = row.node;
    const before = reported.get(t.id);
    const overdue = row.warning === 'red';
    const values: (string | number | null)[] = [
      t.id,
      // Overdue said in words where the import never reads (序号), the row tinted.
      overdue ? `${i + 1}\n【逾期】` : i + 1,
      row.task ? `${row.task.number}${row.task.title}` : '',
      t.content,
      row.leadNames,
      deadlineWords(t),
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
      cell.alignment = {
        vertical: 'middle',
        wrapText: true,
        horizontal: k <= 1 || k === 7 || k === 8 ? 'center' : 'left',
      };
      cell.protection = { locked: !c.fill };
      if (!c.fill) cell.fill = overdue ? OVERDUE_FILL : LOCKED_FILL;
      if (k === 1 && overdue) cell.font = { ...BODY_FONT, bold: true };
    });
    // Tall enough for its text to print in full, but not fixed: the row grows as the township types.
    const height = Math.max(
      20,
      ...values.map((v, k) => (k === 0 || v === null || v === '' ? 0 : textHeight(String(v), widthOf(k)))),
    );
    setGrowingHeight(excelRow, height);
  });
  // One validation range per fill-in column, over the data rows (rows inserted inside it are covered).
  const firstData = headerRow + 1;
  const lastData = headerRow + rows.length;
  const validations = (sheet as unknown as SheetValidations).dataValidations;
  validations.add(`H${firstData}:H${lastData}`, {
    type: 'decimal',
    operator: 'between',
    allowBlank: true,
    formulae: [0, 100],
    showErrorMessage: true,
    errorTitle: '完成进度',
    error: '请填写 0 到 100 之间的数字（例如 80 表示完成 80%）。',
  });
  validations.add(`I${firstData}:I${lastData}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${FILL_STATUSES.join(',')}"`],
    showErrorMessage: true,
    errorTitle: '状态',
    error: `请从下拉列表选择：${FILL_STATUSES.join('、')}。`,
  });
  const footer = lastData + 2;
  sheet.mergeCells(footer, 2, footer, last);
  const sign = sheet.getCell(footer, 2);
  setText(sign, '填报人：　　　　　　　　联系电话：　　　　　　　　填报日期：　　　　年　　月　　日');
  sign.font = BODY_FONT;
  sign.alignment = { vertical: 'middle' };
  sign.protection = { locked: false };
  sheet.getRow(footer).height = 24;
  setupA4Landscape(sheet, { from: headerRow, to: headerRow }, { scale: planned.scale });
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
  for (const values of templateRecordRows({
    roundId: round.id,
    roundName: round.name,
    unitId: unit.id,
    unitName: unit.name,
    exportedAt: options.today,
    rows: record,
  })) {
    recordSheet.addRow(values.map((v) => (typeof v === 'string' ? cleanCellText(v) : v)));
  }
  void recordSheet.protect('', { selectLockedCells: false, selectUnlockedCells: false });
  return workbook;
}
