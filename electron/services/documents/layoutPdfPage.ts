// A PDF page is a heap of positioned text runs and drawn lines, not paragraphs and tables. This turns
// one page into lines of text in reading order and its ruled tables into rows of cells, using only
// geometry: runs on one baseline form a line; a table is where vertical rules stand, its columns
// between them and its rows between the horizontal rules (government tables are always ruled; an
// unruled one comes out as lines whose columns are separated by tabs, as text copied from it would).
import type { RawCell } from './types';

/** A run of text as the PDF places it: left edge, baseline, width, font size. */
export interface PdfRun {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A straight rule (a stroked line or a thin filled rectangle): horizontal when y0 === y1. */
export interface PdfRule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfLine {
  kind: 'line';
  /** Baseline; PDF y grows upwards. */
  y: number;
  text: string;
}

export interface PdfTable {
  kind: 'table';
  /** Top edge of the table. */
  y: number;
  /** Left edges of the columns and the table's right edge, so tables on two pages can be matched. */
  columns: number[];
  rows: RawCell[][];
}

export type PdfPageBlock = PdfLine | PdfTable;

/** Distance within which two coordinates are one (rules drawn twice, rounding in the PDF writer). */
const SNAP = 1.5;
/** A rule shorter than this is a tick or an underline's end, not a cell border. */
const MIN_RULE = 8;

/** Interval unions along one coordinate: the rules at one x (or y), merged where they touch. */
interface RuleLine {
  at: number;
  spans: [number, number][];
}

function collect(rules: PdfRule[], horizontal: boolean): RuleLine[] {
  const lines: RuleLine[] = [];
  for (const r of rules) {
    const at = horizontal ? r.y0 : r.x0;
    const a = horizontal ? Math.min(r.x0, r.x1) : Math.min(r.y0, r.y1);
    const b = horizontal ? Math.max(r.x0, r.x1) : Math.max(r.y0, r.y1);
    if (b - a < MIN_RULE) continue;
    let line = lines.find((l) => Math.abs(l.at - at) <= SNAP);
    if (!line) lines.push((line = { at, spans: [] }));
    line.spans.push([a, b]);
  }
  for (const line of lines) {
    line.spans.sort((p, q) => p[0] - q[0]);
    const merged: [number, number][] = [];
    for (const s of line.spans) {
      const last = merged[merged.length - 1];
      if (last && s[0] <= last[1] + SNAP * 2) last[1] = Math.max(last[1], s[1]);
      else merged.push([s[0], s[1]]);
    }
    line.spans = merged;
  }
  return lines.sort((p, q) => p.at - q.at);
}

const covers = (line: RuleLine | undefined, at: number) =>
  Boolean(line?.spans.some(([a, b]) => a - SNAP <= at && at <= b + SNAP));

interface Grid {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Column edges, left to right. */
  xs: number[];
  /** Row edges, top to bottom (descending y). */
  ys: number[];
  vertical: RuleLine[];
  horizontal: RuleLine[];
}

/** Ruled grids: vertical rules that overlap in height make one table; its rows are the horizontal rules across it. */
function findGrids(rules: PdfRule[]): Grid[] {
  const horizontals = collect(
    rules.filter((r) => Math.abs(r.y0 - r.y1) <= 0.5),
    true,
  );
  const verticals = collect(
    rules.filter((r) => Math.abs(r.x0 - r.x1) <= 0.5),
    false,
  );
  // Each vertical segment, grouped with those whose height overlaps it.
  const segments = verticals.flatMap((v) => v.spans.map(([a, b]) => ({ x: v.at, a, b })));
  const groups: { a: number; b: number; xs: number[] }[] = [];
  for (const s of segments.sort((p, q) => q.b - p.b)) {
    const g = groups.find((g) => s.a <= g.b + SNAP && s.b >= g.a - SNAP);
    if (g) {
      g.a = Math.min(g.a, s.a);
      g.b = Math.max(g.b, s.b);
      if (!g.xs.some((x) => Math.abs(x - s.x) <= SNAP)) g.xs.push(s.x);
    } else groups.push({ a: s.a, b: s.b, xs: [s.x] });
  }
  const grids: Grid[] = [];
  for (const g of groups) {
    if (g.xs.length < 2) continue;
    const xs = g.xs.sort((p, q) => p - q);
    // At least two edges, checked above.
    const left = xs[0]!;
    const right = xs[xs.length - 1]!;
    const inside = horizontals.filter(
      (h) => h.at >= g.a - SNAP && h.at <= g.b + SNAP && h.spans.some(([a, b]) => b > left + SNAP && a < right - SNAP),
    );
    const ys = inside.map((h) => h.at).sort((p, q) => q - p);
    const firstY = ys[0];
    if (firstY === undefined || Math.abs(firstY - g.b) > SNAP * 2) ys.unshift(g.b);
    if (Math.abs(ys[ys.length - 1]! - g.a) > SNAP * 2) ys.push(g.a);
    if (ys.length < 2) continue;
    grids.push({
      left,
      right,
      top: g.b,
      bottom: g.a,
      xs,
      ys,
      vertical: verticals.filter((v) => xs.some((x) => Math.abs(x - v.at) <= SNAP)),
      horizontal: inside,
    });
  }
  return grids;
}

/** Runs on one baseline (within a third of the font size), sorted top to bottom, each left to right. */
function groupLines(runs: PdfRun[]): PdfRun[][] {
  const sorted = [...runs].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: PdfRun[][] = [];
  for (const run of sorted) {
    const line = lines[lines.length - 1];
    // Every line starts with the run that opened it.
    const first = line?.[0];
    if (line && first && Math.abs(first.y - run.y) <= Math.max(1, Math.min(first.size, run.size) / 3)) line.push(run);
    else lines.push([run]);
  }
  for (const line of lines) line.sort((p, q) => p.x - q.x);
  return lines;
}

/**
 * A line's text: runs joined with nothing where they touch, a space where a word gap is (the extractor's
 * normalizing drops it between Chinese characters) and a tab where a column gap is.
 */
function lineText(line: PdfRun[]): string {
  let text = '';
  let end = -Infinity;
  for (const run of line) {
    const gap = run.x - end;
    if (text) {
      if (gap > run.size * 2) text += '\t';
      else if (gap > run.size * 0.25 && !/\s$/.test(text) && !/^\s/.test(run.text)) text += ' ';
    }
    text += run.text;
    end = Math.max(end, run.x + run.width);
  }
  return text.replace(/[ \u00a0\u3000]+$/, '').replace(/^[ \u00a0\u3000]+/, '');
}

/**
 * The same text drawn twice at (almost) the same place: fake bold (a run overprinted a hair to the
 * right) and PDF writers that emit a shadow. Kept once, or the task would read twice.
 */
function dropOverprints(runs: PdfRun[]): PdfRun[] {
  const kept: PdfRun[] = [];
  const seen = new Map<string, PdfRun[]>();
  for (const run of runs) {
    const same = seen.get(run.text);
    if (same?.some((r) => Math.abs(r.x - run.x) <= run.size * 0.2 && Math.abs(r.y - run.y) <= run.size * 0.2)) continue;
    if (same) same.push(run);
    else seen.set(run.text, [run]);
    kept.push(run);
  }
  return kept;
}

/** Rough advance of a character relative to the font size: Chinese and full-width ones are square. */
const advance = (ch: string) => (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.5);

/**
 * A run that crosses a column rule split at it. pdf.js joins text drawn close together on one baseline
 * into one run, and cells narrow enough put one cell's end next to the next cell's start; the split
 * point is estimated from character widths, scaled to the run's real width.
 */
function splitAtRules(run: PdfRun, xs: number[]): PdfRun[] {
  const edges = xs.filter((x) => x > run.x + SNAP && x < run.x + run.width - SNAP);
  if (!edges.length) return [run];
  const chars = [...run.text];
  const total = chars.reduce((n, ch) => n + advance(ch), 0) || 1;
  const scale = run.width / total;
  const parts: PdfRun[] = [];
  let side = -1;
  let x = run.x;
  let cursor = run.x;
  let text = '';
  for (const ch of chars) {
    const w = advance(ch) * scale;
    // Which side of the rules the character's middle is on.
    const at = edges.filter((e) => e < cursor + w / 2).length;
    if (text && at !== side) {
      parts.push({ ...run, text, x, width: cursor - x });
      text = '';
      x = cursor;
    }
    side = at;
    text += ch;
    cursor += w;
  }
  if (text) parts.push({ ...run, text, x, width: cursor - x });
  return parts;
}

/**
 * A cell's lines: the PDF broke its text wherever the cell was full, so a line that reaches the
 * cell's right side runs on into the next (县爱卫办、县住建局、县综 / 合执法局 is one list); a shorter
 * line ended where the writer ended it (one unit per line).
 */
interface CellLine {
  text: string;
  right: number;
  size: number;
}

function measureLines(runs: PdfRun[]): CellLine[] {
  return groupLines(runs)
    .map((line) => ({
      text: lineText(line),
      right: Math.max(...line.map((r) => r.x + r.width)),
      size: Math.max(...line.map((r) => r.size)),
    }))
    .filter((l) => l.text);
}

/**
 * A cell's lines: the PDF broke its text wherever the cell was full, so a line that reaches about as
 * far right as the column's longest line runs on into the next (县爱卫办、县住建局、县综 / 合执法局 is
 * one list); a line that stops well short ended where the writer ended it (one unit per line). Where
 * the writer wraps is ragged (it will not end a line with （), hence the margin of a few characters.
 */
function joinWrapped(lines: CellLine[], columnRight: number): string[] {
  const out: string[] = [];
  let joinNext = false;
  for (const line of lines) {
    if (joinNext && out.length) out[out.length - 1] += line.text;
    else out.push(line.text);
    joinNext = line.right >= columnRight - line.size * 2.5;
  }
  return out;
}

function tableOf(grid: Grid, runs: PdfRun[]): PdfTable {
  const cols = grid.xs.length - 1;
  const rowsN = grid.ys.length - 1;
  const cellRuns: PdfRun[][][] = Array.from({ length: rowsN }, () => Array.from({ length: cols }, () => []));
  for (const run of runs.flatMap((r) => splitAtRules(r, grid.xs))) {
    const cx = run.x + run.width / 2;
    const cy = run.y + run.size * 0.3;
    // Edge i + 1 exists for every i below cols (rowsN): there is one more edge than columns (rows).
    let c = grid.xs.findIndex((x, i) => i < cols && cx >= x && cx < grid.xs[i + 1]!);
    let r = grid.ys.findIndex((y, i) => i < rowsN && cy <= y && cy > grid.ys[i + 1]!);
    if (c < 0) c = cx < grid.left ? 0 : cols - 1;
    if (r < 0) r = cy > grid.top ? 0 : rowsN - 1;
    cellRuns[r]![c]!.push(run);
  }
  const measured = cellRuns.map((row) => row.map(measureLines));
  const columnRight = Array.from({ length: cols }, (_, c) =>
    Math.max(-Infinity, ...measured.flatMap((row) => row[c]!.map((l) => l.right))),
  );
  const verticalAt = (x: number) => grid.vertical.find((v) => Math.abs(v.at - x) <= SNAP);
  const horizontalAt = (y: number) => grid.horizontal.find((h) => Math.abs(h.at - y) <= SNAP);
  const origin: { row: number; col: number }[][] = [];
  const rows: RawCell[][] = [];
  // r < rowsN and c < cols index the grid's cells; r + 1 and c + 1 its closing edges.
  for (let r = 0; r < rowsN; r++) {
    const rowOrigin: { row: number; col: number }[] = [];
    origin.push(rowOrigin);
    const row: RawCell[] = [];
    const midY = (grid.ys[r]! + grid.ys[r + 1]!) / 2;
    for (let c = 0; c < cols; c++) {
      const midX = (grid.xs[c]! + grid.xs[c + 1]!) / 2;
      const lines = joinWrapped(measured[r]![c]!, columnRight[c]!);
      // No rule between this cell and its neighbour: one merged cell (colspan, then rowspan).
      const joinsLeft = c > 0 && !covers(verticalAt(grid.xs[c]!), midY) && !lines.length;
      const joinsUp = r > 0 && !covers(horizontalAt(grid.ys[r]!), midX) && !lines.length;
      const from = joinsLeft ? rowOrigin[c - 1] : joinsUp ? origin[r - 1]?.[c] : null;
      rowOrigin.push(from ?? { row: r, col: c });
      row.push(from ? { lines, mergedFrom: { ...from } } : { lines });
    }
    rows.push(row);
  }
  return { kind: 'table', y: grid.top, columns: grid.xs, rows };
}

/** One page's lines and tables, top to bottom. */
export function layoutPdfPage(allRuns: PdfRun[], rules: PdfRule[]): PdfPageBlock[] {
  const runs = dropOverprints(allRuns.filter((r) => r.text.trim() !== ''));
  const grids = findGrids(rules);
  const inGrid = (run: PdfRun) => {
    const cx = run.x + run.width / 2;
    const cy = run.y + run.size * 0.3;
    return grids.findIndex(
      (g) => cx >= g.left - SNAP && cx <= g.right + SNAP && cy <= g.top + SNAP && cy >= g.bottom - SNAP,
    );
  };
  const byGrid = grids.map((grid) => ({ grid, runs: [] as PdfRun[] }));
  const loose: PdfRun[] = [];
  for (const run of runs) {
    const inside = byGrid[inGrid(run)];
    if (inside) inside.runs.push(run);
    else loose.push(run);
  }
  const blocks: PdfPageBlock[] = groupLines(loose).map((line) => ({
    kind: 'line' as const,
    // groupLines never makes an empty line.
    y: line[0]!.y,
    text: lineText(line),
  }));
  for (const { grid, runs: gridRuns } of byGrid) {
    if (gridRuns.length) blocks.push(tableOf(grid, gridRuns));
  }
  return blocks.sort((p, q) => q.y - p.y);
}
