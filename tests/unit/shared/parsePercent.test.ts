// 完成进度 as townships write it, read as a percent.
import { describe, expect, it } from 'vitest';
import { parsePercent } from '../../../shared/parsePercent';

describe('完成进度 as townships write it', () => {
  it('reads 80%, 80％, ８０％ and 80 as 80', () => {
    for (const v of ['80%', '80％', '８０％', '80', 80, ' 80 % ']) expect(parsePercent(v), String(v)).toBe(80);
  });

  it('reads a fraction, typed as a number or as text, as its percent', () => {
    expect(parsePercent(0.8)).toBe(80);
    expect(parsePercent('0.8')).toBe(80);
    expect(parsePercent(0.755)).toBe(75.5);
    expect(parsePercent(1)).toBe(100);
  });

  it('reads text 1 without % as 1 %, as townships who mean 100 % write 100', () => {
    expect(parsePercent('1')).toBe(1);
  });

  it('under a header that says %, takes every number as a percent already', () => {
    expect(parsePercent(1, { numbersArePercent: true })).toBe(1);
    expect(parsePercent(0.8, { numbersArePercent: true })).toBe(0.8);
    expect(parsePercent('0.8', { numbersArePercent: true })).toBe(0.8);
    expect(parsePercent(60, { numbersArePercent: true })).toBe(60);
    expect(parsePercent('80%', { numbersArePercent: true })).toBe(80);
  });

  it('gives nothing for what is not a percent', () => {
    for (const v of [101, -1, '120%', '过半', '约80', NaN, '', null, undefined])
      expect(parsePercent(v), String(v)).toBeNull();
  });
});
