// 完成进度 as townships write it (80%, ８０％, 0.8, 80), read as a percent.
import { toHalfWidth } from './normalizeText';

/**
 * 完成进度 as written: 80%, 80％, ８０％, 0.8 or 80. A number cell between 0 and 1 is a fraction
 * (a township that typed 0.8 meant 80 %); a bare number above 1 is already a percent; text "1" without
 * % is read as 1 % — a township that means 100 % writes 100 or 100%. With numbersArePercent (the
 * caller has read the whole column: see analyzeReturns) every number is a percent already.
 * Out of range or not a number → null.
 */
export function parsePercent(value: unknown, options: { numbersArePercent?: boolean } = {}): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return null;
    const pct = value <= 1 && !options.numbersArePercent ? value * 100 : value;
    return pct > 100 ? null : Math.round(pct * 100) / 100;
  }
  // A Date, a boolean or an object never reads as a percent.
  if (typeof value !== 'string') return null;
  const text = toHalfWidth(value).replace(/\s+/g, '');
  const m = /^(\d+(?:\.\d+)?)(%)?$/.exec(text);
  if (!m) return null;
  const [, digits = '', percentSign] = m;
  const n = Number(digits);
  // "0.8" typed as text (a CSV, a text cell) is the same fraction as the number 0.8.
  if (!percentSign && n < 1 && digits.includes('.') && !options.numbersArePercent) return Math.round(n * 10000) / 100;
  return n > 100 ? null : n;
}
