// 目标/指标: the measurable phrases of a task (覆盖率达到50%以上, 不少于2人, 每万常住人口全科医生数
// 达到5人以上). A phrase is one clause between Chinese punctuation marks.
import type { TargetHit } from './types';

const MEASURE = [
  /\d+(?:\.\d+)?\s*%/,
  /百分点/,
  /(不少于|不低于|不超过|不高于|不多于|至少|达到|达|超过|低于|高于|提高至|提高到|提升至|提升到|控制在|增加到|减少到|降至|降低到|配备|建成|创建)\s*\d/,
  /\d+(?:\.\d+)?\s*(?:[-—–~]\s*\d+(?:\.\d+)?)?\s*(人|名|家|所|个|项|次|张|类|种|天|小时|分钟)(以上|以内|左右)/,
  /(基本)?全覆盖|全面达标/,
  /^(所有|全部)[^，。]{2,60}(均|全部)?(达到|设置|建成|实现|配备|提供)/,
];
const NOT_A_TARGET = [/\d\s*万?元/, /〔\d{4}〕/, /\d{4}版/];

export function findTargets(text: string, offset: number): TargetHit[] {
  const hits: TargetHit[] = [];
  const re = /[^，。；;,！？!?\n：:]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const raw = m[0];
    const clause = raw.replace(/《[^》]*》/g, '');
    if (!MEASURE.some((p) => p.test(clause)) || NOT_A_TARGET.some((p) => p.test(clause))) continue;
    // Unit markers and bracketed asides at the clause ends are not part of the goal.
    const lead = raw.length - raw.trimStart().length;
    const phrase = raw.trim().replace(/[（(][^）)]*(责任单位|牵头单位)[^）)]*[）)]?$/, '').trim();
    if (phrase.length < 4) continue;
    hits.push({ text: phrase, span: { start: offset + m.index + lead, end: offset + m.index + lead + phrase.length } });
  }
  return hits;
}
