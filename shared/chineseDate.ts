// Dates as official documents print them: 二〇二六年十二月一日 (年 digits one by one with 〇, month and
// day as Chinese numbers), and the Arabic form 2026年12月1日 for tables.

const DIGITS = '〇一二三四五六七八九';

function chineseNumber(n: number): string {
  if (n <= 10) return n === 10 ? '十' : (DIGITS[n] ?? '');
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (DIGITS[tens] ?? '')}十${ones ? (DIGITS[ones] ?? '') : ''}`;
}

function parts(iso: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** 2026-12-01 → 二〇二六年十二月一日; anything else is returned as given. */
export function formatChineseDate(iso: string): string {
  const p = parts(iso);
  if (!p) return iso;
  const [y, m, d] = p;
  const year = String(y)
    .split('')
    .map((c) => DIGITS[Number(c)] ?? c)
    .join('');
  return `${year}年${chineseNumber(m)}月${chineseNumber(d)}日`;
}

/** 2026-12-01 → 2026年12月1日. */
export function formatArabicChineseDate(iso: string): string {
  const p = parts(iso);
  return p ? `${p[0]}年${p[1]}月${p[2]}日` : iso;
}
