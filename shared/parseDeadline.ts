// 完成时限 as clerks and documents write it. Hand-written because no date library reads Chinese
// period words (年底前, 季度末, 每半年); date-fns-style arithmetic is done with Date.UTC to avoid
// the UTC+8 day shift.
import type { Deadline, Recurrence } from './domain';

const ONGOING = /长期坚持|常态化|持续推进|长期/;
const RECURRING: [RegExp, Recurrence][] = [
  [/每月|按月/, 'monthly'],
  [/每季度?|按季度?|季度末/, 'quarterly'],
  [/每半年|半年度?/, 'half_yearly'],
  [/每年|年度/, 'yearly'],
];

function toHalf(s: string): string {
  return s
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/／/g, '/')
    .replace(/－/g, '-');
}

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return date.toISOString().slice(0, 10);
}

function monthEnd(y: number, m: number): string | null {
  if (m < 1 || m > 12) return null;
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function periodEnd(recurrence: Recurrence, reference: string): string {
  const y = Number(reference.slice(0, 4));
  const m = Number(reference.slice(5, 7));
  const endMonth = { monthly: m, quarterly: Math.ceil(m / 3) * 3, half_yearly: m <= 6 ? 6 : 12, yearly: 12 }[
    recurrence
  ];
  return monthEnd(y, endMonth)!;
}

export function parseDeadline(text: string, opts: { referenceDate?: string } = {}): Deadline {
  const original = (text ?? '').trim();
  const s = toHalf(original).replace(/\s+/g, '');
  const none: Deadline = { date: null, recurrence: null, ongoing: false, text: original };
  if (!s) return none;
  const ref = opts.referenceDate;
  const refYear = ref ? Number(ref.slice(0, 4)) : null;

  if (ONGOING.test(s)) return { ...none, ongoing: true };
  for (const [re, recurrence] of RECURRING) {
    if (re.test(s))
      return {
        ...none,
        recurrence,
        date: ref && recurrence !== 'yearly' ? periodEnd(recurrence, ref) : ref ? periodEnd('yearly', ref) : null,
      };
  }

  let m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?(前|之前)?$/.exec(s);
  if (m) return { ...none, date: iso(Number(m[1]), Number(m[2]), Number(m[3])) };
  m = /(\d{4})年(\d{1,2})月(底|末|份|前)?/.exec(s);
  if (m) return { ...none, date: monthEnd(Number(m[1]), Number(m[2])) };
  m = /^(\d{4})[-./](\d{1,2})$/.exec(s);
  if (m) return { ...none, date: monthEnd(Number(m[1]), Number(m[2])) };
  m = /(\d{4})年(上半年|年中)/.exec(s);
  if (m) return { ...none, date: iso(Number(m[1]), 6, 30) };
  m = /(\d{4})年(底|末|年底|年末|前|内|)/.exec(s);
  if (m) return { ...none, date: iso(Number(m[1]), 12, 31) };
  m = /^(\d{1,2})月(底|末|份|前)?/.exec(s);
  if (m && refYear) return { ...none, date: monthEnd(refYear, Number(m[1])) };
  if (/^(年底|年末|年内|今年)/.test(s) && refYear) return { ...none, date: iso(refYear, 12, 31) };
  if (/^(上半年|年中)/.test(s) && refYear) return { ...none, date: iso(refYear, 6, 30) };
  return none;
}
