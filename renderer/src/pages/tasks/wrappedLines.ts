/**
 * How many lines a wrapped grid cell needs, worked out from character widths instead of laying the cell
 * out. AG Grid's autoHeight lays out every cell it shows, one forced layout each, which was most of the
 * time to open the task list; this counts lines the way the browser breaks Chinese text under
 * `word-break: break-all`: anywhere, except that closing punctuation never starts a line (it takes the
 * character before it along) and opening punctuation never ends one. No library does this for a canvas
 * width table; the rare miss is caught by measuring the rows on screen (see useRowHeights).
 */

/** Characters that may not begin a line (Chinese and Latin closing punctuation). */
const NO_LINE_START = new Set([...'，。、；：？！）」』】》〉”’％%,.;:?!)]}…·']);
/** Characters that may not end a line. */
const NO_LINE_END = new Set([...'（「『【《〈“‘([{']);

export function countWrappedLines(text: string, maxWidth: number, widthOf: (ch: string) => number): number {
  if (maxWidth <= 0) return 1;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines += 1;
    const chars = [...paragraph];
    let x = 0;
    for (const [i, ch] of chars.entries()) {
      const w = widthOf(ch);
      if (x > 0 && x + w > maxWidth) {
        lines += 1;
        // Break before ch; if ch may not start a line, or the character before it may not end one,
        // the character before moves down with it.
        const prev = chars[i - 1];
        x = prev !== undefined && (NO_LINE_START.has(ch) || NO_LINE_END.has(prev)) ? widthOf(prev) : 0;
      }
      x += w;
    }
  }
  return lines;
}

/** A width table for one font, read from a canvas once per character. */
export function canvasCharWidths(font: string): (ch: string) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  const cache = new Map<string, number>();
  if (ctx) ctx.font = font;
  return (ch) => {
    let w = cache.get(ch);
    if (w === undefined) {
      w = ctx ? ctx.measureText(ch).width : 14;
      cache.set(ch, w);
    }
    return w;
  };
}
