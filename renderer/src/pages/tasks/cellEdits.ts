// Which ledger change an edit in the 任务清单 grid makes, or why it is refused before anything is written.
import type { GridRow } from '@shared/taskListRows';
import { TASK_TEXT_LIMITS, tooLongMessage, type TaskTextField } from '@shared/textLimits';

export type CellEdit = { id: number; patch: Record<string, unknown> } | { refused: string };

/** A text cell's edited value: the grid hands back what its text editor holds, and null after Delete. */
const editedText = (value: unknown) =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

const TEXT_LABELS: Record<TaskTextField, string> = {
  number: '序号',
  title: '重点任务',
  content: '工作内容',
  target: '目标',
  deadlineText: '完成时限',
  notes: '备注',
};

function text(id: number, field: TaskTextField, value: string): CellEdit {
  const max = TASK_TEXT_LIMITS[field];
  // Counted as the clerk counts characters (汉字 as one), not as UTF-16 units.
  const length = [...value.trim()].length;
  return length > max
    ? { refused: tooLongMessage(TEXT_LABELS[field], length, max) }
    : { id, patch: { [field]: value } };
}

/** Delete and Backspace hand the grid's edit a null; a unit column then means "no units". */
const unitIds = (value: unknown): number[] => (Array.isArray(value) ? (value as number[]) : []);

export const LEAD_REQUIRED =
  '牵头单位不能清空：每项工作内容都要有牵头单位。要更换单位，请双击单元格（或按 Enter）在列表中选择。';
export const CONTENT_REQUIRED =
  '工作内容不能为空：要改写请双击单元格；要删除这项工作内容，请用工具栏的“删除”（可撤销）。';
export const TITLE_REQUIRED =
  '重点任务的标题不能为空：要改写请双击单元格；要删除这个重点任务，请用工具栏的“删除”（可撤销）。';
export const STATUS_REQUIRED = '状态不能清空：请双击单元格（或按 Enter）从下拉列表中选择。';

/** The 重点任务 column edits the parent task; a column that edits nothing gives null. */
export function cellEdit(row: GridRow, colId: string, value: unknown): CellEdit | null {
  const id = row.node.id;
  switch (colId) {
    case 'task': {
      if (!row.task) return null;
      const typed = editedText(value).trim();
      const title =
        row.task.number && typed.startsWith(row.task.number) ? typed.slice(row.task.number.length).trim() : typed;
      return title ? text(row.task.id, 'title', title) : { refused: TITLE_REQUIRED };
    }
    case 'number':
      return text(id, 'number', editedText(value));
    case 'content': {
      const content = editedText(value);
      return content.trim() ? text(id, 'content', content) : { refused: CONTENT_REQUIRED };
    }
    case 'lead': {
      const ids = unitIds(value);
      return ids.length ? { id, patch: { leadUnitIds: ids } } : { refused: LEAD_REQUIRED };
    }
    case 'co':
      return { id, patch: { coUnitIds: unitIds(value) } };
    case 'deadline':
      return text(id, 'deadlineText', editedText(value));
    case 'status':
      return typeof value === 'string' && value ? { id, patch: { status: value } } : { refused: STATUS_REQUIRED };
    case 'notes':
      return text(id, 'notes', editedText(value));
    default:
      return null;
  }
}
