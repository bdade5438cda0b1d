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
const NOTICE_WORDS = /印发给你们|现印发|现将.{0,80}印发|印发给各|请认真贯彻|请结合实际|请遵照执行|请认真组织实施/;
const TRAILER = /^(抄送|抄报|印送)[:：]|印发$/;

export function splitDocument(doc: DocText): DocumentParts {
  const lines = doc.lines;
  const firstLabel = lines.findIndex((l) => readLabel(l.text)?.style === 'cn');
  const searchEnd = firstLabel < 0 ? Math.min(lines.length, 25) : firstLabel;

  let coverEnd = -1;
  const notice = lines.slice(0, searchEnd).findIndex((l) => NOTICE_WORDS.test(l.text));
  if (notice >= 0) {
    for (let i = notice + 1; i < Math.min(searchEnd, notice + 6); i++) {
      if (DATE_LINE.test(lines[i].text)) {
        coverEnd = i;
        break;
      }
    }
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
    else appendices[appendices.length - 1].lines.push(line);
  }
  const bodyEndOrder = appendices[0]?.heading.order ?? Infinity;
  const bodyStartOrder = body[0]?.order ?? 0;
  const bodyTables = doc.tables.filter((t) => t.order > bodyStartOrder && t.order < bodyEndOrder);
  for (const t of doc.tables) {
    const owner = [...appendices].reverse().find((a) => a.heading.order < t.order);
    if (owner) owner.tables.push(t);
  }
  return { cover, body, bodyTables, appendices, trailer };
}

export { DOC_NUMBER };
