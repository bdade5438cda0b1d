// A 印发通知 often wraps the plan: red header, 文号, title "关于印发《…》的通知", addressees, one
// paragraph, issuer and date. Then comes the plan, then 附件 (rosters, task tables).
import { DATE_LINE, DOC_NUMBER } from './joinBrokenLines';
import { readLabel } from './headingLabels';
import type { DocText, Line, TableBlock } from './types';

export interface DocumentParts {
  cover: Line[];
  body: Line[];
  bodyTables: TableBlock[];
  appendices: { heading: Line; lines: Line[]; tables: TableBlock[] }[];
  /** Lines after the plan that belong to neither (抄送, 印发). */
  trailer: Line[];
}

const APPENDIX_START = /^附件\s*\d*\s*[:：]?$/;
const NOTICE_WORDS =
  /印发给你们|现将《|^经.{1,16}同意，|现印发|现将.{0,80}印发|印发给各|请认真贯彻|请结合实际|请遵照执行|请认真组织实施/;
const TRAILER = /^(抄送|抄报|印送)[:：]|印发$/;

export function splitDocument(doc: DocText): DocumentParts {
  const lines = doc.lines;
  const firstLabel = lines.findIndex(
    (l) => readLabel(l.text)?.style === 'cn' || readLabel(l.text)?.style === 'chapter',
  );
  const searchEnd = firstLabel < 0 ? Math.min(lines.length, 25) : firstLabel;

  let coverEnd = -1;
  // The notice may number its own paragraphs (一、提高思想认识…), so the cover ends at the signature's
  // date after the notice paragraph, not before the first 一、.
  const notice = lines.slice(0, Math.max(searchEnd, 25)).findIndex((l) => NOTICE_WORDS.test(l.text));
  if (notice >= 0) {
    const dated = lines.slice(notice + 1, notice + 40).findIndex((l) => DATE_LINE.test(l.text));
    if (dated >= 0) coverEnd = notice + 1 + dated;
    while (coverEnd >= 0 && /^[（(](此件|此文)[^）)]{0,12}[）)]$/.test(lines[coverEnd + 1]?.text ?? '')) coverEnd++;
  }
  const cover = coverEnd >= 0 ? lines.slice(0, coverEnd + 1) : [];
  let rest = lines.slice(coverEnd + 1);
  // A red header with 文号 but no notice paragraph still is not the plan's title.
  const appendixIdx = rest.findIndex((l, i) => APPENDIX_START.test(l.text) && i > 0);
  const bodyAll = appendixIdx >= 0 ? rest.slice(0, appendixIdx) : rest;
  const trailerIdx = bodyAll.findIndex((l) => TRAILER.test(l.text));
  const body = trailerIdx >= 0 ? bodyAll.slice(0, trailerIdx) : bodyAll;
  const trailer = trailerIdx >= 0 ? bodyAll.slice(trailerIdx) : [];
  rest = appendixIdx >= 0 ? rest.slice(appendixIdx) : [];

  const appendices: DocumentParts['appendices'] = [];
  for (const line of rest) {
    if (APPENDIX_START.test(line.text)) appendices.push({ heading: line, lines: [], tables: [] });
    else if (TRAILER.test(line.text)) trailer.push(line);
    // rest opens with an appendix heading, so there is always a last appendix here.
    else appendices[appendices.length - 1]!.lines.push(line);
  }
  const bodyEndOrder = appendices[0]?.heading.order ?? Infinity;
  // A table may open the document (a 任务清单 whose title row is inside it): only the cover comes before the body.
  const coverEndOrder = cover[cover.length - 1]?.order ?? -1;
  const bodyTables = doc.tables.filter((t) => t.order > coverEndOrder && t.order < bodyEndOrder);
  for (const t of doc.tables) {
    const owner = [...appendices].reverse().find((a) => a.heading.order < t.order);
    if (owner) owner.tables.push(t);
  }
  return { cover, body, bodyTables, appendices, trailer };
}

export { DOC_NUMBER };
