import { toHalfWidth } from './normalizeText';

/**
 * 完成进度 as written: 80%, 80％, ８０％, 0.8 or 80. A number cell between 0 and 1 is a fraction
 * (Excel stores 80% as 0.8); a bare number above 1 is already a percent; text "1" without % is read as
 * 1 % — a township that means 100 % writes 100 or 100%. Out of range or not a number → null.
 */
export function parsePercent(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return null;
    const pct = value <= 1 ? value * 100 : value;
    return pct > 100 ? null : Math.round(pct * 100) / 100;
  }
  const text = toHalfWidth(String(value)).replace(/\s+/g, '');
  const m = /^(\d+(?:\.\d+)?)(%)?$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  return n > 100 ? null : n;
}
