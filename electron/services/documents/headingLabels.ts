// The numbering labels of Chinese official documents (党政机关公文格式 GB/T 9704): 一、 （一） 1. （1） ①.
// Real documents mix ASCII and full-width brackets and dots, and add a space after the label.

export type LabelStyle = 'chapter' | 'cn' | 'cnParen' | 'article' | 'num' | 'numParen' | 'circled';

const CN_NUM = '[一二三四五六七八九十百零〇]+';
const PATTERNS: [LabelStyle, RegExp][] = [
  // 若干措施 and 办法 number chapters and articles: 第一章　总则 / 第三条　…
  ['chapter', new RegExp(`^(第${CN_NUM}[章节编])\\s*`)],
  ['article', new RegExp(`^(第(?:${CN_NUM}|\\d{1,3})条)\\s*`)],
  ['cn', new RegExp(`^(${CN_NUM}[、，.．])\\s*`)],
  ['cnParen', new RegExp(`^([（(]${CN_NUM}[）)])\\s*`)],
  ['num', /^(\d{1,3}(?:[、．]|\.(?!\d)))\s*/],
  ['numParen', /^([（(]\d{1,3}[）)])\s*/],
  ['circled', /^([①-⑳])\s*/],
];

export interface Label {
  style: LabelStyle;
  /** As printed, without trailing space: "（一）", "1.", "(七)". */
  label: string;
  /** Length of the label with the spaces after it. */
  length: number;
  value: number;
}

export function readLabel(line: string): Label | null {
  for (const [style, re] of PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    // "2024年…" and "5.12护士节" are not labels: a label is followed by text, not by more digits.
    const rest = line.slice(m[0].length);
    if (!rest || (style === 'num' && /^[\d年月日]/.test(rest))) continue;
    // Every label pattern captures the label in group 1.
    const label = m[1]!;
    return { style, label, length: m[0].length, value: labelValue(label) };
  }
  return null;
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

export function chineseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let current = 0;
  for (const ch of s) {
    const digit = CN_DIGITS[ch];
    if (digit !== undefined) current = digit;
    else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    }
  }
  return total + current;
}

function labelValue(label: string): number {
  const circled = label.codePointAt(0)! - 0x2460;
  if (circled >= 0 && circled < 20) return circled + 1;
  const core = label.replace(/[（()）、，.．第章节编条]/g, '');
  return chineseNumber(core);
}
