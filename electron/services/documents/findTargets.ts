// 目标/指标: the measurable phrases of a task (覆盖率达到50%以上, 不少于2人, 每万常住人口全科医生数
// 达到5人以上). A phrase is one clause between Chinese punctuation marks.
import type { TargetHit } from './types';

// Only tested, never read: a number's last digit starts a match whenever its first does, so \d stands
// where \d+ stood. \d+ made each digit of a long run of digits re-read the rest of it (quadratic).
const MEASURE = [
  /\d(?:\.\d+)?\s*%/,
  /百分点/,
  /(不少于|不低于|不超过|不高于|不多于|至少|达到|达|超过|低于|高于|提高至|提高到|提升至|提升到|控制在|增加到|减少到|降至|降低到|配备|建成|创建)\s*\d/,
  /\d(?:\.\d+)?\s*(?:[-—–~]\s*\d+(?:\.\d+)?)?\s*(人|名|家|所|个|项|次|张|类|种|天|小时|分钟)(以上|以内|左右)/,
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
    const clause = withoutTitles(raw);
    if (!MEASURE.some((p) => p.test(clause)) || NOT_A_TARGET.some((p) => p.test(clause))) continue;
    // Unit markers and bracketed asides at the clause ends are not part of the goal.
    const lead = raw.length - raw.trimStart().length;
    const phrase = withoutUnitAside(raw.trim()).trim();
    if (phrase.length < 4) continue;
    hits.push({ text: phrase, span: { start: offset + m.index + lead, end: offset + m.index + lead + phrase.length } });
  }
  return hits;
}

// Two replacements read by scans: as regexes, each 《 or （ of a long run without its closing mark
// re-read the rest of the clause.

/** raw.replace(/《[^》]*》/g, ''): document titles out of a clause, each up to the next 》. */
export function withoutTitles(raw: string): string {
  let at = raw.indexOf('《');
  if (at < 0) return raw;
  let out = '';
  let from = 0;
  while (at >= 0) {
    const close = raw.indexOf('》', at + 1);
    // Without a 》 after it, no 《 further on has one either.
    if (close < 0) break;
    out += raw.slice(from, at);
    from = close + 1;
    at = raw.indexOf('《', from);
  }
  return out + raw.slice(from);
}

const UNIT_KEY = /责任单位|牵头单位/g;

/**
 * s.replace(/[（(][^）)]*(责任单位|牵头单位)[^）)]*[）)]?$/, ''): a bracketed unit marker closing the
 * clause. It starts at the first bracket after the last closing bracket (a closing bracket may only end
 * the clause) with 责任单位 or 牵头单位 after it.
 */
export function withoutUnitAside(s: string): string {
  const isClose = (ch: string) => ch === '）' || ch === ')';
  const end = s.length && isClose(s.charAt(s.length - 1)) ? s.length - 1 : s.length;
  let lastClose = -1;
  for (let i = end - 1; i >= 0; i--) {
    if (isClose(s.charAt(i))) {
      lastClose = i;
      break;
    }
  }
  let lastKey = -1;
  UNIT_KEY.lastIndex = lastClose + 1;
  for (let m = UNIT_KEY.exec(s); m && m.index + m[0].length <= end; m = UNIT_KEY.exec(s)) lastKey = m.index;
  if (lastKey < 0) return s;
  for (let p = lastClose + 1; p < lastKey; p++) if (s[p] === '（' || s[p] === '(') return s.slice(0, p);
  return s;
}
