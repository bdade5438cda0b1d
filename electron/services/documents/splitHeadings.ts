// The numbered body of a plan as a tree. Levels are not fixed: each label style (一、（一）1.（1）①)
// becomes one level deeper the first time it appears under another, so 一、→1. and 一、→（一）→1.
// both read right. The first sentence of a numbered paragraph is its title, the rest its content.
import { readLabel, type Label } from './headingLabels';
import type { Line, Span } from './types';

export interface Segment {
  text: string;
  start: number;
}

export interface HeadingNode {
  label: Label;
  number: string;
  title: string;
  titleSpan: Span;
  /** Text after the label on the first line, then every unlabelled line up to the next heading. */
  segments: Segment[];
  span: Span;
  depth: number;
  parent: HeadingNode | null;
  children: HeadingNode[];
}

const BODY_END =
  /^附件\s*\d*\s*[:：]|^本(方案|措施|意见|办法|通知|规划|细则)自.{0,30}(施行|执行)|^本(方案|措施|意见|办法).{0,10}由.{0,30}负责解释/;

export function splitHeadings(lines: Line[]): { roots: HeadingNode[]; preamble: Line[] } {
  const roots: HeadingNode[] = [];
  const preamble: Line[] = [];
  const stack: HeadingNode[] = [];
  for (const line of lines) {
    if (BODY_END.test(line.text)) {
      if (/^附件/.test(line.text)) break;
      continue;
    }
    const label = readLabel(line.text);
    if (!label) {
      const current = stack[stack.length - 1];
      if (current) {
        current.segments.push({ text: line.text, start: line.start });
        current.span.end = line.end;
      } else preamble.push(line);
      continue;
    }
    const same = stack.findIndex((n) => n.label.style === label.style);
    if (same >= 0) stack.length = same;
    const parent = stack[stack.length - 1] ?? null;
    const afterLabel = line.text.slice(label.length);
    const node: HeadingNode = {
      label,
      number: label.label,
      title: '',
      titleSpan: { start: 0, end: 0 },
      segments: [{ text: afterLabel, start: line.start + label.length }],
      span: { start: line.start, end: line.end },
      depth: stack.length,
      parent,
      children: [],
    };
    const t = splitTitle(afterLabel);
    node.title = t.title;
    node.titleSpan = { start: line.start + label.length, end: line.start + label.length + t.title.length };
    (parent ? parent.children : roots).push(node);
    stack.push(node);
    for (let p: HeadingNode | null = parent; p; p = p.parent) p.span.end = Math.max(p.span.end, line.end);
  }
  return { roots, preamble };
}

/** "提高思想认识。各医疗卫生单位要…" → title 提高思想认识; "嘎查村卫生室：每千…" → title 嘎查村卫生室. */
export function splitTitle(text: string): { title: string; rest: string } {
  const stop = firstSentenceEnd(text);
  // An item written as one long sentence (1.深入推广三明医改经验，制定…，年底前完成。) has no title of its
  // own: its first clause names it and the whole sentence is its content.
  const sentenceEnd = stop < 0 ? text.length : stop;
  if (sentenceEnd > TITLE_MAX) {
    const clause = firstClauseEnd(text);
    if (clause > 1 && clause <= TITLE_MAX && clause < sentenceEnd)
      return { title: text.slice(0, clause), rest: text.trim() };
  }
  if (stop < 0) return { title: text.trim(), rest: '' };
  const colon = text.slice(0, stop).search(/[:：]/);
  if (colon > 0 && colon <= 20 && !/(责任|牵头|配合)(单位|科室|部门)$/.test(text.slice(0, colon))) {
    return { title: text.slice(0, colon), rest: text.slice(colon + 1).trim() };
  }
  return { title: text.slice(0, stop), rest: text.slice(stop + 1).trim() };
}

/** Longer than this, a first sentence is content, not a title. */
const TITLE_MAX = 40;

/** The first ，or ； outside brackets and quotes. */
function firstClauseEnd(text: string): number {
  return firstOutsideBrackets(text, '，；,');
}

/** The first 。 outside brackets and quotes (a 。 inside （…） or “…” does not end the title). */
function firstSentenceEnd(text: string): number {
  return firstOutsideBrackets(text, '。！？');
}

function firstOutsideBrackets(text: string, stops: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if ('（(“《【'.includes(ch)) depth++;
    else if ('）)”》】'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && stops.includes(ch)) return i;
  }
  return -1;
}
