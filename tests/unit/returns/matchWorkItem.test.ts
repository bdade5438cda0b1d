// The indexed work-item matcher ranks exactly as the plain one; text normalization's fast paths agree with the rules.
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { buildMatchIndex, narrowMatchIndex, rankCandidates } from '../../../electron/services/returns/matchWorkItem';
import { cleanCell, normalizeForMatch, toHalfWidth, toHalfWidthAlnum } from '../../../shared/normalizeText';

// The matcher as first written, plainly: string grams in sets, a map of tallies, full sorts. The
// indexed matcher must rank exactly as this does, ties included, or a row could match another task.
function referenceRanker(list: { id: number; content: string }[]) {
  const grams = (s: string) => {
    const out = new Set<string>();
    for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
    return out;
  };
  const items = list.map(({ id, content }) => {
    const key = normalizeForMatch(content);
    return { id, content, key, grams: grams(key) };
  });
  const exact = new Map<string, typeof items>();
  const postings = new Map<string, number[]>();
  items.forEach((item, i) => {
    exact.set(item.key, [...(exact.get(item.key) ?? []), item]);
    for (const g of item.grams) postings.set(g, [...(postings.get(g) ?? []), i]);
  });
  const cap = Math.max(50, Math.ceil(items.length / 20));
  const indexed = new Map([...postings].filter(([, list]) => list.length <= cap));
  return (text: string, keep = 3) => {
    const key = normalizeForMatch(text);
    if (key.length < 4) return [];
    const q = grams(key);
    let rough = exact.get(key);
    if (!rough) {
      const counts = new Map<number, number>();
      for (const g of q) for (const i of indexed.get(g) ?? []) counts.set(i, (counts.get(i) ?? 0) + 1);
      rough =
        counts.size === 0 && items.length <= 2000
          ? items
          : [...counts]
              .sort((a, b) => b[1] - a[1])
              .slice(0, 24)
              .map(([i]) => items[i]!);
    }
    return rough
      .map((item) => {
        let shared = 0;
        for (const g of q) if (item.grams.has(g)) shared += 1;
        return { item, dice: (2 * shared) / Math.max(1, q.size + item.grams.size) };
      })
      .sort((a, b) => b.dice - a.dice)
      .slice(0, 8)
      .map(({ item, dice }) => {
        const longer = Math.max(key.length, item.key.length);
        const shorter = Math.min(key.length, item.key.length);
        const edit = 1 - distance(key, item.key) / longer;
        const coverage = 0.8 + 0.2 * (shorter / longer);
        const contained = item.key.includes(key) || key.includes(item.key) ? coverage : 0;
        const [short, long] = key.length <= item.key.length ? [key, item.key] : [item.key, key];
        const opening =
          short.length >= 12 ? (1 - distance(short, long.slice(0, short.length)) / short.length) * coverage : 0;
        return {
          taskId: item.id,
          content: item.content,
          score: Math.round(Math.max(edit, contained, opening, dice * 0.95) * 1000) / 1000,
        };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, keep);
  };
}

function seeded(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

describe('indexed work-item matching', () => {
  it("ranks exactly as the plain matcher does, for the whole list and for a township's share of it", () => {
    const rnd = seeded(20261123);
    // Few distinct characters: many items share grams and tie on tallies, dice and scores.
    const alphabet = '卫生健康医疗服务网络乡镇村推进落实，。、（）ＡＢ１２ab 3';
    const word = (n: number, from = alphabet) =>
      Array.from({ length: n }, () => from[Math.floor(rnd() * from.length)]).join('');
    let compared = 0;
    for (const size of [8, 60, 400, 2100]) {
      for (let round = 0; round < 3; round++) {
        const from = alphabet.slice(0, 6 + Math.floor(rnd() * (alphabet.length - 6)));
        const list = Array.from({ length: size }, (_, i) => ({
          id: 1000 + i,
          content: word(4 + Math.floor(rnd() * 40), from),
        }));
        const whole = buildMatchIndex(list);
        const places = list.map((_, i) => i).filter(() => rnd() < 0.3);
        const cases = [
          { index: whole, reference: referenceRanker(list) },
          { index: narrowMatchIndex(whole, places), reference: referenceRanker(places.map((i) => list[i]!)) },
        ];
        for (let q = 0; q < 60; q++) {
          const base = list[Math.floor(rnd() * size)]!.content;
          const text =
            rnd() < 0.6
              ? base.slice(0, Math.max(1, Math.floor(base.length * rnd()))) + word(Math.floor(rnd() * 4), from)
              : word(2 + Math.floor(rnd() * 40), from);
          for (const { index, reference } of cases) {
            expect(rankCandidates(text, index, 8)).toEqual(reference(text, 8));
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBe(4 * 3 * 60 * 2);
  });
});

describe('text normalization fast paths', () => {
  const plain = {
    toHalfWidth: (s: string) =>
      s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' '),
    toHalfWidthAlnum: (s: string) =>
      s.replace(/[０-９Ａ-Ｚａ-ｚ％．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)),
    cleanCell: (s: string) =>
      s
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((line) => line.replace(/[ \t\u3000\u00a0]+/g, ' ').trim())
        .filter(Boolean)
        .join('\n')
        .trim(),
    normalizeForMatch: (s: string) =>
      plain
        .toHalfWidth(s)
        .toLowerCase()
        .replace(/[\s\u3000]+/g, '')
        .replace(/[\p{P}\p{S}]/gu, ''),
  };

  it('agree with the plain regex definitions for every UTF-16 unit and for mixed text', () => {
    const samples: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      samples.push(ch, `a${ch}Σ${ch} `);
    }
    const rnd = seeded(7);
    const pieces = [
      'a',
      'Ａ',
      'Σ',
      'İ',
      ' ',
      '\u3000',
      '\n',
      '\r',
      '，',
      '。',
      '\ud83d',
      '\ude00',
      '😀',
      '卫',
      '１',
      '％',
      '\u00a0',
      '\ufeff',
      '-',
      'ß',
    ];
    for (let k = 0; k < 20000; k++)
      samples.push(
        Array.from({ length: Math.floor(rnd() * 10) }, () => pieces[Math.floor(rnd() * pieces.length)]).join(''),
      );
    const differing = samples.filter(
      (s) =>
        toHalfWidth(s) !== plain.toHalfWidth(s) ||
        toHalfWidthAlnum(s) !== plain.toHalfWidthAlnum(s) ||
        cleanCell(s) !== plain.cleanCell(s) ||
        normalizeForMatch(s) !== plain.normalizeForMatch(s),
    );
    expect(differing).toEqual([]);
  });
});
