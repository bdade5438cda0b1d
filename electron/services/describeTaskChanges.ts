// A task's audit rows told as a clerk reads its history: 字段：旧 → 新.
import { RECURRENCE_LABELS, type TaskNode } from '../../shared/domain';

const FIELDS: { key: keyof TaskNode; label: string }[] = [
  { key: 'number', label: '序号' },
  { key: 'title', label: '标题' },
  { key: 'content', label: '工作内容' },
  { key: 'leadUnitIds', label: '牵头单位' },
  { key: 'coUnitIds', label: '配合单位' },
  { key: 'deadline', label: '完成时限' },
  { key: 'status', label: '状态' },
  { key: 'closedBy', label: '销号审核人' },
  { key: 'closedOn', label: '销号日期' },
  { key: 'notes', label: '备注' },
  { key: 'targets', label: '目标' },
];

/** An audit row's before/after as the lines a clerk reads in the history: 字段：旧 → 新. */
export function describeTaskChanges(
  before: TaskNode | null,
  after: TaskNode | null,
  unitName: Map<number, string>,
): { field: string; before: string; after: string }[] {
  const show = (task: TaskNode | null, key: keyof TaskNode): string => {
    if (!task) return '';
    const v = task[key];
    if (key === 'leadUnitIds' || key === 'coUnitIds')
      return (v as number[]).map((id) => unitName.get(id) ?? `#${id}`).join('、');
    if (key === 'deadline') {
      const d = task.deadline;
      return d.text || d.date || (d.recurrence ? RECURRENCE_LABELS[d.recurrence] : '') || (d.ongoing ? '长期坚持' : '');
    }
    if (Array.isArray(v)) return v.join('；');
    // The other fields are text (or a nullable date); numbers are shown as written.
    return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
  };
  return FIELDS.map(({ key, label }) => ({ field: label, before: show(before, key), after: show(after, key) })).filter(
    (c) => c.before !== c.after,
  );
}
