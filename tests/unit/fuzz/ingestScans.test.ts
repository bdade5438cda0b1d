// Scans that replaced regexes (and one bracket walk) over policy-document text, because on a long line
// of the wrong shape each re-read the rest of the line from every position. Each must find what it
// replaced: compared on random text built from the marks and words they look for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closingBrackets } from '../../../electron/services/documents/extractUnits';
import { WITHIN } from '../../../electron/services/documents/findDeadlines';
import { findTargets, withoutTitles, withoutUnitAside } from '../../../electron/services/documents/findTargets';
import { withoutDatedAside } from '../../../electron/services/documents/analyzeDocument';
import { isMarkdownTableRow, stripMarkdown } from '../../../electron/services/documents/readPastedText';

const text = (words: string[], maxLength = 30) =>
  fc.array(fc.constantFrom(...words), { maxLength }).map((w) => w.join(''));
const runs = { numRuns: 3000, seed: 20261201 };
const each = <T>(arb: fc.Arbitrary<T>, check: (value: T) => void) =>
  fc.assert(
    fc.property(arb, (value) => {
      check(value);
    }),
    runs,
  );

const TARGET_WORDS = [
  '《',
  '》',
  '（',
  '）',
  '(',
  ')',
  '责任单位',
  '牵头单位',
  '：',
  '2025',
  '12',
  '1',
  '.',
  '5',
  '%',
  ' ',
  '人',
  '以上',
  '-',
  '~',
  '达到',
  '覆盖率',
  '百分点',
  '，',
  '万元',
  '〔2023〕',
  '版',
  '所有',
  '均',
  '设置',
];

/** findTargets as it was, with the regexes it used, as the oracle. */
function findTargetsByRegex(text: string, offset: number) {
  const MEASURE = [
    /\d+(?:\.\d+)?\s*%/,
    /百分点/,
    /(不少于|不低于|不超过|不高于|不多于|至少|达到|达|超过|低于|高于|提高至|提高到|提升至|提升到|控制在|增加到|减少到|降至|降低到|配备|建成|创建)\s*\d/,
    /\d+(?:\.\d+)?\s*(?:[-—–~]\s*\d+(?:\.\d+)?)?\s*(人|名|家|所|个|项|次|张|类|种|天|小时|分钟)(以上|以内|左右)/,
    /(基本)?全覆盖|全面达标/,
    /^(所有|全部)[^，。]{2,60}(均|全部)?(达到|设置|建成|实现|配备|提供)/,
  ];
  const NOT_A_TARGET = [/\d\s*万?元/, /〔\d{4}〕/, /\d{4}版/];
  const hits = [];
  const re = /[^，。；;,！？!?\n：:]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const clause = raw.replace(/《[^》]*》/g, '');
    if (!MEASURE.some((p) => p.test(clause)) || NOT_A_TARGET.some((p) => p.test(clause))) continue;
    const lead = raw.length - raw.trimStart().length;
    const phrase = raw
      .trim()
      .replace(/[（(][^）)]*(责任单位|牵头单位)[^）)]*[）)]?$/, '')
      .trim();
    if (phrase.length < 4) continue;
    hits.push({ text: phrase, span: { start: offset + m.index + lead, end: offset + m.index + lead + phrase.length } });
  }
  return hits;
}

/** The bracket walk findUnitMarkers made from every opening bracket, as the oracle. */
function matchingClose(text: string, from: number): number {
  const OPEN: Record<string, string> = { '（': '）', '(': '）', '【': '】', '[': ']', '［': ']' };
  const CLOSE: Record<string, string> = { '）': '）', ')': '）', '】': '】', ']': ']', '］': ']' };
  const close = OPEN[text.charAt(from)];
  if (!close) return -1;
  let depth = 0;
  for (let j = from; j < text.length && j < from + 400; j++) {
    if (OPEN[text.charAt(j)] === close) depth++;
    else if (CLOSE[text.charAt(j)] === close) {
      depth--;
      if (depth === 0) return j;
    } else if (text[j] === '\n') return -1;
  }
  return -1;
}

describe('the ingest scans find what the regexes they replaced found', () => {
  it('targets: titles in 《》, a unit aside closing the clause, numbers before % and units', () => {
    each(text(TARGET_WORDS), (t) => {
      expect(withoutTitles(t)).toBe(t.replace(/《[^》]*》/g, ''));
      expect(withoutUnitAside(t)).toBe(t.replace(/[（(][^）)]*(责任单位|牵头单位)[^）)]*[）)]?$/, ''));
      expect(findTargets(t, 3)).toEqual(findTargetsByRegex(t, 3));
    });
  });

  it('a milestone name without its dated aside', () => {
    each(text(['（', '）', '(', ')', '2025', '202', '1', '年', '启动阶段', ' ']), (t) => {
      expect(withoutDatedAside(t)).toBe(t.replace(/[（(][^）)]*\d{4}[^）)]*[）)]/, ''));
    });
  });

  it('"within N years" deadlines', () => {
    each(text(['3', '12', '2025', '三', '两', '十', '年', '内', '之内', '时间内', '，', 'x']), (t) => {
      const before = [...t.matchAll(/([0-9]+|[一二三四五六七八九十两]+)年(?:内|之内|时间内)/g)].map((m) => [
        m.index,
        m[0],
        m[1],
      ]);
      expect([...t.matchAll(WITHIN)].map((m) => [m.index, m[0], m[1] ?? m[2]])).toEqual(before);
    });
  });

  it('where each bracket closes', () => {
    // At the edge of the 400-character reach, and past a line break.
    for (const t of [
      `（${'x'.repeat(398)}）`,
      `（${'x'.repeat(399)}）`,
      `(${'x'.repeat(398)}]`,
      '【a\nb】',
      '（（a）b）',
    ]) {
      expect(Array.from(closingBrackets(t))).toEqual([...t].map((_, i) => matchingClose(t, i)));
    }
    each(
      text(
        [
          '（',
          '）',
          '(',
          ')',
          '【',
          '】',
          '[',
          ']',
          '［',
          '］',
          '\n',
          'x',
          '责任单位：',
          'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        ],
        60,
      ),
      (t) => {
        expect(Array.from(closingBrackets(t))).toEqual([...t].map((_, i) => matchingClose(t, i)));
      },
    );
  });

  it('markdown: bookmarks, closing hashes of a heading, table rows', () => {
    const strip = (line: string) => {
      let out = line.replace(/\[bookmark:[^\]]*\]/gi, '');
      const h = /^\s{0,3}#{1,6}\s+/.exec(out);
      if (h) out = out.slice(h[0].length).replace(/\s+#+\s*$/, '');
      return {
        text: out
          .replace(/^\s*>\s?/, '')
          .replace(/\*\*|__/g, '')
          .replace(/\\([.()[\]*_#\-+!`>|])/g, '$1'),
        heading: Boolean(h),
      };
    };
    each(
      text([
        '#',
        '##',
        ' ',
        '\t',
        '|',
        '||',
        'a',
        '标题',
        '[bookmark:',
        '[BOOKMARK:',
        ']',
        '[',
        '>',
        '**',
        '\\',
        '.',
        '\u2028',
        '-',
      ]),
      (line) => {
        expect(stripMarkdown(line)).toEqual(strip(line));
        expect(isMarkdownTableRow(line)).toBe(/^\s*\|.*\|\s*$/.test(line));
      },
    );
  });
});
