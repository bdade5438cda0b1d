// Whether a township's return is for the round being imported, from its file name, title rows and fill-in date.
import { addDays, format, getDaysInMonth, parseISO } from 'date-fns';
import type { ProgressRound } from '../../../shared/domain';
import { toHalfWidth } from '../../../shared/normalizeText';

// Does a township's return belong to the round the clerk is importing it into? Townships now and
// then send back last year's file; its name, title rows or fill-in date usually say which period it
// is for. Every pattern below is bounded (no nested or open-ended repetition), and each year in the
// text is read at most once, so the scan is linear in the length of the text.

export interface NamedPeriod {
  /** ISO dates, inclusive. */
  from: string;
  to: string;
  /** The matched text as written, e.g. "2024年二季度" or "２０２４年第二季度". */
  words: string;
}

interface Span {
  from: string;
  to: string;
}

/** Returns are filed after a period ends: a fill-in date up to this many days after it is normal. */
const FILING_GRACE_DAYS = 92;
/** Warnings about the period itself (the suggestion sentence comes on top). */
const MAX_WARNINGS = 3;
const FIRST_YEAR = 1990;
const LAST_YEAR = 2099;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const monthEnd = (y: number, m: number) => iso(y, m, getDaysInMonth(new Date(y, m - 1, 1)));
const shiftDays = (day: string, days: number) => format(addDays(parseISO(day), days), 'yyyy-MM-dd');
const overlaps = (a: Span, b: Span) => a.from <= b.to && b.from <= a.to;

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "6", "06", "六", "十二" → the number; NaN for anything else (a regex group that did not match included). */
function numberOf(s: string | undefined): number {
  if (s === undefined) return NaN;
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  if (s.length === 2 && s[0] === '十') return 10 + (CHINESE_DIGITS[s.charAt(1)] ?? NaN);
  return CHINESE_DIGITS[s] ?? NaN;
}

// ---- Patterns. All run on toHalfWidth(text), which keeps every index (one unit for one unit). ----

const YEAR = '(?<!\\d)(\\d{4})(?!\\d)';
const MONTH = '(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])';
const RANGE_SEP = '(?:[-~〜—–]{1,2}|至|到)';
const MONTH_SUFFIX = '(份|底|末|初|上旬|中旬|下旬)?';

/** "年" after the year digits. */
const NIAN = /\s{0,2}年/y;
/** "2024年底", "2024年末": December. */
const YEAR_END = /[底末]/y;
const DU = /度/y;
const QUARTER = /\s{0,2}第?\s?([一二三四1-4])\s?季度?/y;
const Q_QUARTER = /\s{0,2}[Qq]\s?([1-4])(?!\d)/y;
const FIRST_QUARTERS = /\s{0,2}前\s?([一二两三1-3])\s?个?季度?/y;
const HALF = /\s{0,2}([上下])半年度?/y;
const MONTH_RANGE = new RegExp(
  `\\s{0,2}${MONTH}\\s?(?:月份?)?\\s{0,2}${RANGE_SEP}\\s{0,2}${MONTH}\\s?月${MONTH_SUFFIX}`,
  'y',
);
const SINGLE_MONTH = new RegExp(`\\s{0,2}${MONTH}\\s?月${MONTH_SUFFIX}`, 'y');
/** "2024年1月—2024年6月": the second half of a range that repeats the year. */
const RANGE_TAIL = new RegExp(
  `\\s{0,2}${RANGE_SEP}\\s{0,2}(\\d{4})\\s{0,2}年\\s{0,2}${MONTH}\\s?月${MONTH_SUFFIX}`,
  'y',
);
/** A day after a month: "2024年7月5日" is a date, not the month of July. */
const DAY_AFTER = /\s{0,2}(?:\d{1,2}(?!\d)|[一二三四五六七八九十]{1,3}\s?[日号])/y;
const WHOLE_YEAR = /\s{0,2}全年度?/y;
/** Without 年: "2024Q2", "2024-Q2". */
const BARE_Q = /\s?[-_]?\s?[Qq]([1-4])(?!\d)/y;
/** Without 年: "2026.9", "2026-09", "2026/9" — but not a whole date such as 2026.9.30. */
const BARE_MONTH = /[.\-/](1[0-2]|0?[1-9])(?!\d|[.\-/]\d)/y;
/** "6月底前完成", "2024年前": a deadline, not the period a report covers. */
const DEADLINE_AFTER = /\s?(?:前|以前|之前)/y;

function at(re: RegExp, text: string, index: number): RegExpExecArray | null {
  re.lastIndex = index;
  return re.exec(text);
}

interface Reading extends Span {
  end: number;
}

function quarter(y: number, q: number, end: number): Reading {
  return { from: iso(y, q * 3 - 2, 1), to: monthEnd(y, q * 3), end };
}

function monthsOf(y: number, first: number, last: number, end: number): Reading {
  return { from: iso(y, first, 1), to: monthEnd(y, last), end };
}

/** The longest period reading that starts with the year at text[start, start + 4). */
function readAfterYear(t: string, start: number, y: number): Reading | null {
  const p = start + 4;
  const nian = at(NIAN, t, p);
  if (!nian) {
    const q = at(BARE_Q, t, p);
    if (q) return quarter(y, Number(q[1]), p + q[0].length);
    const m = at(BARE_MONTH, t, p);
    if (m) return monthsOf(y, Number(m[1]), Number(m[1]), p + m[0].length);
    return null;
  }
  let i = p + nian[0].length;
  const yearEnd = at(YEAR_END, t, i);
  if (yearEnd) return monthsOf(y, 12, 12, i + yearEnd[0].length);
  const du = at(DU, t, i);
  if (du) i += du[0].length;

  const q = at(QUARTER, t, i) ?? at(Q_QUARTER, t, i);
  if (q) return quarter(y, numberOf(q[1]), i + q[0].length);
  const firstQuarters = at(FIRST_QUARTERS, t, i);
  if (firstQuarters) {
    const n = numberOf(firstQuarters[1]);
    return monthsOf(y, 1, n * 3, i + firstQuarters[0].length);
  }
  const half = at(HALF, t, i);
  if (half) return half[1] === '上' ? monthsOf(y, 1, 6, i + half[0].length) : monthsOf(y, 7, 12, i + half[0].length);

  const range = at(MONTH_RANGE, t, i);
  if (range) {
    const a = numberOf(range[1]);
    const b = numberOf(range[2]);
    const end = i + range[0].length;
    if (a <= b && !(range[3] === undefined && at(DAY_AFTER, t, end))) return monthsOf(y, a, b, end);
    return null;
  }
  const month = at(SINGLE_MONTH, t, i);
  if (month) {
    const m = numberOf(month[1]);
    const end = i + month[0].length;
    if (month[2] === undefined && at(DAY_AFTER, t, end)) return null;
    const tail = at(RANGE_TAIL, t, end);
    if (tail) {
      const y2 = Number(tail[1]);
      const m2 = numberOf(tail[2]);
      const tailEnd = end + tail[0].length;
      const isDate = tail[3] === undefined && at(DAY_AFTER, t, tailEnd);
      if (!isDate && y2 >= y && y2 <= LAST_YEAR && (y2 > y || m2 >= m)) {
        return { from: iso(y, m, 1), to: monthEnd(y2, m2), end: tailEnd };
      }
    }
    return monthsOf(y, m, m, end);
  }

  const whole = at(WHOLE_YEAR, t, i);
  if (whole) return monthsOf(y, 1, 12, i + whole[0].length);
  if (du) return monthsOf(y, 1, 12, i);
  return null;
}

/**
 * Every period a piece of text names: quarters (2024年第二季度, 2024年二季度, 2024年2季度, 2024年Q2),
 * halves (上半年/下半年), 前三季度, month ranges (2024年1-6月, 2024年1月至6月, 2024年1～6月), single
 * months (2024年6月, 6月底, 6月份, 2026.9), years (2024年度, 2024年全年, 2024年底 = December).
 * Full-width digits work. A bare "2024年", a whole date (2024年7月5日) and a deadline (2024年6月底前)
 * are not periods. Each year starts at most one reading, the longest.
 */
export function periodsIn(text: string): NamedPeriod[] {
  if (typeof text !== 'string' || text === '') return [];
  const t = toHalfWidth(text);
  const out: NamedPeriod[] = [];
  const years = new RegExp(YEAR, 'g');
  let m: RegExpExecArray | null;
  while ((m = years.exec(t)) !== null) {
    const y = Number(m[1]);
    if (y < FIRST_YEAR || y > LAST_YEAR) continue;
    const reading = readAfterYear(t, m.index, y);
    if (!reading) continue;
    years.lastIndex = reading.end;
    if (at(DEADLINE_AFTER, t, reading.end)) continue;
    out.push({ from: reading.from, to: reading.to, words: text.slice(m.index, reading.end) });
  }
  return out;
}

const DATE =
  /(?<!\d)(\d{4})\s{0,2}(?:年\s{0,2}(\d{1,2})\s{0,2}月\s{0,2}(\d{1,2})(?!\d)|([-./])(\d{1,2})\4(\d{1,2})(?!\d))/g;

/** The first date in text: 2024年7月5日, 2024-07-05, 2024.7.5, 2024/7/5 → "2024-07-05"; null if none. */
export function dateIn(text: string): string | null {
  if (typeof text !== 'string' || text === '') return null;
  const t = toHalfWidth(text);
  const re = new RegExp(DATE.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(t)) !== null) {
    const y = Number(m[1]);
    const mo = Number(m[2] ?? m[5]);
    const d = Number(m[3] ?? m[6]);
    if (y < FIRST_YEAR || y > LAST_YEAR || mo < 1 || mo > 12 || d < 1) continue;
    if (d > getDaysInMonth(new Date(y, mo - 1, 1))) continue;
    return iso(y, mo, d);
  }
  return null;
}

/** The round's period: its periodStart/periodEnd when both set, else the first period its name names, else null. */
export function periodOfRound(round: ProgressRound): { from: string; to: string } | null {
  if (!round || typeof round !== 'object') return null;
  const start = typeof round.periodStart === 'string' ? dateIn(round.periodStart) : null;
  const end = typeof round.periodEnd === 'string' ? dateIn(round.periodEnd) : null;
  if (start && end) return start <= end ? { from: start, to: end } : { from: end, to: start };
  const named = periodsIn(typeof round.name === 'string' ? round.name : '')[0];
  return named ? { from: named.from, to: named.to } : null;
}

export interface ReturnPeriodSources {
  fileName: string;
  /** The first few non-empty text cells of the file (title rows, 填报单位 lines), in order. */
  headLines: string[];
  /** 填报时间 / 填报日期 as a date if the file has one (already extracted by the caller, ISO) */
  filledOn: string | null;
}

export interface ReturnPeriodCheck {
  ok: boolean;
  /** Chinese sentences for the clerk, each naming where the period was found (文件名/标题/填报时间) and the chosen round. */
  warnings: string[];
  /** Another round whose period contains what the file names, if exactly one such round exists; else null. */
  suggestedRoundId: number | null;
}

/** A 填报时间 line: its date is the caller's filledOn, not the period the return covers. */
const FILING_LINE = /(?:填报|填表|报送|上报)\s{0,2}(?:时间|日期)|^\s*日\s{0,2}期/;

const baseName = (path: string) => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Warnings for a return whose file name, title rows or fill-in date point to a period other than the
 * chosen round's, and the one other round that fits, if exactly one does. Never throws.
 */
export function checkReturnPeriod(
  sources: ReturnPeriodSources,
  round: ProgressRound,
  rounds: ProgressRound[],
): ReturnPeriodCheck {
  try {
    return check(sources, round, rounds);
  } catch {
    return { ok: true, warnings: [], suggestedRoundId: null };
  }
}

function check(sources: ReturnPeriodSources, round: ProgressRound, rounds: ProgressRound[]): ReturnPeriodCheck {
  const own = periodOfRound(round);
  if (!own) return { ok: true, warnings: [], suggestedRoundId: null };
  const roundName = typeof round.name === 'string' ? round.name : '';

  const named: { where: string; period: NamedPeriod }[] = [];
  const fileName = typeof sources?.fileName === 'string' ? baseName(sources.fileName) : '';
  for (const period of periodsIn(fileName)) named.push({ where: '文件名', period });
  const headLines = Array.isArray(sources?.headLines) ? sources.headLines : [];
  for (const line of headLines) {
    if (typeof line !== 'string' || FILING_LINE.test(line)) continue;
    for (const period of periodsIn(line)) named.push({ where: '标题', period });
  }

  const elsewhere: Span[] = [];
  const periodWarnings: string[] = [];
  const said = new Set<string>();
  for (const { where, period } of named) {
    if (overlaps(period, own)) continue;
    elsewhere.push(period);
    const words = oneLine(period.words);
    const key = `${where}\u0000${words}`;
    if (said.has(key) || periodWarnings.length === MAX_WARNINGS) continue;
    said.add(key);
    periodWarnings.push(
      `${where}写的是“${words}”，与所选轮次“${roundName}”（${own.from} 至 ${own.to}）不符，可能是往期报表。`,
    );
  }

  const filledOn = typeof sources?.filledOn === 'string' ? dateIn(sources.filledOn) : null;
  const filledAmiss = filledOn !== null && (filledOn < own.from || filledOn > shiftDays(own.to, FILING_GRACE_DAYS));
  const warnings = periodWarnings.slice(0, filledAmiss ? MAX_WARNINGS - 1 : MAX_WARNINGS);
  if (filledAmiss) warnings.push(`填报时间为 ${filledOn}，不在所选轮次“${roundName}”的填报时段内，可能是往期报表。`);
  if (warnings.length === 0) return { ok: true, warnings, suggestedRoundId: null };

  // Which other round fits: one overlapping every period the file names elsewhere; failing any such
  // period, one that ended within the grace days before the fill-in date (the period just before it).
  const others = new Map<number, { round: ProgressRound; period: Span }>();
  for (const other of Array.isArray(rounds) ? rounds : []) {
    if (!other || other.id === round.id || others.has(other.id)) continue;
    const period = periodOfRound(other);
    if (period) others.set(other.id, { round: other, period });
  }
  let fits: ProgressRound[] = [];
  if (elsewhere.length > 0) {
    fits = [...others.values()].filter(({ period }) => elsewhere.every((p) => overlaps(p, period))).map((o) => o.round);
  } else if (filledAmiss && filledOn !== null) {
    const earliest = shiftDays(filledOn, -FILING_GRACE_DAYS);
    fits = [...others.values()]
      .filter(({ period }) => period.to <= filledOn && period.to >= earliest)
      .map((o) => o.round);
  }
  const [fit] = fits;
  if (fits.length !== 1 || !fit) return { ok: false, warnings, suggestedRoundId: null };
  warnings.push(`台账中的轮次“${typeof fit.name === 'string' ? fit.name : ''}”与之相符，可改选该轮次。`);
  return { ok: false, warnings, suggestedRoundId: fit.id };
}
