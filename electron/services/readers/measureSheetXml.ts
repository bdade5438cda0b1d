// How far a worksheet reaches, read from its XML before exceljs builds it: exceljs makes an object
// for every row up to the last one named and every cell of every merged range, so one cell at
// XFD1048576 in an 8.5 KB file exhausted memory, and a styled row 1,048,576 took 30 s and 3 GB
// before the row count could be looked at.

export interface SheetExtent {
  /** The extent the sheet declares (<dimension ref>), if any. */
  declaredRows: number;
  declaredColumns: number;
  /** The furthest row and column any row, cell or merged range names (rows without r count on). */
  rows: number;
  columns: number;
  /** Cells covered by merged ranges, all together. */
  mergedCells: number;
}

/** "XFD1048576" → [1048576, 16384]; a bare column or row reads as 0 for the missing part. */
function parseRef(ref: string): [number, number] {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/.exec(ref.trim());
  if (!m) return [0, 0];
  // Both groups always take part, if only as empty strings.
  const [, letters = '', digits = ''] = m;
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [digits ? Number(digits) : 0, col];
}

/** Both corners of "A1:XFD1048576" (or one cell). */
function parseRange(ref: string): { from: [number, number]; to: [number, number] } {
  const [a = '', b = a] = ref.split(':');
  return { from: parseRef(a), to: parseRef(b) };
}

// Tags with or without a namespace prefix (<x:row>), read by one linear pass: [^>]* cannot backtrack.
const TAG = /<(?:[A-Za-z_][\w.-]*:)?(dimension|row|c|mergeCell)\b([^>]*)>/g;
const REF_ATTR = /\br="([^"]*)"/;
const RANGE_ATTR = /\bref="([^"]*)"/;

export function measureSheetXml(xml: string): SheetExtent {
  const extent: SheetExtent = { declaredRows: 0, declaredColumns: 0, rows: 0, columns: 0, mergedCells: 0 };
  let row = 0;
  let col = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const [, tag, attrs = ''] = m;
    if (tag === 'row') {
      const r = REF_ATTR.exec(attrs);
      row = r ? Number(r[1]) || row + 1 : row + 1;
      col = 0;
      extent.rows = Math.max(extent.rows, row);
    } else if (tag === 'c') {
      const r = REF_ATTR.exec(attrs);
      const [cellRow, cellCol] = r ? parseRef(r[1] ?? '') : [0, 0];
      col = cellCol || col + 1;
      extent.columns = Math.max(extent.columns, col);
      extent.rows = Math.max(extent.rows, cellRow);
    } else {
      const ref = RANGE_ATTR.exec(attrs);
      if (!ref) continue;
      const { from, to } = parseRange(ref[1] ?? '');
      if (tag === 'dimension') {
        extent.declaredRows = to[0];
        extent.declaredColumns = to[1];
      } else {
        extent.rows = Math.max(extent.rows, from[0], to[0]);
        extent.columns = Math.max(extent.columns, from[1], to[1]);
        extent.mergedCells += (Math.abs(to[0] - from[0]) + 1) * (Math.abs(to[1] - from[1]) + 1);
      }
    }
  }
  return extent;
}
