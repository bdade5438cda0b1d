// Where the pages of a long table end, decided before the sheet is written: the rows' heights come from
// their text, a page takes rows while they fit, and the sheet gets a manual break at each page end.
// Two rules of a printed appendix shape the breaks: a section banner is never left alone at the bottom
// of a page (it goes over with its first item), and a merged 重点任务 cell is cut at the break, its title
// repeated on the next page with （续）, each part tall enough for its text.
import { MAX_ROW_HEIGHT } from './printLayout';

export interface PlannedRow {
  /** Height its own cells need, in points. */
  height: number;
  /** A section banner: kept with the row after it. */
  banner?: boolean;
  /** Rows of one 重点任务 share a merged cell; null/undefined for rows outside any. */
  group?: number | string | null;
}

export interface Segment {
  /** Index of the first and last row of the merged cell's part on one page. */
  start: number;
  end: number;
  /** The part continues a 重点任务 begun on an earlier page: its title gets （续）. */
  continued: boolean;
}

export interface PagePlan {
  /** Final height of each row (a segment's last row may grow so the merged title fits). */
  heights: number[];
  /** Index of the last row on each page but the last: a manual break after it. */
  breaksAfter: number[];
  segments: Segment[];
  pages: number;
}

/**
 * @param firstCapacity height left on page 1 under the title block and header row
 * @param capacity height of every later page under the repeated header row
 * @param groupNeed height the merged cell of `group` needs (continued: with （续）)
 */
export function planPages(
  rows: PlannedRow[],
  firstCapacity: number,
  capacity: number,
  groupNeed: (group: number | string, continued: boolean) => number = () => 0,
): PagePlan {
  const heights = rows.map((r) => Math.min(r.height, MAX_ROW_HEIGHT));
  const breaksAfter: number[] = [];
  const segments: Segment[] = [];
  let cap = firstCapacity;
  let used = 0;
  let rowsOnPage = 0;
  let open: (Segment & { group: number | string; sum: number }) | null = null;

  const deficit = (seg: { group: number | string; sum: number; continued: boolean }) =>
    Math.max(0, groupNeed(seg.group, seg.continued) - seg.sum);
  const close = () => {
    if (!open) return;
    const d = deficit(open);
    if (d > 0) {
      heights[open.end] = Math.min(MAX_ROW_HEIGHT, (heights[open.end] ?? 0) + d);
      used += d;
    }
    if (open.end > open.start || groupNeed(open.group, open.continued) > 0)
      segments.push({ start: open.start, end: open.end, continued: open.continued });
    open = null;
  };
  /** Height row i adds to the page (with what its merged cell still lacks) if placed now. */
  const cost = (i: number, onNewPage: boolean): number => {
    const row = rows[i];
    const h = heights[i] ?? 0;
    if (!row || row.group == null) return h;
    const joins = !onNewPage && open !== null && open.group === row.group;
    const continued = i > 0 && rows[i - 1]?.group === row.group;
    const sum = (joins && open ? open.sum : 0) + h;
    return h + deficit({ group: row.group, sum, continued: joins && open ? open.continued : continued });
  };

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (open && (row.group == null || (open as { group: number | string }).group !== row.group)) close();
    let need = cost(i, false);
    // A banner goes only where its first item fits under it.
    if (row.banner && i + 1 < rows.length) need += cost(i + 1, true);
    if (rowsOnPage > 0 && used + need > cap) {
      close();
      breaksAfter.push(i - 1);
      cap = capacity;
      used = 0;
      rowsOnPage = 0;
    }
    if (row.group != null) {
      if (open && open.group === row.group) {
        open.sum += heights[i] ?? 0;
        open.end = i;
      } else {
        open = {
          group: row.group,
          start: i,
          end: i,
          sum: heights[i] ?? 0,
          continued: i > 0 && rows[i - 1]?.group === row.group,
        };
      }
    }
    used += heights[i] ?? 0;
    rowsOnPage += 1;
  }
  close();
  return { heights, breaksAfter, segments, pages: breaksAfter.length + 1 };
}
