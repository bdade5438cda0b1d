import { toHalfWidth } from './normalizeText';

/**
 * 完成进度 as written: 80%, 80％, ８０％, 0.8 or 80. A number cell between 0 and 1 is a fraction
 * (a township that typed 0.8 meant 80 %); a bare number above 1 is already a percent; text "1" without
 * % is read as 1 % — a township that means 100 % writes 100 or 100%. With numbersArePercent (the
 * caller has read the whole column: see analyseReturns) every number is a percent already.
 * Out of range or not a number → null.
 */
export function parsePercent(value: unknown, options: { numbersArePercent?: boolean } = {}): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return null;
    const pct = value <= 1 && !options.numbersArePercent ? value * 100 : value;
    return pct > 100 ? null : Math.round(pct * 100) / 100;
  }
  const text = toHalfWidth(String(value)).replace(/\s+/g, '');
  const m = /^(\d+(?:\.\d+)?)(%)?$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  // "0.8" typed as text (a CSV, a text cell) is the same fraction as the number 0.8.
  if (!m[2] && n < 1 && m[1].includes('.') && !options.numbersArePercent) return Math.round(n * 10000) / 100;
  return n > 100 ? null : n;
}
