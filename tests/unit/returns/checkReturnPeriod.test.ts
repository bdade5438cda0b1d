// A township now and then sends back an old file (last year's second quarter instead of this
// quarter): the import preview says so, and points to the round the file belongs to if there is one.
import { describe, expect, it } from 'vitest';
import {
  checkReturnPeriod,
  dateIn,
  periodOfRound,
  periodsIn,
  type ReturnPeriodSources,
} from '../../../electron/services/returns/checkReturnPeriod';
import type { ProgressRound } from '../../../shared/domain';

function round(
  id: number,
  name: string,
  periodStart: string | null = null,
  periodEnd: string | null = null,
  dueOn: string | null = null,
): ProgressRound {
  return { id, name, periodStart, periodEnd, dueOn, closed: false };
}

const q2of2024 = round(1, '2024年第二季度调度', '2024-04-01', '2024-06-30', '2024-07-10');
const q4of2025 = round(2, '2025年第四季度调度', '2025-10-01', '2025-12-31', '2026-01-10');
const q2of2026 = round(3, '2026年第二季度调度', '2026-04-01', '2026-06-30', '2026-07-10');
const q3of2026 = round(4, '2026年第三季度调度', '2026-07-01', '2026-09-30', '2026-10-10');
/** Dates left empty: the period comes from the name. */
const firstHalfOf2024 = round(5, '2024年上半年工作调度');

const sources = (fileName: string, headLines: string[] = [], filledOn: string | null = null): ReturnPeriodSources => ({
  fileName,
  headLines,
  filledOn,
});

const CHOSEN = '与所选轮次“2026年第三季度调度”（2026-07-01 至 2026-09-30）不符，可能是往期报表。';

describe('periodsIn', () => {
  it.each([
    ['沙溪镇_2024年二季度推进情况.xlsx', '2024-04-01', '2024-06-30', '2024年二季度'],
    ['2024年第二季度重点任务推进情况表', '2024-04-01', '2024-06-30', '2024年第二季度'],
    ['2024年第2季度', '2024-04-01', '2024-06-30', '2024年第2季度'],
    ['2024年2季度', '2024-04-01', '2024-06-30', '2024年2季度'],
    ['2024年Q2推进表', '2024-04-01', '2024-06-30', '2024年Q2'],
    ['附件2：2026年三季度推进情况表', '2026-07-01', '2026-09-30', '2026年三季度'],
    ['２０２４年第二季度重点任务推进情况表', '2024-04-01', '2024-06-30', '２０２４年第二季度'],
    ['2024年度第四季度', '2024-10-01', '2024-12-31', '2024年度第四季度'],
    ['城南乡2024年上半年卫生健康重点工作推进情况.xlsx', '2024-01-01', '2024-06-30', '2024年上半年'],
    ['2025年下半年', '2025-07-01', '2025-12-31', '2025年下半年'],
    ['2024年前三季度工作总结', '2024-01-01', '2024-09-30', '2024年前三季度'],
    ['2024年1-6月推进情况', '2024-01-01', '2024-06-30', '2024年1-6月'],
    ['2024年1月至6月', '2024-01-01', '2024-06-30', '2024年1月至6月'],
    ['2024年1～6月', '2024-01-01', '2024-06-30', '2024年1～6月'],
    ['2024年一至六月', '2024-01-01', '2024-06-30', '2024年一至六月'],
    ['2024年1月—2024年6月', '2024-01-01', '2024-06-30', '2024年1月—2024年6月'],
    ['2023年10月-2024年3月', '2023-10-01', '2024-03-31', '2023年10月-2024年3月'],
    ['2024年6月', '2024-06-01', '2024-06-30', '2024年6月'],
    ['2024年2月份', '2024-02-01', '2024-02-29', '2024年2月份'],
    ['截至2026年9月底', '2026-09-01', '2026-09-30', '2026年9月底'],
    ['回山镇（2026.9）.xlsx', '2026-09-01', '2026-09-30', '2026.9'],
    ['回山镇（２０２６．９）.xlsx', '2026-09-01', '2026-09-30', '２０２６．９'],
    ['2024年度重点工作', '2024-01-01', '2024-12-31', '2024年度'],
    ['2024年全年工作', '2024-01-01', '2024-12-31', '2024年全年'],
  ])('%s', (text, from, to, words) => {
    expect(periodsIn(text)).toEqual([{ from, to, words }]);
  });

  it.each([
    ['a bare year', '2024年卫生健康重点工作推进情况表'],
    ['a whole date', '填报时间：2024年7月5日'],
    ['an ISO date', '2024-07-05'],
    ['a dotted date', '回山镇2026.9.30'],
    ['a deadline', '计划完成时间（2026年12月底前）'],
    ['no year at all', '1-9月推进情况'],
    ['a longer number', '文号120246月'],
    ['nothing', ''],
  ])('finds no period in %s', (_, text) => {
    expect(periodsIn(text)).toEqual([]);
  });

  it('finds every period in a line, each once', () => {
    expect(periodsIn('2024年第二季度及2024年7月推进情况')).toEqual([
      { from: '2024-04-01', to: '2024-06-30', words: '2024年第二季度' },
      { from: '2024-07-01', to: '2024-07-31', words: '2024年7月' },
    ]);
  });

  it('never throws on non-text', () => {
    expect(periodsIn(null as unknown as string)).toEqual([]);
    expect(periodsIn(42 as unknown as string)).toEqual([]);
  });
});

describe('dateIn', () => {
  it.each([
    ['填报时间：2024年7月5日', '2024-07-05'],
    ['2024-07-05', '2024-07-05'],
    ['2024.7.5', '2024-07-05'],
    ['填报日期：2024/7/5', '2024-07-05'],
    ['２０２４年７月５日', '2024-07-05'],
    ['2024年2月30日 2024年3月1日', '2024-03-01'],
    ['2024年7月', null],
    ['2024.7', null],
    ['沙溪镇推进情况', null],
  ])('%s → %s', (text, date) => {
    expect(dateIn(text)).toBe(date);
  });
});

describe('periodOfRound', () => {
  it('uses the dates when both are set', () => {
    expect(periodOfRound(round(9, '2024年第二季度调度', '2026-07-01', '2026-09-30'))).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
    });
  });
  it('falls back to the name when a date is missing', () => {
    expect(periodOfRound(round(9, '2026年第三季度调度', '2026-07-01', null))).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
    });
    expect(periodOfRound(firstHalfOf2024)).toEqual({ from: '2024-01-01', to: '2024-06-30' });
  });
  it('is null when neither says', () => {
    expect(periodOfRound(round(9, '第三轮调度'))).toBeNull();
  });
});

describe('checkReturnPeriod', () => {
  const ledger = [q2of2024, q4of2025, q2of2026, q3of2026];

  it('warns about an old file named in the file name and the title, and suggests its round', () => {
    const check = checkReturnPeriod(
      sources(
        '沙溪镇_2024年二季度推进情况.xlsx',
        ['2024年第二季度重点任务推进情况表', '填报单位：沙溪镇人民政府'],
        null,
      ),
      q3of2026,
      ledger,
    );
    expect(check).toEqual({
      ok: false,
      warnings: [
        `文件名写的是“2024年二季度”，${CHOSEN}`,
        `标题写的是“2024年第二季度”，${CHOSEN}`,
        '台账中的轮次“2024年第二季度调度”与之相符，可改选该轮次。',
      ],
      suggestedRoundId: 1,
    });
  });

  it('suggests nothing when two rounds fit', () => {
    const check = checkReturnPeriod(sources('沙溪镇_2024年二季度推进情况.xlsx'), q3of2026, [
      ...ledger,
      firstHalfOf2024,
    ]);
    expect(check).toEqual({ ok: false, warnings: [`文件名写的是“2024年二季度”，${CHOSEN}`], suggestedRoundId: null });
  });

  it('suggests nothing when no round fits', () => {
    const check = checkReturnPeriod(sources('城南乡2024年上半年卫生健康重点工作推进情况.xlsx'), q3of2026, [
      q2of2026,
      q3of2026,
      q4of2025,
    ]);
    expect(check).toEqual({ ok: false, warnings: [`文件名写的是“2024年上半年”，${CHOSEN}`], suggestedRoundId: null });
  });

  it('suggests a round whose period is only in its name', () => {
    const check = checkReturnPeriod(sources('城南乡2024年上半年卫生健康重点工作推进情况.xlsx'), q3of2026, [
      q2of2026,
      q3of2026,
      firstHalfOf2024,
    ]);
    expect(check.suggestedRoundId).toBe(5);
    expect(check.warnings[1]).toBe('台账中的轮次“2024年上半年工作调度”与之相符，可改选该轮次。');
  });

  it('keeps full-width words as the township typed them', () => {
    const check = checkReturnPeriod(sources('沙溪镇.xlsx', ['２０２４年第二季度重点任务推进情况表']), q3of2026, [
      q3of2026,
    ]);
    expect(check).toEqual({
      ok: false,
      warnings: [`标题写的是“２０２４年第二季度”，${CHOSEN}`],
      suggestedRoundId: null,
    });
  });

  it('accepts this quarter named every way a township writes it', () => {
    const check = checkReturnPeriod(
      sources(
        '回山镇（2026.9）.xlsx',
        ['附件2：2026年三季度推进情况表', '截至2026年9月底', '填报单位：回山镇'],
        '2026-10-08',
      ),
      q3of2026,
      ledger,
    );
    expect(check).toEqual({ ok: true, warnings: [], suggestedRoundId: null });
    expect(checkReturnPeriod(sources('沙溪镇2026年第三季度推进情况.xlsx'), q3of2026, ledger).ok).toBe(true);
  });

  it('accepts a file with no period at all', () => {
    expect(
      checkReturnPeriod(
        sources('沙溪镇推进情况表.xlsx', ['重点任务推进情况表', '填报单位：沙溪镇人民政府（盖章）']),
        q3of2026,
        ledger,
      ),
    ).toEqual({
      ok: true,
      warnings: [],
      suggestedRoundId: null,
    });
  });

  it('accepts periods that overlap the round (a year, a half, a month range)', () => {
    expect(checkReturnPeriod(sources('2026年度卫生健康重点工作推进情况.xlsx'), q3of2026, ledger).ok).toBe(true);
    expect(
      checkReturnPeriod(sources('沙溪镇2026年下半年.xlsx', ['2026年1-9月重点任务推进情况表']), q3of2026, ledger).ok,
    ).toBe(true);
    expect(checkReturnPeriod(sources('2024年上半年推进情况.xlsx'), q2of2024, ledger).ok).toBe(true);
  });

  it('warns about the old period even when the file also names the right one', () => {
    const check = checkReturnPeriod(
      sources('沙溪镇2026年三季度推进情况.xlsx', ['2024年第二季度重点任务推进情况表']),
      q3of2026,
      ledger,
    );
    expect(check).toEqual({
      ok: false,
      warnings: [`标题写的是“2024年第二季度”，${CHOSEN}`, '台账中的轮次“2024年第二季度调度”与之相符，可改选该轮次。'],
      suggestedRoundId: 1,
    });
  });

  it('ignores deadlines, 填报时间 lines and the folder a file sits in', () => {
    const check = checkReturnPeriod(
      sources('D:\\收文\\2024年二季度\\沙溪镇推进情况.xlsx', ['填报时间：2024年7月', '计划完成时间（2026年12月底前）']),
      q3of2026,
      ledger,
    );
    expect(check).toEqual({ ok: true, warnings: [], suggestedRoundId: null });
  });

  it('says each source and words once', () => {
    const check = checkReturnPeriod(
      sources('2024年二季度.xlsx', ['2024年第二季度重点任务推进情况表', '2024年第二季度重点任务推进情况表']),
      q3of2026,
      [q3of2026],
    );
    expect(check.warnings).toEqual([`文件名写的是“2024年二季度”，${CHOSEN}`, `标题写的是“2024年第二季度”，${CHOSEN}`]);
  });

  it('gives at most three warnings, the fill-in date among them, then the suggestion', () => {
    const check = checkReturnPeriod(
      sources(
        '沙溪镇_2024年二季度推进情况.xlsx',
        ['2024年第二季度重点任务推进情况表', '2024年1-6月工作完成情况', '截至2024年6月底'],
        '2024-07-05',
      ),
      q3of2026,
      ledger,
    );
    expect(check).toEqual({
      ok: false,
      warnings: [
        `文件名写的是“2024年二季度”，${CHOSEN}`,
        `标题写的是“2024年第二季度”，${CHOSEN}`,
        '填报时间为 2024-07-05，不在所选轮次“2026年第三季度调度”的填报时段内，可能是往期报表。',
        '台账中的轮次“2024年第二季度调度”与之相符，可改选该轮次。',
      ],
      suggestedRoundId: 1,
    });
  });

  describe('fill-in date', () => {
    const filled = (filledOn: string) =>
      checkReturnPeriod(sources('沙溪镇推进情况表.xlsx', [], filledOn), q3of2026, ledger);

    it('is normal from the period start to 92 days after its end', () => {
      expect(filled('2026-07-01').ok).toBe(true);
      expect(filled('2026-10-10').ok).toBe(true);
      expect(filled('2026-12-31').ok).toBe(true);
    });

    it('is suspicious before the period or later than that', () => {
      expect(filled('2026-06-30')).toEqual({
        ok: false,
        warnings: [
          '填报时间为 2026-06-30，不在所选轮次“2026年第三季度调度”的填报时段内，可能是往期报表。',
          '台账中的轮次“2026年第二季度调度”与之相符，可改选该轮次。',
        ],
        suggestedRoundId: 3,
      });
      expect(filled('2027-01-01')).toEqual({
        ok: false,
        warnings: ['填报时间为 2027-01-01，不在所选轮次“2026年第三季度调度”的填报时段内，可能是往期报表。'],
        suggestedRoundId: null,
      });
    });

    it('suggests the round that ended shortly before it, only if just one did', () => {
      expect(filled('2024-07-05').suggestedRoundId).toBe(1);
      expect(filled('2026-01-08').suggestedRoundId).toBe(2);
      expect(
        checkReturnPeriod(sources('沙溪镇.xlsx', [], '2024-07-05'), q3of2026, [...ledger, firstHalfOf2024])
          .suggestedRoundId,
      ).toBeNull();
      expect(filled('2025-03-01').suggestedRoundId).toBeNull();
    });

    it('reads a date written the township way', () => {
      expect(filled('2024年7月5日').warnings[0]).toBe(
        '填报时间为 2024-07-05，不在所选轮次“2026年第三季度调度”的填报时段内，可能是往期报表。',
      );
    });
  });

  it('takes the round period from the name when the dates are empty', () => {
    const byName = round(4, '2026年第三季度调度');
    expect(checkReturnPeriod(sources('2024年二季度.xlsx'), byName, [byName]).warnings).toEqual([
      `文件名写的是“2024年二季度”，${CHOSEN}`,
    ]);
  });

  it('says nothing when the chosen round has no period', () => {
    expect(
      checkReturnPeriod(sources('沙溪镇_2024年二季度推进情况.xlsx', [], '2020-01-01'), round(8, '第三轮调度'), ledger),
    ).toEqual({
      ok: true,
      warnings: [],
      suggestedRoundId: null,
    });
  });

  it('never throws on broken input', () => {
    const broken = [
      [null, q3of2026, ledger],
      [{ fileName: null, headLines: null, filledOn: 12 }, q3of2026, null],
      [sources('2024年二季度.xlsx', [null as unknown as string]), q3of2026, [null, undefined]],
      [sources('2024年二季度.xlsx'), null, ledger],
      [sources('x.xlsx', [], 'not a date'), q3of2026, ledger],
    ] as unknown as [ReturnPeriodSources, ProgressRound, ProgressRound[]][];
    for (const [s, r, rs] of broken) expect(() => checkReturnPeriod(s, r, rs)).not.toThrow();
    expect(checkReturnPeriod(...broken[2]!).warnings).toEqual([`文件名写的是“2024年二季度”，${CHOSEN}`]);
  });

  // No timing assertion (speed belongs to the bench): a quadratic reading would hang past the test's timeout.
  it('reads long, hostile text to the end without hanging', () => {
    const hostile = [
      '2024年'.repeat(40_000),
      '２０２４年第'.repeat(40_000),
      '2024年1月至'.repeat(30_000),
      '2024-'.repeat(50_000),
      '2024.7.'.repeat(40_000),
      '1'.repeat(250_000),
      ' '.repeat(250_000) + '2024年',
      '2024年1-6月'.repeat(30_000),
    ];
    for (const text of hostile) {
      periodsIn(text);
      dateIn(text);
      checkReturnPeriod(sources(text, [text], text), q3of2026, ledger);
    }
    expect(periodsIn('2024年1-6月'.repeat(30_000))).toHaveLength(30_000);
  });
});
