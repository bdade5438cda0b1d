// Text pasted from a PDF (and many .docx made from PDFs) breaks sentences at every page or line end.
// A paragraph is glued to the next one unless something says the break is real: sentence-ending
// punctuation, a heading label, a title, a date, a 文号, a roster line.
import { readLabel } from './headingLabels';
import { normalizeLine } from './normalizeLine';
import { cleanUnitName, ROLE_LABEL, splitNames } from './extractUnits';
import { looksLikeUnit } from './guessUnitKind';
import { DEADLINE_LABEL } from './findItemUnits';
import type { RawBlock, RawParagraph } from './types';

const ENDS_SENTENCE = /[。！？；：!?;:）)】\]」』]$/;
const TITLE_END =
  /(方案|措施|意见|通知|办法|规划|名单|清单|分解|分解表|任务|台账|细则|要点|计划|决定|领导小组|文件|（征求意见稿）|（试行）|（草案）)$/;
export const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/;
export const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}[〔[［(（【]\d{4}[〕\]］)）】]\d{1,4}号/;
export const ROSTER_KEY =
  /^(组长|常务副组长|第一副组长|副组长|成员|成员单位|办公室主任|办公室副主任|主任|副主任|联络员|顾问)[:：]/;
const APPENDIX_LINE = /^附件\s*\d*\s*[:：]?/;
const STARTS_APART = /^(抄送|抄报|印发|主送|联系人|联系电话|附件|注[:：]|备注)/;

const DOC_NUMBER_LINE = new RegExp(`^${DOC_NUMBER.source}$`);

/** 责任单位：… / 配合单位：… / 完成时限：… lines under an item: each is its own line, even after a line without 。. */
function isFieldLine(s: string): boolean {
  return ROLE_LABEL.test(s) || DEADLINE_LABEL.test(s);
}

function isStandalone(s: string): boolean {
  return (
    DATE_LINE.test(s) ||
    DOC_NUMBER_LINE.test(s) ||
    ROSTER_KEY.test(s) ||
    APPENDIX_LINE.test(s) ||
    /^\d{4}年\d{1,2}月\d{1,2}日印发$/.test(s)
  );
}

/** Characters a numbering label is made of (一、 （一） 1. （1） ①, and the spaces after it). */
const LABEL_CHAR = /[一二三四五六七八九十百零〇（()）、，.．\d①-⑳\s]/;
/** What is kept of a paragraph's start: more than any line isStandalone or TITLE_END can match whole. */
const HEAD = 128;
/** A label run longer than this is not a label of a real document; its start is read as far as this. */
const LEAD_LIMIT = 256;

/**
 * A paragraph being glued from broken lines, with what shouldJoin asks of it kept up to date as lines
 * arrive: asking the grown string itself re-read all of it at every line (V8 flattens a string built
 * by + before a regex reads it), so 200,000 broken lines took minutes. Everything shouldJoin needs is
 * at the paragraph's start (label, standalone lines, short titles), at its end, or a running count.
 */
class Paragraph {
  private pieces: string[];
  length = 0;
  /** The first HEAD characters: the whole paragraph while it is short. */
  head = '';
  /** The leading run of label characters and the character after it, which decide readLabel. */
  private lead = '';
  private leadDone = false;
  last = '';
  /** 《 minus 》, （( minus ）), “ minus ”: the paragraph is open while any is above zero. */
  private open: [number, number, number] = [0, 0, 0];
  fullStop = false;

  constructor(first: string) {
    this.pieces = [];
    this.add(first);
  }

  add(piece: string): void {
    this.pieces.push(piece);
    this.length += piece.length;
    if (this.head.length < HEAD) this.head += piece.slice(0, HEAD - this.head.length);
    for (let i = 0; !this.leadDone && i < piece.length; i++) {
      const ch = piece.charAt(i);
      this.lead += ch;
      if (!LABEL_CHAR.test(ch) || this.lead.length >= LEAD_LIMIT) this.leadDone = true;
    }
    this.last = piece.charAt(piece.length - 1);
    for (const ch of piece) {
      if (ch === '《') this.open[0]++;
      else if (ch === '》') this.open[0]--;
      else if (ch === '（' || ch === '(') this.open[1]++;
      else if (ch === '）' || ch === ')') this.open[1]--;
      else if (ch === '“') this.open[2]++;
      else if (ch === '”') this.open[2]--;
      else if (ch === '。') this.fullStop = true;
    }
  }

  get unbalanced(): boolean {
    return this.open[0] > 0 || this.open[1] > 0 || this.open[2] > 0;
  }

  /** readLabel of the whole paragraph: a label and the test of what follows it lie within `lead`. */
  label(): ReturnType<typeof readLabel> {
    return readLabel(this.leadDone && this.lead.length < this.length ? this.lead : this.text());
  }

  text(): string {
    const whole = this.pieces.join('');
    if (this.pieces.length > 1) this.pieces = [whole];
    return whole;
  }
}

function joinsNext(a: Paragraph, b: string): boolean {
  if (!a.length || !b) return false;
  if (isStandalone(b) || readLabel(b) || STARTS_APART.test(b) || isFieldLine(b)) return false;
  if (a.unbalanced) return true;
  // Past HEAD characters only the prefix tests of isStandalone (附件, roster keys) can match, and they read the head.
  if (ENDS_SENTENCE.test(a.last) || isStandalone(a.head)) return false;
  if (a.length < 90 && TITLE_END.test(a.head)) return false;
  const label = a.label();
  // "（一）指导思想" is a whole heading; a labelled line breaks mid-sentence only once it has prose.
  if (label && !a.fullStop && a.length - label.length < 30) return false;
  return true;
}

export function shouldJoin(a: string, b: string): boolean {
  return joinsNext(new Paragraph(a), b);
}

/** Normalizes every paragraph and cell line, then glues paragraphs broken mid-sentence. */
export function joinBrokenLines(blocks: RawBlock[]): RawBlock[] {
  const out: RawBlock[] = [];
  // The last paragraph of `out` while it may still grow; its text is written when it is done.
  let open: { block: RawParagraph; glued: Paragraph } | null = null;
  const close = () => {
    if (open) open.block.text = open.glued.text();
    open = null;
  };
  for (const block of blocks) {
    if (block.kind === 'table') {
      close();
      out.push({
        kind: 'table',
        rows: block.rows.map((row) =>
          row.map((cell) => ({ ...cell, lines: joinCellLines(cell.lines.map(normalizeLine).filter(Boolean)) })),
        ),
      });
      continue;
    }
    const text = normalizeLine(block.text);
    if (!text) continue;
    if (open && !open.block.heading && !block.heading && joinsNext(open.glued, text)) {
      open.glued.add(text);
      continue;
    }
    close();
    const para: RawParagraph = block.heading ? { kind: 'para', text, heading: true } : { kind: 'para', text };
    out.push(para);
    open = { block: para, glued: new Paragraph(text) };
  }
  close();
  return out;
}

/** A cell line that is only unit names (one unit per line in a 责任单位 cell): never glued to the next. */
function looksLikeUnitLine(line: string): boolean {
  const names = splitNames(line);
  return names.length > 0 && names.every((n) => looksLikeUnit(cleanUnitName(n.name)));
}

/** Inside a cell only headings keep their own line (一、… above 1.…); wrapped prose is glued back. */
function joinCellLines(lines: string[]): string[] {
  const out: string[] = [];
  let prev: Paragraph | null = null;
  for (const line of lines) {
    const labelled = readLabel(line);
    if (
      prev &&
      !labelled &&
      !isFieldLine(line) &&
      !(looksLikeUnitLine(line) && looksLikeUnitLine(prev.head)) &&
      !ENDS_SENTENCE.test(prev.last) &&
      (!prev.label() || prev.fullStop)
    )
      prev.add(line);
    else {
      if (prev) out.push(prev.text());
      prev = new Paragraph(line);
    }
  }
  if (prev) out.push(prev.text());
  return out;
}
