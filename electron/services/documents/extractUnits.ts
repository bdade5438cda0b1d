// 责任单位 as documents write them: （责任单位：A、B）, 【牵头处室：A；配合处室（单位）：B】, [责任科室：…],
// 【牵头：A 配合：B C】, （A牵头，B、C配合）, （A、B按职责分别牵头）, 县卫健局（牵头）, 县疾控中心★.
// Labels are read by what their words mean (牵头/主责/主办 lead, 配合/协办/参与 co, 责任/承办/主体 list),
// not from a list of spellings, so 主责部门、协办科室、配合处室（单位） all read. The first unit leads
// unless the words or the document's own rule say otherwise.
import type { Unit, UnitRole } from '../../../shared/domain';
import { namesOf } from '../../../shared/unitNames';
import { guessUnitKind, looksLikeUnit } from './guessUnitKind';
import type { Span, UnitRef } from './types';

/**
 * A role label before a colon: a short phrase ending in a word for a body (单位/部门/科室/处室/股室/机构/主体,
 * optionally with an aside 配合处室（单位）), or a bare role word (牵头：/配合：/责任：).
 */
const LABEL_BODY =
  '(?:[\\u4e00-\\u9fa5]{0,6}?(?:单位|部门|科室|处室|股室|机构|主体|科|处|股)(?:[（(][^）)]{1,10}[）)])?|牵头|配合|协办|主办|主责|责任|参与|协同|落实)';
export const ROLE_LABEL = new RegExp(`^\\s*(${LABEL_BODY})\\s*[:：]\\s*`);
const WHOLE_LABEL = new RegExp(`^${LABEL_BODY}\\s*$`);

const OPEN: Record<string, string> = { '（': '）', '(': '）', '【': '】', '[': ']', '［': ']', '〔': '〕' };
const CLOSE_EQUIV: Record<string, string> = { '）': '）', ')': '）', '】': '】', ']': ']', '］': ']', '〕': '〕' };

/** A role word the document uses for its lead-unit marks (★ after the name). */
export const LEAD_MARKS = '★☆▲△＊*●';
const TRAILING_MARK = new RegExp(`[${LEAD_MARKS}]+$`);

export interface LeadRule {
  /** 'all': every listed unit leads (以下各项的责任单位均为牵头单位); 'first': the first listed leads. */
  kind: 'first' | 'all';
  /** 除特别注明外，均由县卫生健康局牵头: the lead of every item that names no lead of its own. */
  defaultLead: string | null;
  /** Where a default lead is stated, what the listed names are (括号内所列单位为配合单位). */
  listedAre: 'co' | null;
  /** 带★的为牵头单位: names marked so lead, the rest co-operate. */
  markedLead: boolean;
  /** The sentences that state the rule (never units, never task text). */
  spans: Span[];
}

export const FIRST_LEADS: LeadRule = {
  kind: 'first',
  defaultLead: null,
  listedAre: null,
  markedLead: false,
  spans: [],
};

export function roleOfLabel(label: string): RawUnit['role'] {
  if (/牵头|主责|主办|主抓|领办/.test(label)) return 'lead';
  if (/配合|协办|协同|参与|协助|协作|支持|会同|参加/.test(label)) return 'co';
  return 'default';
}

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
    // closing has one entry per character of text.
    const end = closing[i]!;
    if (end < 0) continue;
    const inner = text.slice(i + 1, end);
    const keyed = ROLE_LABEL.test(inner) && parseUnitList(inner, 0).length > 0;
    // A bare bracket counts only at a sentence end and when it reads as a list of bodies.
    const atEnd = /^\s*([。；;]|$|[（(【[])/.test(text.slice(end + 1));
    if (keyed || (atEnd && isBareUnitList(inner))) {
      markers.push({
        span: { start: i, end: end + 1 },
        inner,
        innerStart: i + 1,
        carriesForward: /以下同|下同/.test(inner),
      });
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
  const open: Record<string, number[]> = { '）': [], '】': [], ']': [], '〕': [] };
  for (let j = 0; j < text.length; j++) {
    const ch = text.charAt(j);
    const kind = OPEN[ch];
    if (kind) {
      open[kind]?.push(j);
      continue;
    }
    const closes = CLOSE_EQUIV[ch];
    if (closes) {
      const i = open[closes]?.pop();
      if (i !== undefined && j < i + 400) closing[i] = j;
    } else if (ch === '\n') for (const stack of Object.values(open)) stack.length = 0;
  }
  return closing;
}

// What a unit does, as the words after its name say it. Checked in this order: 负责落实 is execution, not lead.
const ALL_LEAD_WORDS =
  /(按职责分别牵头负责|按职责分别牵头|按职责分工牵头|按职责分别负责|按职责分工负责|按职责负责|分别牵头负责|分别牵头|共同牵头|分别负责|按职责牵头)$/;
const EXEC_WORDS =
  /(按职责分工抓好落实|按职责分工落实|按职责抓好落实|按职责落实|负责具体落实|负责组织实施|负责落实|具体落实|抓好落实|组织落实|组织实施|具体实施|落实)$/;
const CO_WORDS = /(积极配合|配合实施|配合落实|协助落实|协同推进|配合|协助|协同|参与|协办|技术指导|业务指导|指导)$/;
const LEAD_WORDS = /(牵头负责|牵头抓总|牵头落实|牵头实施|牵头推进|牵头组织|负总责|牵头|主抓|负责)$/;
const ROLE_WORDS = new RegExp(
  `(${[ALL_LEAD_WORDS, EXEC_WORDS, CO_WORDS, LEAD_WORDS].map((r) => r.source.slice(1, -2)).join('|')})$`,
);

function roleOfPart(part: string): RawUnit['role'] | null {
  if (ALL_LEAD_WORDS.test(part)) return 'allLead';
  if (EXEC_WORDS.test(part)) return 'exec';
  if (CO_WORDS.test(part)) return 'co';
  if (LEAD_WORDS.test(part)) return 'lead';
  return null;
}

function isBareUnitList(inner: string): boolean {
  const tokens = splitNames(inner.replace(/以下同|下同/g, '')).map((t) => cleanUnitName(t.name));
  return (
    tokens.length > 0 &&
    tokens.every((t) => looksLikeUnit(t)) &&
    tokens.some((t) => !/^各/.test(t) || tokens.length > 1 || ROLE_WORDS.test(inner))
  );
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
    const ch = s.charAt(i);
    if ('（(【['.includes(ch)) depth++;
    if ('）)】]'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、，,；;\s/／]/.test(ch)) {
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
  /** exec: 落实/组织实施 — co when someone leads, else as listed. */
  role: UnitRole | 'default' | 'allLead' | 'exec';
  span: Span;
}

/**
 * Splits `s` before each role label (牵头：A 配合：B C, 牵头单位：A；责任单位：B, 科技教育处配合：B once the
 * space is lost): for each colon, the label is the run before it back to a separator, or the part of
 * that run after a name that reads as a unit.
 */
function splitAtLabels(s: string): { text: string; at: number }[] {
  const cuts = [0];
  for (let c = 0; c < s.length; c++) {
    if (s[c] !== '：' && s[c] !== ':') continue;
    let b = c;
    // 配合处室（单位）： — the aside belongs to the label.
    if (s[b - 1] === '）' || s[b - 1] === ')') {
      const open = Math.max(s.lastIndexOf('（', b - 1), s.lastIndexOf('(', b - 1));
      if (open >= 0 && b - open <= 12) b = open;
    }
    while (b > 0 && !/[；;，,、\s。（(【[]/.test(s.charAt(b - 1))) b--;
    const run = s.slice(b, c);
    if (WHOLE_LABEL.test(run)) {
      if (b > 0) cuts.push(b);
      continue;
    }
    for (let k = b + 2; k < c; k++) {
      if (WHOLE_LABEL.test(s.slice(k, c)) && looksLikeUnit(cleanUnitName(s.slice(b, k)))) {
        cuts.push(k);
        break;
      }
    }
  }
  const out: { text: string; at: number }[] = [];
  cuts.forEach((c, i) => out.push({ text: s.slice(c, cuts[i + 1] ?? s.length), at: c }));
  return out;
}

/** Splits on ，,；; outside brackets, with offsets. */
function splitParts(s: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    const ch = s[i];
    if (ch !== undefined && '（(【['.includes(ch)) depth++;
    if (ch !== undefined && '）)】]'.includes(ch)) depth = Math.max(0, depth - 1);
    if (ch === undefined || (depth === 0 && /[，,；;]/.test(ch))) {
      out.push({ text: s.slice(start, i), at: start });
      start = i + 1;
    }
  }
  return out;
}

/**
 * Reads the units of one marker, labelled line or table cell; `start` is the offset of `s` in the
 * document text. Each clause is a label (its meaning gives the role) or names followed by role words.
 */
export function parseUnitList(s: string, start: number): RawUnit[] {
  const out: RawUnit[] = [];
  for (const clause of splitAtLabels(s)) {
    let text = clause.text;
    let cStart = start + clause.at;
    const key = ROLE_LABEL.exec(text);
    let keyRole: RawUnit['role'] = 'default';
    if (key) {
      keyRole = roleOfLabel(key[1]!);
      text = text.slice(key[0].length);
      cStart += key[0].length;
    }
    const parts = splitParts(text);
    // 县卫健局、县医保局，县财政局配合: the role words at the end of a part apply to the names before them back to the previous role words.
    let pending: RawUnit[] = [];
    for (const part of parts) {
      const trimmed = part.text.trim().replace(/[。.]$/, '');
      const role = roleOfPart(trimmed);
      for (const token of splitNames(part.text, cStart + part.at)) {
        const mark = readNameMark(token.name);
        const name = cleanUnitName(mark.name);
        if (!name || !looksLikeUnit(name)) continue;
        const unit: RawUnit = {
          name,
          role: mark.lead ? 'lead' : keyRole,
          span: { start: token.start, end: token.start + token.name.length },
        };
        out.push(unit);
        pending.push(unit);
      }
      if (role) {
        for (const u of pending) if (u.role === keyRole || u.role === 'default') u.role = role;
        pending = [];
      }
    }
  }
  return out;
}

/** 县卫健局（牵头）, 县疾控中心★: a mark on one name that makes it a lead. */
function readNameMark(raw: string): { name: string; lead: boolean } {
  let name = raw;
  let lead = false;
  const paren = /[（(](牵头|牵头单位|主责|主办)[）)]$/.exec(name);
  if (paren) {
    name = name.slice(0, paren.index);
    lead = true;
  }
  if (TRAILING_MARK.test(name)) {
    name = name.replace(TRAILING_MARK, '');
    lead = true;
  }
  if (/^[★☆▲△＊*●]/.test(name)) {
    name = name.slice(1);
    lead = true;
  }
  return { name, lead };
}

export function cleanUnitName(name: string): string {
  return name
    .replace(/^(由|和|及|以及|与|请)/, '')
    .replace(/以下同|下同/g, '')
    .replace(/[。.]$/, '')
    .replace(ROLE_WORDS, '')
    .replace(ROLE_WORDS, '')
    .replace(
      /(等有关单位|等相关单位|等有关部门|等相关部门|等单位|等部门|等[\u4e00-\u9fa5]{1,4}(医院|单位|部门|机构)|等)$/,
      '',
    )
    .replace(/(主要负责人|负责人|主要负责同志|分管负责同志)$/, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .trim();
}

/** Assigns lead/co: explicit words first, then the document's rule (first listed leads by default). */
export function assignRoles(
  units: RawUnit[],
  rule: LeadRule | 'first' | 'all',
): { name: string; role: UnitRole; span: Span }[] {
  const r: LeadRule = typeof rule === 'string' ? { ...FIRST_LEADS, kind: rule } : rule;
  const anyExplicitLead = units.some((u) => u.role === 'lead' || u.role === 'allLead');
  const seen = new Set<string>();
  const out: { name: string; role: UnitRole; span: Span }[] = [];
  let firstDefault = true;
  for (const u of units) {
    if (seen.has(u.name)) continue;
    seen.add(u.name);
    let role: UnitRole;
    if (u.role === 'lead' || u.role === 'allLead') role = 'lead';
    else if (u.role === 'co') role = 'co';
    else if (anyExplicitLead || r.markedLead) role = 'co';
    else if (r.defaultLead && r.listedAre === 'co') role = 'co';
    else if (r.kind === 'all') role = 'lead';
    else role = firstDefault && !r.defaultLead ? 'lead' : 'co';
    if (u.role === 'default' || u.role === 'exec') firstDefault = false;
    out.push({ name: u.name, role, span: u.span });
  }
  if (r.defaultLead && !out.some((u) => u.role === 'lead')) {
    const named = out.find((u) => u.name === r.defaultLead);
    if (named) named.role = 'lead';
    else out.unshift({ name: r.defaultLead, role: 'lead', span: r.spans[0] ?? { start: 0, end: 0 } });
  } else if (r.markedLead && out[0] && !out.some((u) => u.role === 'lead')) out[0].role = 'lead';
  return out;
}

const RULE_FIRST = /(排名|排在|列|位列|排序)(第一位|第一|首位|最前)|第一个单位为牵头|首位的?为牵头|前面的?为牵头/;
const RULE_ALL =
  /(责任单位|牵头单位|所列单位)[^。]{0,30}(均为牵头单位|按职责分别牵头|分别牵头|共同牵头)|(按职责分别牵头|均为牵头单位)[^。]{0,10}(以下同|下同)/;
const RULE_MARK = new RegExp(
  `(带|标|标注|标有|加注|注有)[“"]?[${LEAD_MARKS}][”"]?(号|标记|符号)?(的|者)[^。，,；]{0,6}为牵头`,
);
const RULE_DEFAULT =
  /除(?:特别|另行|另有|单独)?(?:注明|标注|说明|明确|列明)(?:外|的以外|以外|者外)[，,]?(?:均|都|一般)?由([\u4e00-\u9fa5（）()]{2,20}?)(?:牵头|负责|承担)/;

/** The document's own rule for lead units, when it states one. Rule sentences are kept apart from tasks. */
export function findLeadRule(text: string): LeadRule {
  const rule: LeadRule = { ...FIRST_LEADS, spans: [] };
  const note = (re: RegExp) => {
    const m = re.exec(text);
    if (!m) return null;
    const start = Math.max(text.lastIndexOf('\n', m.index) + 1, 0);
    const endNl = text.indexOf('\n', m.index);
    rule.spans.push({ start, end: endNl < 0 ? text.length : endNl });
    return m;
  };
  const def = note(RULE_DEFAULT);
  if (def) {
    const name = cleanUnitName(def[1]!);
    if (looksLikeUnit(name)) rule.defaultLead = name;
    // Names listed beside a stated default lead co-operate (括号内所列单位为配合单位), written or not.
    rule.listedAre = 'co';
  }
  if (note(RULE_MARK)) rule.markedLead = true;
  if (RULE_ALL.test(text) && !RULE_FIRST.test(text)) {
    note(RULE_ALL);
    rule.kind = 'all';
  }
  if (!rule.spans.length) note(RULE_FIRST);
  return rule;
}

/** Whether a line states the document's lead rule (it is then neither a task nor units). */
export function isRuleLine(text: string): boolean {
  return (
    RULE_DEFAULT.test(text) ||
    RULE_MARK.test(text) ||
    (/牵头/.test(text) && (RULE_FIRST.test(text) || RULE_ALL.test(text)) && text.length < 120)
  );
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
export function toUnitRefs(
  units: { name: string; role: UnitRole; span: Span }[],
  knownUnits: Unit[],
  aliases: Map<string, string> = new Map(),
): UnitRef[] {
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
