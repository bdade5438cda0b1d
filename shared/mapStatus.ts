// The words townships use for a task's status, mapped to the ledger's statuses.
import type { TaskStatus } from './domain';
import { toHalfWidth } from './normalizeText';

const WORDS: [RegExp, TaskStatus][] = [
  [/^(已销号|销号)$/, '已销号'],
  [/^(长期坚持|常态化|持续推进|长期)$/, '长期坚持'],
  [/^(已完成|完成|已结束|已办结|办结)$/, '已完成'],
  [/^(未启动|未开展|尚未启动|未开始|未实施)$/, '未启动'],
  [/^(推进中|正在推进|进行中|实施中|在建|正在实施|已启动)$/, '推进中'],
];

/** The words townships use for a status, mapped to the ledger's; null when not recognised. */
export function mapStatus(text: string): TaskStatus | null {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  return WORDS.find(([re]) => re.test(t))?.[1] ?? null;
}
