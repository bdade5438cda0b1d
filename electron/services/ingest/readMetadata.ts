// 文号, 发文机关, 成文日期 and the plan's title, read from the notice, the plan's first lines and the
// 印发 line at the end.
import { DOC_NUMBER, DATE_LINE } from './joinBrokenLines';
import { readLabel } from './headingLabels';
import type { DocumentParts } from './splitDocument';
import type { DocumentMeta, Line, Span } from './types';

const ORG_END = /(人民政府|政府|办公室|办公厅|局|委员会|委|办|厅|部|中心|领导小组|党组|院)$/;
const TITLE_END = /(方案|措施|意见|通知|办法|规划|细则|要点|计划|决定|规定|实施方案)$/;

function isoFromChinese(s: string): string | null {
  const m = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(s);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 ? d.toISOString().slice(0, 10) : null;
}

function spanOf(line: Line, from = 0, len = line.text.length - from): Span {
  return { start: line.start + from, end: line.start + from + len };
}

export interface MetaResult {
  meta: DocumentMeta;
  spans: Partial<Record<keyof DocumentMeta, Span>>;
  /** Body lines that make up the plan's title (not tasks, not preamble). */
  titleLines: number;
}

export function readMetadata(parts: DocumentParts): MetaResult {
  const meta: DocumentMeta = { title: '', docNumber: '', issuer: '', issuedOn: null };
  const spans: MetaResult['spans'] = {};
  const head = parts.cover.length ? parts.cover : parts.body.slice(0, 6);

  const numberLine = head.find((l) => l.text.length <= 40 && DOC_NUMBER.test(l.text) && !/[《》]/.test(l.text));
  if (numberLine) {
    const m = DOC_NUMBER.exec(numberLine.text)!;
    meta.docNumber = m[0].replace(/[[［(（【]/, '〔').replace(/[\]］)）】]/, '〕');
    spans.docNumber = spanOf(numberLine, m.index, m[0].length);
  }

  if (parts.cover.length) {
    const dateLine = parts.cover[parts.cover.length - 1];
    meta.issuedOn = isoFromChinese(dateLine.text);
    spans.issuedOn = spanOf(dateLine);
    const sig = parts.cover[parts.cover.length - 2];
    if (sig && ORG_END.test(sig.text) && sig.text.length <= 40) {
      meta.issuer = sig.text;
      spans.issuer = spanOf(sig);
    }
  }
  // After the plan: the signature and date, or "××办公室 2024年4月11日印发".
  const tail = [...parts.body.slice(-3), ...parts.trailer];
  if (!meta.issuedOn) {
    const dateLine = [...parts.body.slice(-3)].reverse().find((l) => DATE_LINE.test(l.text));
    if (dateLine) {
      meta.issuedOn = isoFromChinese(dateLine.text);
      spans.issuedOn = spanOf(dateLine);
    }
  }
  if (!meta.issuer) {
    const printed = tail.find((l) => /^(.{2,30}?)\s*\d{4}年\d{1,2}月\d{1,2}日印发$/.test(l.text));
    const redHeader = head.find((l) => /^(.{2,30}?)文件$/.test(l.text));
    if (redHeader) {
      meta.issuer = redHeader.text.replace(/文件$/, '');
      spans.issuer = spanOf(redHeader, 0, meta.issuer.length);
    } else if (printed) {
      meta.issuer = /^(.{2,30}?)\s*\d{4}年/.exec(printed.text)![1];
      spans.issuer = spanOf(printed, 0, meta.issuer.length);
    }
  }

  // The plan's own title: the first short lines of the body before prose or numbering.
  let titleLines = 0;
  const titleParts: Line[] = [];
  for (const line of parts.body) {
    const t = line.text;
    if (readLabel(t) || /[。；]/.test(t) || t.length > 80 || DATE_LINE.test(t)) break;
    if (/^[（(](征求意见稿|试行|草案|送审稿|讨论稿)[）)]$/.test(t)) {
      titleLines++;
      continue;
    }
    if (titleParts.length && TITLE_END.test(titleParts[titleParts.length - 1].text)) break;
    if (numberLine === line || /文件$/.test(t)) {
      titleLines++;
      continue;
    }
    titleParts.push(line);
    titleLines++;
  }
  const title = titleParts.map((l) => l.text).join('');
  if (title && TITLE_END.test(title)) {
    meta.title = title.replace(/^关于印发《(.+)》的通知$/, '$1');
    spans.title = { start: titleParts[0].start, end: titleParts[titleParts.length - 1].end };
  } else {
    titleLines = titleParts.length && !TITLE_END.test(title) ? 0 : titleLines;
    // No title above the plan: the notice names it in 《》.
    const quoted = parts.cover.map((l) => ({ l, m: /《([^》]{4,80})》/.exec(l.text) })).find((x) => x.m);
    if (quoted?.m) {
      meta.title = quoted.m[1];
      spans.title = spanOf(quoted.l, quoted.m.index + 1, quoted.m[1].length);
    }
  }
  return { meta, spans, titleLines };
}
