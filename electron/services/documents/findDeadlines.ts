// 完成时限 as plans write them in running prose: 到2025年 / 2025年底前 / 2024年6月底前 (read by the
// shared parseDeadline), and the forms only documents use: 2023年全面启动, 3年内 (counted from the
// document's date), phases 启动阶段（2022年3月—2022年8月）, 每季度开展1次, 常态化. The words are kept.
import type { Deadline } from '../../../shared/domain';
import { parseDeadline } from '../../../shared/parseDeadline';
import { chineseNumber } from './headingLabels';
import type { DeadlineHit } from './types';

const DASH = '[—–\\-－~～至到]+';
const PHASE = new RegExp(
  `(\\d{4})年(\\d{1,2})月(?:(\\d{1,2})日)?\\s*${DASH}\\s*(?:(\\d{4})年)?(\\d{1,2})月(?:(\\d{1,2})日)?(?:底|末)?`,
  'g',
);
const YEAR_RANGE = new RegExp(`(\\d{4})\\s*${DASH}\\s*(\\d{4})年`, 'g');
const DATED =
  /(?:(到|至|于|在|截至|力争|争取)\s*)?(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?(上半年|年中|底|末|年底|年末)?(前|之前|以前)?/g;
const START_YEAR = /^(全面启动|启动|开始实施|起实施|全面推开|全面推行|开展试点)/;
// Starts only where a run of digits starts: tried inside a long run of digits without 年 (a garbled
// line), the run would be read again from every digit.
export const WITHIN =
  /(?<![0-9])([0-9]+)年(?:内|之内|时间内)|(?<![一二三四五六七八九十两])([一二三四五六七八九十两]+)年(?:内|之内|时间内)/g;
const RECURRING =
  /每(月|季度|季|半年|年度|年)(?:至少)?(?:[^，。；;]{0,15}?(?:([0-9]+|[一二两三四五六])次)|(?:[^，。；;]{0,15}?)(?:召开|开展|汇报|报送|组织|通报|调度|督查|督导|考核|评估|评价|巡诊|培训))/g;
const ONGOING = /长期坚持|常态化/g;

function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5);
  return md === '02-29' ? `${y}-02-28` : `${y}-${md}`;
}

function monthEnd(y: number, m: number): string {
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function firstOfMonth(y: number, m: number): string {
  return `${y}-${String(m).padStart(2, '0')}-01`;
}

/**
 * The spans already read as deadlines, so a phrase is read by the first pattern that takes it. Checked
 * by binary search rather than against every span taken: a long text with thousands of dates made
 * that quadratic. Spans taken never overlap; within one pattern's pass they arrive in text order.
 */
class TakenSpans {
  /** Earlier passes' spans, sorted by start; disjoint, so their ends are sorted too. */
  private sorted: [number, number][] = [];
  /** This pass's spans, in text order. */
  private pass: [number, number][] = [];

  take(s: number, e: number): boolean {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      // lo <= mid < hi <= sorted.length.
      if (this.sorted[mid]![0] < e) lo = mid + 1;
      else hi = mid;
    }
    // The last earlier span starting before e is the only one that can reach past s.
    const before = this.sorted[lo - 1];
    if (before && before[1] > s) return false;
    const previous = this.pass[this.pass.length - 1];
    if (previous && previous[1] > s && previous[0] < e) return false;
    this.pass.push([s, e]);
    return true;
  }

  endPass(): void {
    if (!this.pass.length) return;
    const merged: [number, number][] = [];
    let i = 0;
    let j = 0;
    for (let a = this.sorted[i], b = this.pass[j]; a || b; a = this.sorted[i], b = this.pass[j]) {
      if (a && (!b || a[0] < b[0])) {
        merged.push(a);
        i++;
      } else if (b) {
        merged.push(b);
        j++;
      }
    }
    this.sorted = merged;
    this.pass = [];
  }
}

/** Every deadline phrase in `text`; spans are offset by `offset` into the document text. */
export function findDeadlines(
  text: string,
  offset: number,
  opts: { documentDate?: string | null } = {},
): DeadlineHit[] {
  const hits: DeadlineHit[] = [];
  const taken = new TakenSpans();
  const add = (hit: Omit<DeadlineHit, 'span'>, s: number, e: number) => {
    if (!taken.take(s, e)) return;
    hits.push({ ...hit, span: { start: offset + s, end: offset + e } });
  };
  const none = (words: string): Deadline => ({ date: null, recurrence: null, ongoing: false, text: words });

  for (const m of text.matchAll(PHASE)) {
    const y1 = Number(m[1]);
    const y2 = m[4] ? Number(m[4]) : y1;
    // Groups 2 and 5 (the months) are mandatory in PHASE.
    const month1 = m[2]!;
    const month2 = m[5]!;
    const endDay = m[6] ? `${y2}-${month2.padStart(2, '0')}-${m[6].padStart(2, '0')}` : monthEnd(y2, Number(month2));
    const startDay = m[3]
      ? `${y1}-${month1.padStart(2, '0')}-${m[3].padStart(2, '0')}`
      : firstOfMonth(y1, Number(month1));
    add(
      { deadline: { ...none(m[0]), date: endDay }, form: 'phase', startDate: startDay },
      m.index,
      m.index + m[0].length,
    );
  }
  taken.endPass();
  for (const m of text.matchAll(YEAR_RANGE)) {
    add(
      { deadline: { ...none(m[0]), date: `${m[2]}-12-31` }, form: 'phase', startDate: `${m[1]}-01-01` },
      m.index,
      m.index + m[0].length,
    );
  }
  taken.endPass();
  for (const m of text.matchAll(DATED)) {
    const s = m.index;
    const after = text.slice(s + m[0].length);
    const before = text.slice(Math.max(0, s - 1), s);
    // 〔2023〕、（2022版）、2024年第7次会议 are years, not deadlines.
    if (/[〔[［(（]/.test(before) && !m[1]) continue;
    if (/^[*＊×X]/.test(after) || /^第/.test(after) || /^(版|度)/.test(after)) continue;
    if (START_YEAR.test(after)) {
      const words = m[0] + START_YEAR.exec(after)![0];
      add(
        { deadline: { ...none(words), date: `${m[2]}-12-31` }, form: 'start_year', startDate: null },
        s,
        s + words.length,
      );
      continue;
    }
    const marked = Boolean(m[1] || m[5] || m[6]);
    if (!marked) continue;
    const parsed = parseDeadline(m[0]);
    if (parsed.date) add({ deadline: { ...parsed, text: m[0] }, form: 'date', startDate: null }, s, s + m[0].length);
  }
  taken.endPass();
  for (const m of text.matchAll(WITHIN)) {
    // One of the two alternatives matched.
    const years = chineseNumber((m[1] ?? m[2])!);
    if (!years || years > 20) continue;
    const date = opts.documentDate ? addYears(opts.documentDate, years) : null;
    add(
      { deadline: { ...none(m[0]), date }, form: 'within_years', startDate: opts.documentDate ?? null },
      m.index,
      m.index + m[0].length,
    );
  }
  taken.endPass();
  for (const m of text.matchAll(RECURRING)) {
    const parsed = parseDeadline(`每${m[1]}`);
    if (!parsed.recurrence) continue;
    add(
      {
        deadline: { date: null, recurrence: parsed.recurrence, ongoing: false, text: m[0] },
        form: 'recurrence',
        startDate: null,
      },
      m.index,
      m.index + m[0].length,
    );
  }
  taken.endPass();
  for (const m of text.matchAll(ONGOING)) {
    add(
      { deadline: { ...none(m[0]), ongoing: true }, form: 'ongoing', startDate: null },
      m.index,
      m.index + m[0].length,
    );
  }
  return hits.sort((a, b) => a.span.start - b.span.start);
}

/** One deadline for a task: the latest date it names, its first recurrence, ongoing if said so. */
export function summarizeDeadlines(hits: DeadlineHit[]): Deadline {
  const dated = hits.filter((h) => h.deadline.date);
  const latest = dated.reduce<DeadlineHit | null>(
    (best, h) => (!best || h.deadline.date! > best.deadline.date! ? h : best),
    null,
  );
  const recurring = hits.find((h) => h.deadline.recurrence);
  const ongoing = hits.find((h) => h.deadline.ongoing);
  const words = [latest, recurring, ongoing].filter((h): h is DeadlineHit => Boolean(h)).map((h) => h.deadline.text);
  return {
    date: latest?.deadline.date ?? null,
    recurrence: recurring?.deadline.recurrence ?? null,
    ongoing: Boolean(ongoing),
    text: [...new Set(words)].join('；'),
  };
}
