// What counts as a progress report, one definition for the import preview, the import commit, the
// rounds screen, the home page and the 调度通报: a report says something in at least one of its fields,
// and an import only ever writes the fields a township filled in, never blanks over what is there.
import type { ReportFields } from './domain';

export type { ReportFields };

export const REPORT_FIELDS = ['status', 'percent', 'progress', 'problems', 'nextSteps'] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];
export const REPORT_FIELD_LABELS: Record<ReportField, string> = {
  status: '状态',
  percent: '完成进度',
  progress: '完成情况',
  problems: '存在问题',
  nextSteps: '下步打算',
};

export function isFieldFilled(value: string | number | null | undefined): boolean {
  return value !== null && value !== undefined && String(value).trim() !== '';
}

/** The fields that say something. */
export function filledFields(r: Partial<ReportFields>): ReportField[] {
  return REPORT_FIELDS.filter((f) => isFieldFilled(r[f]));
}

/** A report with nothing in it is no report: it never makes a unit 已报送. */
export function isFilledReport(r: Partial<ReportFields>): boolean {
  return filledFields(r).length > 0;
}

/** The same condition in SQL, for a progress_report row aliased as `alias`. */
export function filledReportSql(alias: string): string {
  return `(${alias}.status IS NOT NULL OR ${alias}.percent IS NOT NULL OR trim(${alias}.progress) <> '' OR trim(${alias}.problems) <> '' OR trim(${alias}.next_steps) <> '')`;
}

const same = (a: string | number | null | undefined, b: string | number | null | undefined) =>
  typeof a === 'number' || typeof b === 'number'
    ? Number(a) === Number(b)
    : String(a ?? '').trim() === String(b ?? '').trim();

/**
 * How a township's row stands against the report already in the ledger for the same item, unit and round:
 * - `same`: every field it filled says what the ledger says (nothing to write);
 * - `adds`: it only fills fields the ledger has empty (safe to write);
 * - `differs`: it would replace something the ledger says (the clerk must choose).
 */
export function compareWithExisting(
  row: Partial<ReportFields>,
  existing: Partial<ReportFields> | null | undefined,
): 'same' | 'adds' | 'differs' {
  let adds = false;
  for (const f of filledFields(row)) {
    if (!existing || !isFieldFilled(existing[f])) adds = true;
    else if (!same(row[f], existing[f])) return 'differs';
  }
  return adds ? 'adds' : 'same';
}

/** The existing report with the row's filled fields laid over it. */
export function mergeReport(
  existing: Partial<ReportFields> | null | undefined,
  row: Partial<ReportFields>,
): ReportFields {
  const out: ReportFields = {
    status: existing?.status ?? null,
    percent: existing?.percent ?? null,
    progress: existing?.progress ?? '',
    problems: existing?.problems ?? '',
    nextSteps: existing?.nextSteps ?? '',
  };
  for (const f of filledFields(row))
    (out as unknown as Record<string, unknown>)[f] = typeof row[f] === 'string' ? row[f].trim() : row[f];
  return out;
}

/** Where a report came from, as the clerk says it. */
export function reportSourceLabel(source: string): string {
  return source === 'import' ? '导入' : source === 'phone' ? '电话报送' : source === 'demo' ? '示例数据' : '手工录入';
}

/** 已报送: the units with at least one filled report in the round. */
export function unitsReportedIn(
  reports: readonly (Partial<ReportFields> & { roundId: number; unitId: number })[],
  roundId: number,
): Set<number> {
  const out = new Set<number>();
  for (const r of reports) if (r.roundId === roundId && isFilledReport(r)) out.add(r.unitId);
  return out;
}
