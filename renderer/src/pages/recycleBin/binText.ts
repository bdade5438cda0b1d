// How a 回收站 entry is told: what went with it, what still cited it, where it shows again once restored.
import type { BinCounts, BinKind } from '@shared/channels/recycleBin';

const n = (count: number, words: string) => (count > 0 ? `${count} ${words}` : '');
const joined = (parts: string[]) => parts.filter(Boolean).join('、');

/** What was deleted along with the item: "3 项工作内容、12 个责任单位关联、1 条推进情况". */
export function describeContents(kind: BinKind, c: BinCounts): string {
  return joined([
    n(c.sections, '个部分'),
    n(c.tasks, '项重点任务'),
    n(c.items, '项工作内容'),
    n(c.reports, '条推进情况'),
    n(c.unitLinks, '个责任单位关联'),
    n(c.members, '条成员记录'),
    n(c.duties, '项成员单位职责'),
    kind === 'unit' ? n(c.roundUnits, '个调度轮次的应报名单') : n(c.roundUnits, '个应报单位'),
    n(c.mappings, '个表格列对应设置'),
  ]);
}

/** What stayed in the ledger but cited the item: "45 项工作内容、1 个领导小组" (the sections and tasks above them go unsaid). */
export function describeReferences(c: BinCounts): string {
  return joined([
    c.refItems > 0 ? n(c.refItems, '项工作内容') : n(c.refTasks, '项任务'),
    n(c.refGroups, '个领导小组'),
    n(c.refMembers, '条成员记录'),
    n(c.refDuties, '项成员单位职责'),
    n(c.refImports, '条导入记录'),
  ]);
}

/** Where a restored item can be seen again. */
export const WHERE_IT_LIVES: Record<BinKind, string> = {
  unit: '责任单位',
  task: '任务清单',
  group: '领导小组',
  round: '调度轮次',
  document: '导入 → 政策文件',
  member: '领导小组 → 成员',
  duty: '领导小组 → 成员单位职责',
};

/** The clerk's clock, not UTC: "2026-11-23 09:03". */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (v: number) => String(v).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
