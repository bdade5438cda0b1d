// Text as townships type it: full-width digits and letters (１２３), ％, stray spaces and line breaks.
// Hand-written because the mapping is a fixed Unicode offset no library needs to hide.

export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Only digits, Latin letters, ％ and the decimal point: Chinese punctuation in a sentence stays as typed. */
export function toHalfWidthAlnum(s: string): string {
  return s.replace(/[０-９Ａ-Ｚａ-ｚ％．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Trimmed, inner runs of white space folded to one space, line breaks kept as one. */
export function cleanCell(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u3000\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
    .trim();
}

/** For comparing work-item text: half-width, no white space, no punctuation or quotes of either width. */
export function normalizeForMatch(s: string): string {
  return toHalfWidth(s)
    .toLowerCase()
    .replace(/[\s\u3000]+/g, '')
    .replace(/[\p{P}\p{S}]/gu, '');
}
