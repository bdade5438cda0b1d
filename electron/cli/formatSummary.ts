// `duban summary`'s text: the ledger at a glance (units, groups, documents, tasks by status, overdue items, rounds).
import type { LedgerSummary } from '../../shared/channels';

export function formatSummary(s: LedgerSummary): string {
  const lines = [
    `台账概况（截至 ${s.today}）`,
    `  责任单位：${s.units} 个    领导小组：${s.groups} 个    文件：${s.documents} 份`,
    `  任务清单：${s.sections} 个部分，${s.tasks} 项重点任务，${s.items} 项工作内容`,
    `  按状态：${Object.entries(s.itemsByStatus)
      .map(([k, v]) => `${k} ${v}`)
      .join('，')}`,
    `  逾期未完成：${s.overdue} 项`,
    ...s.overdueItems.map(
      (o) => `    - ${o.content.slice(0, 30)}…（时限：${o.deadline}；牵头：${o.leadUnits.join('、')}）`,
    ),
    `  调度轮次：${s.rounds} 个，推进情况记录：${s.reports} 条`,
  ];
  return lines.join('\n') + '\n';
}
