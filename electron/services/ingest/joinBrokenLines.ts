// Text pasted from a PDF (and many .docx made from PDFs) breaks sentences at every page or line end.
// A paragraph is glued to the next one unless something says the break is real: sentence-ending
// punctuation, a heading label, a title, a date, a 文号, a roster line.
import { readLabel } from './headingLabels';
import { normalizeLine } from './normalizeLine';
import type { RawBlock } from './types';

const ENDS_SENTENCE = /[。！？；：!?;:）)】\]」』]$/;
const TITLE_END = /(方案|措施|意见|通知|办法|规划|名单|清单|细则|要点|计划|决定|领导小组|文件|（征求意见稿）|（试行）|（草案）)$/;
export const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/;
export const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}[〔[［(（【]\d{4}[〕\]］)）】]\d{1,4}号/;
export const ROSTER_KEY = /^(组长|常务副组长|第一副组长|副组长|成员|成员单位|办公室主任|办公室副主任|主任|副主任|联络员|顾问)[:：]/;
const APPENDIX_LINE = /^附件\s*\d*\s*[:：]?/;
const STARTS_APART = /^(抄送|抄报|印发|主送|联系人|联系电话|附件|注[:：]|备注)/;

function unbalanced(s: string): boolean {
  const count = (re: RegExp) => (s.match(re) ?? []).length;
  return count(/[《]/g) > count(/[》]/g) || count(/[（(]/g) > count(/[）)]/g) || count(/“/g) > count(/”/g);
}

function isStandalone(s: string): boolean {
  return DATE_LINE.test(s) || new RegExp(`^${DOC_NUMBER.source}$`).test(s) || ROSTER_KEY.test(s) || APPENDIX_LINE.test(s) || /^\d{4}年\d{1,2}月\d{1,2}日印发$/.test(s);
}

export function shouldJoin(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (isStandalone(b) || readLabel(b) || STARTS_APART.test(b)) return false;
  if (unbalanced(a)) return true;
  if (ENDS_SENTENCE.test(a) || isStandalone(a)) return false;
  if (TITLE_END.test(a) && a.length < 90) return false;
  const label = readLabel(a);
  // "（一）指导思想" is a whole heading; a labelled line breaks mid-sentence only once it has prose.
  if (label && !a.includes('。') && a.length - label.length < 30) return false;
  return true;
}

/** Normalises every paragraph and cell line, then glues paragraphs broken mid-sentence. */
export function joinBrokenLines(blocks: RawBlock[]): RawBlock[] {
  const out: RawBlock[] = [];
  for (const block of blocks) {
    if (block.kind === 'table') {
      out.push({ kind: 'table', rows: block.rows.map((row) => row.map((cell) => ({ ...cell, lines: joinCellLines(cell.lines.map(normalizeLine).filter(Boolean)) }))) });
      continue;
    }
    const text = normalizeLine(block.text);
    if (!text) continue;
    const prev = out[out.length - 1];
    if (prev?.kind === 'para' && !prev.heading && !block.heading && shouldJoin(prev.text, text)) {
      prev.text += text;
    } else {
      out.push(block.heading ? { kind: 'para', text, heading: true } : { kind: 'para', text });
    }
  }
  return out;
}

/** Inside a cell only headings keep their own line (一、… above 1.…); wrapped prose is glued back. */
function joinCellLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev !== undefined && !readLabel(line) && !readLabel(prev) && !ENDS_SENTENCE.test(prev)) out[out.length - 1] = prev + line;
    else if (prev !== undefined && !readLabel(line) && readLabel(prev) && !ENDS_SENTENCE.test(prev) && prev.includes('。')) out[out.length - 1] = prev + line;
    else out.push(line);
  }
  return out;
}
