// Text as townships type it: full-width digits and letters (１２３), ％, stray spaces and line breaks.
// Hand-written because the mapping is a fixed Unicode offset no library needs to hide.

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s;
  // One pass without a callback per character: Chinese text has a full-width comma every few words.
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) {
      out += s.slice(from, i) + (c === 0x3000 ? ' ' : String.fromCharCode(c - 0xfee0));
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ％．]/;

/** Only digits, Latin letters, ％ and the decimal point: Chinese punctuation in a sentence stays as typed. */
export function toHalfWidthAlnum(s: string): string {
  // Most cells have none: one regex scan is far cheaper than a replace or a loop over characters.
  if (!FULL_WIDTH_ALNUM.test(s)) return s;
  return s.replace(/[０-９Ａ-Ｚａ-ｚ％．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** White space as String.prototype.trim sees it: text without any is already clean. */
const ANY_SPACE = /\s/;

/** Trimmed, inner runs of white space folded to one space, line breaks kept as one. */
export function cleanCell(s: string): string {
  if (!ANY_SPACE.test(s)) return s;
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u3000\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
    .trim();
}

const DROPPED = /^[\s\p{P}\p{S}]$/u;
const KEEP = 1;
const DROP = 2;
const LOWERS = 4;
/**
 * Per UTF-16 unit, learnt the first time it is seen (0 = not yet): whether normalizeForMatch keeps or
 * drops it, and whether toLowerCase would change it. Text in which nothing lowercases needs neither
 * toLowerCase nor the regexes: one pass of table lookups. Surrogates are not in it: a pair is one
 * code point, and only the regexes judge those.
 */
const unitClass = new Uint8Array(0x10000);

function classOf(c: number): number {
  // c is one UTF-16 unit, so it indexes the 0x10000 entries.
  let k = unitClass[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = unitClass[c] = (DROPPED.test(ch) ? DROP : KEEP) | (ch.toLowerCase() !== ch ? LOWERS : 0);
  }
  return k;
}

/** For comparing work-item text: half-width, no white space, no punctuation or quotes of either width. */
export function normalizeForMatch(s: string): string {
  const kept: string[] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return normalizeSlowly(s);
    const half = (c >= 0xff01 && c <= 0xff5e) || c === 0x3000 ? (c === 0x3000 ? 0x20 : c - 0xfee0) : c;
    const k = classOf(half);
    if (k & LOWERS) return normalizeSlowly(s);
    if (k & DROP || half !== c) {
      if (i > from) kept.push(s.slice(from, i));
      if (!(k & DROP)) kept.push(String.fromCharCode(half));
      from = i + 1;
    }
  }
  if (from === 0) return s;
  kept.push(s.slice(from));
  // join gives one flat string, which the index maps hash and compare faster than a chain of +=.
  return kept.join('');
}

function normalizeSlowly(s: string): string {
  return toHalfWidth(s)
    .toLowerCase()
    .replace(/[\s\u3000]+/g, '')
    .replace(/[\p{P}\p{S}]/gu, '');
}
