// Where one numbered item says who does it. Documents write it in brackets （责任单位：…）, on lines of
// their own after the item (牵头单位：… / 配合单位：…), as a labelled sentence (责任单位：A、B。), or as a
// sentence of names and role words (由A牵头，B、C配合，D负责落实。 / A牵头；B配合；各乡镇落实。). A
// sentence counts only when all of it reads as units and role words, so prose that mentions a unit
// (县财政局给予补助) is never taken. What was read is cut from the item's content.
import {
  cleanUnitName,
  findUnitMarkers,
  isRuleLine,
  parseUnitList,
  ROLE_LABEL,
  splitNames,
  type RawUnit,
} from './extractUnits';
import { looksLikeUnit } from './guessUnitKind';
import type { Segment } from './splitHeadings';

/** A line that only says when (完成时限：2024年底前): its deadline is read elsewhere, it is not content. */
export const DEADLINE_LABEL =
  /^\s*(完成时限|完成时间|完成期限|时间节点|时限要求|时间要求|时限|进度安排|时间安排)\s*[:：]/;

export interface ItemUnits {
  units: RawUnit[];
  carriesForward: boolean;
  /** Per segment, the [start, end) ranges (relative to the segment) to leave out of the content. */
  cuts: [number, number][][];
}

const ROLE_TAIL =
  /(按职责分别牵头负责|按职责分别牵头|按职责分工牵头|按职责分别负责|按职责分工负责|按职责负责|分别牵头负责|分别牵头|共同牵头|分别负责|按职责牵头|按职责分工抓好落实|按职责分工落实|按职责抓好落实|按职责落实|负责具体落实|负责组织实施|负责落实|具体落实|抓好落实|组织落实|组织实施|具体实施|落实|积极配合|配合实施|配合落实|协助落实|协同推进|配合|协助|协同|参与|协办|技术指导|业务指导|指导|牵头负责|牵头抓总|牵头落实|牵头实施|牵头推进|牵头组织|负总责|牵头|主抓|负责)$/;

/** Whether a whole sentence is a unit clause: every part names only units, and role words say what they do. */
export function isUnitSentence(sentence: string): boolean {
  const s = sentence.trim().replace(/[。.；;]$/, '');
  if (!s || s.length > 200) return false;
  const parts = s.split(/[，,；;]/);
  let roles = 0;
  for (const raw of parts) {
    let part = raw.trim().replace(/^(由|并由|请)/, '');
    if (ROLE_TAIL.test(part)) {
      roles++;
      part = part.replace(ROLE_TAIL, '').replace(ROLE_TAIL, '');
    }
    const names = splitNames(part).map((t) => cleanUnitName(t.name.replace(/[（(](牵头|牵头单位)[）)]$/, '')));
    if (!names.length || !names.every((n) => looksLikeUnit(n))) return false;
  }
  return roles > 0;
}

/** Sentences of a line, split after 。！？ (outside brackets), with their offsets. */
function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if ('（(【[“'.includes(ch)) depth++;
    else if ('）)】]”'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && '。！？'.includes(ch)) {
      out.push({ text: text.slice(start, i + 1), start });
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ text: text.slice(start), start });
  return out;
}

export function findItemUnits(segments: Segment[]): ItemUnits {
  const units: RawUnit[] = [];
  let carriesForward = false;
  const cuts: [number, number][][] = [];
  segments.forEach((seg, si) => {
    const segmentCuts: [number, number][] = [];
    cuts.push(segmentCuts);
    const text = seg.text;
    // A line of its own: 责任单位：… / 完成时限：… / the document's lead rule.
    const label = ROLE_LABEL.exec(text);
    if (label && si > 0) {
      const found = parseUnitList(text, seg.start);
      if (found.length) {
        for (const u of found) units.push(u);
        segmentCuts.push([0, text.length]);
        return;
      }
    }
    if (si > 0 && (DEADLINE_LABEL.test(text) || isRuleLine(text))) {
      segmentCuts.push([0, text.length]);
      return;
    }
    const markers = findUnitMarkers(text);
    for (const marker of markers) {
      for (const unit of parseUnitList(marker.inner, seg.start + marker.innerStart)) units.push(unit);
      carriesForward ||= marker.carriesForward;
      segmentCuts.push([marker.span.start, marker.span.end]);
    }
    const inMarker = (at: number) => markers.some((m) => at >= m.span.start && at < m.span.end);
    const list = sentences(text);
    list.forEach((sentence, i) => {
      // The title sentence of the item is never its unit clause.
      if ((si === 0 && i === 0 && list.length > 1) || inMarker(sentence.start)) return;
      const lead = sentence.text.length - sentence.text.trimStart().length;
      const body = sentence.text.trim();
      const labelled = ROLE_LABEL.test(body);
      if (!labelled && !isUnitSentence(body)) return;
      const found = parseUnitList(body.replace(/[。.]$/, ''), seg.start + sentence.start + lead);
      if (!found.length) return;
      for (const u of found) units.push(u);
      segmentCuts.push([sentence.start, sentence.start + sentence.text.length]);
    });
  });
  return { units, carriesForward, cuts };
}

/** The segment's text without the ranges cut from it. */
export function cutText(text: string, ranges: [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (s < at) continue;
    out += text.slice(at, s);
    at = e;
  }
  return (out + text.slice(at)).replace(/。\s*。/g, '。').trim();
}
