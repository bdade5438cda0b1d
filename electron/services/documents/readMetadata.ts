// 文号, 发文机关, 成文日期 and the plan's title, read from the notice, the plan's first lines and the
// 印发 line at the end.
import { DOC_NUMBER, DATE_LINE } from './joinBrokenLines';
import { readLabel } from './headingLabels';
import type { DocumentParts } from './splitDocument';
import type { DocumentMeta, Line, Span } from './types';

const ORG_END = /(人民政府|政府|办公室|办公厅|局|委员会|委|办|厅|部|中心|领导小组|党组|院)$/;
const TITLE_END =
  /(方案|措施|意见|通知|办法|规划|细则|要点|计划|决定|规定|实施方案|清单|分解|分解表|任务|安排|工作要点|台账)$/;

function isoFromChinese(s: string): string | null {
  const m = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(s);
  if (!m) return null;
  const [, year, month, day] = m.map(Number) as [number, number, number, number];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 ? d.toISOString().slice(0, 10) : null;
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

  const coverDate = parts.cover
    .map((l, i) => ({ l, i }))
    .reverse()
    .find(({ l }) => DATE_LINE.test(l.text));
  if (coverDate) {
    const dateLine = coverDate.l;
    meta.issuedOn = isoFromChinese(dateLine.text);
    spans.issuedOn = spanOf(dateLine);
    const sig = parts.cover[coverDate.i - 1];
    if (sig && ORG_END.test(sig.text) && sig.text.length <= 40) {
      meta.issuer = sig.text;
      spans.issuer = spanOf(sig);
    }
  }
  // After the plan: the signature and date, or "××办公室 2024年4月11日印发".
  const tail = [...parts.body.slice(-3), ...parts.trailer];
  if (!meta.issuedOn) {
    const lastLines = parts.body.slice(-4);
    const at = lastLines.map((l) => DATE_LINE.test(l.text)).lastIndexOf(true);
    const dateLine = lastLines[at];
    if (dateLine) {
      meta.issuedOn = isoFromChinese(dateLine.text);
      spans.issuedOn = spanOf(dateLine);
      // The signature above the date names the issuer of a plan sent without a cover notice.
      const sig = lastLines[at - 1];
      if (!meta.issuer && sig && ORG_END.test(sig.text) && sig.text.length <= 40 && !/[。；，]/.test(sig.text)) {
        meta.issuer = sig.text;
        spans.issuer = spanOf(sig);
      }
    }
  }
  if (!meta.issuer) {
    const printed = tail.find((l) => /^(.{2,30}?)\s*\d{4}年\d{1,2}月\d{1,2}日印发$/.test(l.text));
    const redHeader = head.find((l) => /^(.{2,30}?)文件$/.test(l.text));
    if (redHeader) {
      meta.issuer = redHeader.text.replace(/文件$/, '');
      spans.issuer = spanOf(redHeader, 0, meta.issuer.length);
    } else if (printed) {
      meta.issuer = /^(.{2,30}?)\s*\d{4}年/.exec(printed.text)![1]!;
      spans.issuer = spanOf(printed, 0, meta.issuer.length);
    }
  }

  // The plan's own title: the first short lines of the body before prose or numbering.
  let titleLines = 0;
  const titleParts: Line[] = [];
  for (const line of parts.body) {
    const t = line.text;
    if (readLabel(t) || /[。；]/.test(t) || t.length > 80 || DATE_LINE.test(t)) break;
    if (/^[（(](征求意见稿|试行|草案|送审稿|讨论稿)[）)]$/.test(t) || /^附件\s*\d*\s*[:：]?$/.test(t)) {
      titleLines++;
      continue;
    }
    const previous = titleParts[titleParts.length - 1];
    if (previous && TITLE_END.test(previous.text)) break;
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
    // A title means at least one title part.
    spans.title = { start: titleParts[0]!.start, end: titleParts[titleParts.length - 1]!.end };
  } else {
    titleLines = titleParts.length && !TITLE_END.test(title) ? 0 : titleLines;
    // No title above the plan: the notice names it in 《》.
    const quoted = parts.cover.map((l) => ({ l, m: /《([^》]{4,80})》/.exec(l.text) })).find((x) => x.m);
    const quotedTitle = quoted?.m?.[1];
    if (quoted?.m && quotedTitle !== undefined) {
      meta.title = quotedTitle;
      spans.title = spanOf(quoted.l, quoted.m.index + 1, quotedTitle.length);
    }
  }
  if (!meta.title) {
    // A 任务清单 that opens with its table carries its title in a row across the table.
    const first = parts.bodyTables[0]?.rows[0];
    const text = first?.[0]?.text.trim() ?? '';
    if (
      first?.[0] &&
      text &&
      first.every((c) => c.text.trim() === text || !c.text.trim()) &&
      TITLE_END.test(text) &&
      text.length <= 80
    ) {
      meta.title = text;
      spans.title = first[0].span;
    }
  }
  return { meta, spans, titleLines };
}
