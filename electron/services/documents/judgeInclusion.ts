// Which numbered parts of a plan are ledger work. 指导思想/原则 and goal prose are not; 保障措施 are
// only when they name who does what; parts an appendix task list repeats are left to that list.

export type PartKind = 'guidance' | 'goals' | 'safeguards' | 'phases' | 'work';

export function partKind(title: string): PartKind {
  const t = title.replace(/\s+/g, '');
  if (
    /^(总体要求|指导思想|基本原则|工作原则|总体思路|编制依据|适用范围|主要依据|背景|总则|附则)/.test(t) ||
    /^(指导思想|基本原则|工作原则)$/.test(t)
  )
    return 'guidance';
  if (/^(工作目标|主要目标|总体目标|发展目标|目标任务|行动目标|具体目标|预期目标|主要指标)$/.test(t)) return 'goals';
  if (/(保障措施|组织保障|保障机制|工作要求|组织实施|实施保障|工作保障|有关要求)$/.test(t)) return 'safeguards';
  if (/(实施步骤|进度安排|时间安排|实施阶段|工作步骤|步骤安排|工作安排|时间进度|推进步骤)$/.test(t)) return 'phases';
  return 'work';
}

export const EXCLUDED_REASONS = {
  guidance: '指导思想、原则等总体要求，不是可督办的任务',
  goalsProse: '工作目标表述，未写明由哪个单位负责',
  safeguards: '保障措施，未明确具体责任单位',
  coveredByTable: '附件任务清单已逐项列出，正文同名任务不再重复录入',
  seeAppendix: '正文只写明详见附件，任务以附件清单为准',
  childrenExcluded: '下级条目均未纳入',
} as const;

/** Titles compared without labels, quotes, the 围绕“…”， lead-in and punctuation. */
export function comparableTitle(title: string): string {
  return title
    .replace(/^围绕[“"][^”"]*[”"][，,]?/, '')
    .replace(/^[一二三四五六七八九十]+、|^\d+[.．、]|^[（(][一二三四五六七八九十\d]+[）)]/, '')
    .replace(/[\s“”"'‘’，,。、：:；;（）()]/g, '');
}
