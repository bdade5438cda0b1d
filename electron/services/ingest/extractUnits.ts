// 责任单位 as documents write them: （责任单位：A、B）, 【牵头单位：A；配合单位：B】, [责任科室：…],
// （A牵头，B、C配合）, （A、B按职责分别牵头）. The first unit leads unless the words or the
// document's own rule say otherwise.
import type { Unit, UnitRole } from '../../../shared/domain';
import { namesOf } from '../../../shared/unitNames';
import { guessUnitKind, looksLikeUnit } from './guessUnitKind';
import type { Span, UnitRef } from './types';

const MARKER_KEY = /^(责任单位|牵头单位|配合单位|协同单位|参与单位|责任科室|责任股室|牵头科室|配合科室|责任部门|牵头部门|配合部门|主责单位|责任主体|实施单位|完成单位)\s*[:：]/;
const OPEN: Record<string, string> = { '（': '）', '(': '）', '【': '】', '[': ']', '［': ']' };
const CLOSE_EQUIV: Record<string, string> = { '）': '）', ')': '）', '】': '】', ']': ']', '］': ']' };

export type LeadRule = 'first' | 'all';

export interface UnitMarker {
  span: Span;
  /** Marker text inside the brackets. */
  inner: string;
  innerStart: number;
  /** 以下同 / 下同: the units carry on to the following items that name none. */
  carriesForward: boolean;
}

/** Finds bracketed unit markers in `text` (offsets relative to `text`). */
export function findUnitMarkers(text: string): UnitMarker[] {
  const markers: UnitMarker[] = [];
  const closing = closingBrackets(text);
  for (let i = 0; i < text.length; i++) {
    const end = closing[i];
    if (end < 0) continue;
    const inner = text.slice(i + 1, end);
    const keyed = MARKER_KEY.test(inner.trim());
    // A bare bracket counts only at a sentence end and when it reads as a list of bodies.
    const atEnd = /^\s*([。；;]|$|[（(【[])/.test(text.slice(end + 1));
    if (keyed || (atEnd && isBareUnitList(inner))) {
      markers.push({ span: { start: i, end: end + 1 }, inner, innerStart: i + 1, carriesForward: /以下同|下同/.test(inner) });
      i = end;
    }
  }
  return markers;
}

/**
 * Where each opening bracket is closed (the same kind, nesting counted, within 400 characters and
 * the line), or -1: one pass with a stack per kind of bracket. Scanning on from every bracket read
 * 400 characters per bracket of a long run of （ (a garbled line of a million took minutes).
 */
export function closingBrackets(text: string): Int32Array {
  const closing = new Int32Array(text.length).fill(-1);
  const open: Record<string, number[]> = { '）': [], '】': [], ']': [] };
  for (let j = 0; j < text.length; j++) {
    const ch = text[j];
    const kind = OPEN[ch];
    if (kind) {
      open[kind].push(j);
      continue;
    }
    const closes = CLOSE_EQUIV[ch];
    if (closes) {
      const i = open[closes].pop();
      if (i !== undefined && j < i + 400) closing[i] = j;
    } else if (ch === '\n') for (const stack of Object.values(open)) stack.length = 0;
  }
  return closing;
}

const ROLE_WORDS = /(按职责分工负责|按职责分别负责|按职责分别牵头|分别牵头|共同牵头|按职责负责|按职责分工|牵头负责|负责落实|牵头|配合|负责|参与|协助|协同|落实)$/;

function isBareUnitList(inner: string): boolean {
  const tokens = splitNames(inner.replace(/以下同|下同/g, '')).map((t) => t.name.replace(ROLE_WORDS, '').replace(/等$/, ''));
  return tokens.length > 0 && tokens.every((t) => looksLikeUnit(t)) && tokens.some((t) => !/^各/.test(t) || tokens.length > 1 || ROLE_WORDS.test(inner));
}

interface NameToken {
  name: string;
  start: number;
}

/** Splits a list of names on 、，,；; and spaces, keeping brackets inside a name (各乡镇（街道）). */
export function splitNames(s: string, offset = 0): NameToken[] {
  const out: NameToken[] = [];
  let depth = 0;
  let cur = '';
  let curStart = offset;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if ('（(【['.includes(ch)) depth++;
    if ('）)】]'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、，,；;\s]/.test(ch)) {
      if (cur.trim()) out.push({ name: cur.trim(), start: curStart + (cur.length - cur.trimStart().length) });
      cur = '';
      curStart = offset + i + 1;
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) out.push({ name: cur.trim(), start: curStart + (cur.length - cur.trimStart().length) });
  return out;
}

export interface RawUnit {
  name: string;
  role: UnitRole | 'default' | 'allLead';
  span: Span;
}

/** Reads the units of one marker or table cell; `start` is the offset of `s` in the document text. */
export function parseUnitList(s: string, start: number): RawUnit[] {
  const out: RawUnit[] = [];
  // Clauses: 牵头单位：A；配合单位：B  or  A牵头，B、C配合
  const clauses: { text: string; start: number }[] = [];
  const re = /[^；;]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) clauses.push({ text: m[0], start: start + m.index });
  for (const clause of clauses) {
    let text = clause.text;
    let cStart = clause.start;
    const key = MARKER_KEY.exec(text.trimStart());
    let keyRole: RawUnit['role'] = 'default';
    if (key) {
      keyRole = /牵头/.test(key[1]) ? 'lead' : /配合|协同|参与/.test(key[1]) ? 'co' : 'default';
      const cut = text.length - text.trimStart().length + key[0].length;
      text = text.slice(cut);
      cStart += cut;
    }
    const allLead = /分别牵头|共同牵头|按职责分别负责|按职责分工负责|按职责负责/.test(text);
    // Within a clause, "A牵头，B、C配合" splits again on the role words.
    const parts = text.split(/(?<=牵头|配合|参与|协助|协同)[，,]/);
    let partStart = cStart;
    for (const part of parts) {
      const role: RawUnit['role'] = allLead ? 'allLead' : /牵头$/.test(part.trim()) ? 'lead' : /(配合|参与|协助|协同)$/.test(part.trim()) ? 'co' : keyRole;
      for (const token of splitNames(part, partStart)) {
        const name = cleanUnitName(token.name);
        if (!name || !looksLikeUnit(name)) continue;
        out.push({ name, role, span: { start: token.start, end: token.start + token.name.length } });
      }
      partStart += part.length + 1;
    }
  }
  return out;
}

export function cleanUnitName(name: string): string {
  return name
    .replace(/^(由|和|及|以及|与)/, '')
    .replace(/以下同|下同/g, '')
    .replace(ROLE_WORDS, '')
    .replace(ROLE_WORDS, '')
    .replace(/(等有关单位|等相关单位|等单位|等部门|等)$/, '')
    .replace(/(主要负责人|负责人|主要负责同志|分管负责同志)$/, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .trim();
}

/** Assigns lead/co: explicit words first, then the document's rule (first listed leads by default). */
export function assignRoles(units: RawUnit[], rule: LeadRule): { name: string; role: UnitRole; span: Span }[] {
  const anyExplicitLead = units.some((u) => u.role === 'lead' || u.role === 'allLead');
  const seen = new Set<string>();
  const out: { name: string; role: UnitRole; span: Span }[] = [];
  units.forEach((u, i) => {
    if (seen.has(u.name)) return;
    seen.add(u.name);
    let role: UnitRole;
    if (u.role === 'lead' || u.role === 'allLead') role = 'lead';
    else if (u.role === 'co') role = 'co';
    else if (rule === 'all') role = 'lead';
    else role = !anyExplicitLead && i === 0 ? 'lead' : 'co';
    out.push({ name: u.name, role, span: u.span });
  });
  return out;
}

/** The document's own rule for lead units, when it states one (以下除特别注明外，排名第一位的为牵头单位). */
export function findLeadRule(text: string): LeadRule {
  if (/(责任单位|牵头单位)[^。]{0,30}(均为牵头单位|按职责分别牵头|分别牵头|共同牵头)|(按职责分别牵头|均为牵头单位)[^。]{0,10}(以下同|下同)/.test(text) && !/排名第一位|排在第一位|列第一位|第一个单位为牵头/.test(text)) return 'all';
  return 'first';
}

function normName(name: string): string {
  return name.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

/** Resolves a name against the ledger's units by name, 简称 or alias, then without the 县/区/市 prefix. */
export function resolveUnit(name: string, knownUnits: Unit[]): Unit | null {
  const n = normName(name);
  const exact = knownUnits.find((u) => namesOf(u).some((x) => normName(x) === n));
  if (exact) return exact;
  const bare = (s: string) => normName(s).replace(/^(县|区|市|旗)/, '');
  return knownUnits.find((u) => namesOf(u).some((x) => bare(x) === bare(n) && bare(n).length >= 3)) ?? null;
}

/** `aliases` maps names the document itself defines (各单位 → 各医疗卫生单位, from the addressees). */
export function toUnitRefs(units: { name: string; role: UnitRole; span: Span }[], knownUnits: Unit[], aliases: Map<string, string> = new Map()): UnitRef[] {
  return units.map((u) => {
    const meant = aliases.get(u.name) ?? u.name;
    const known = resolveUnit(meant, knownUnits);
    return {
      name: u.name,
      role: u.role,
      unitId: known?.id ?? null,
      resolvedName: known?.name ?? meant,
      kind: known?.kind ?? guessUnitKind(meant),
      span: u.span,
    };
  });
}

/** 县医保局 reads as a short form of 县医疗保障局: same first and last character, letters in order. */
export function mayAbbreviate(short: string, long: string): boolean {
  if (short.length < 4 || short.length >= long.length) return false;
  if (short[0] !== long[0] || short[short.length - 1] !== long[long.length - 1]) return false;
  let j = 0;
  for (const ch of long) if (ch === short[j]) j++;
  return j === short.length;
}
