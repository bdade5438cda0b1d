// Reads one policy document (实施方案) into what the ledger needs: metadata, the task tree with units,
// deadlines and targets, leadership groups — every item pointing at its words in the normalized text.
// Pure analysis: nothing is written; the clerk reviews the result before the lead's commit step.
import type { Unit } from '../../../shared/domain';
import { parseDeadline } from '../../../shared/parseDeadline';
import { readDocumentBlocks } from './readDocument';
import { joinBrokenLines } from './joinBrokenLines';
import { layoutDocument } from './layoutDocument';
import { splitDocument } from './splitDocument';
import { readMetadata } from './readMetadata';
import { splitHeadings, splitTitle, type HeadingNode } from './splitHeadings';
import {
  assignRoles,
  findLeadRule,
  findUnitMarkers,
  mayAbbreviate,
  parseUnitList,
  splitNames,
  toUnitRefs,
  type LeadRule,
  type RawUnit,
} from './extractUnits';
import { findSubjectUnits } from './findSubjectUnits';
import { cutText, findItemUnits } from './findItemUnits';
import { findDeadlines, summarizeDeadlines } from './findDeadlines';
import { findTargets } from './findTargets';
import { readTaskTable, type TableItem } from './extractTaskTable';
import { extractProseGroups, extractRosterGroup } from './extractLeadershipGroup';
import { comparableTitle, EXCLUDED_REASONS, partKind, type PartKind } from './judgeInclusion';
import { guessUnitKind } from './guessUnitKind';
import type {
  DeadlineHit,
  ExtractedGroup,
  ExtractedTask,
  DocumentJson,
  DocumentAnalysis,
  Milestone,
  ProposedUnit,
  Span,
} from './types';

export interface AnalyzeOptions {
  /** The ledger's units, so names written any known way (县医保局) resolve to them. */
  knownUnits?: Unit[];
}

interface Ctx {
  knownUnits: Unit[];
  rule: LeadRule;
  documentDate: string | null;
  collectiveAlias: Map<string, string>;
}

export async function analyzeDocument(
  fileName: string,
  data: Buffer,
  opts: AnalyzeOptions = {},
): Promise<DocumentAnalysis> {
  const blocks = await readDocumentBlocks(fileName, data);
  const doc = layoutDocument(joinBrokenLines(blocks));
  const parts = splitDocument(doc);
  const { meta, spans, titleLines } = readMetadata(parts);
  const warnings: string[] = [];

  const ctx: Ctx = {
    knownUnits: opts.knownUnits ?? [],
    rule: findLeadRule(doc.text),
    documentDate: meta.issuedOn,
    collectiveAlias: collectiveAliases(parts.cover.map((l) => l.text)),
  };

  const bodyLines = parts.body.slice(titleLines);
  const { roots } = splitHeadings(bodyLines);

  const tableItems: TableItem[] = [];
  for (const table of [...parts.bodyTables, ...parts.appendices.flatMap((a) => a.tables)]) {
    const items = readTaskTable(table);
    if (items) for (const item of items) tableItems.push(item);
  }

  const tasks: ExtractedTask[] = [];
  const nextId = () => `t${tasks.length + 1}`;
  const covered = coveredTitles(tableItems);
  const carry: { units: RawUnit[] | null } = { units: null };
  for (const root of roots) addBodyNode(root, null, [], ctx, tasks, nextId, covered, carry, 'work');
  inheritDeadlines(tasks);
  addTableItems(tableItems, ctx, tasks, nextId);
  finishUnits(tasks);

  const groups: ExtractedGroup[] = [];
  for (const appendix of parts.appendices) {
    const group = extractRosterGroup(appendix.lines, meta.issuer);
    if (group) groups.push(group);
  }
  for (const group of extractProseGroups(bodyLines)) groups.push(group);

  const milestones = findMilestones(tasks);
  if (!tasks.length) warnings.push('未识别出编号条目（一、（一）1.）或附件任务清单，请检查文件内容。');
  if (!meta.title) warnings.push('未识别出文件标题。');

  return {
    fileName,
    document: meta,
    documentSpans: spans,
    coverSpan: spanOfLines(parts.cover),
    bodySpan: spanOfLines(parts.body) ?? { start: 0, end: 0 },
    appendixSpans: parts.appendices.map((a) => {
      const ends = [a.heading.end, ...a.lines.map((l) => l.end), ...a.tables.map((t) => t.span.end)];
      return { start: a.heading.start, end: ends.reduce((max, e) => Math.max(max, e), -Infinity) };
    }),
    tasks,
    groups,
    milestones,
    proposedUnits: proposeUnits(tasks, groups, ctx.knownUnits),
    text: doc.text,
    warnings,
  };
}

/** The notice's addressees tell what a bare 各单位 means (各医疗卫生单位). */
function collectiveAliases(coverLines: string[]): Map<string, string> {
  const map = new Map<string, string>();
  const addressees = coverLines.find((l) => /[:：]$/.test(l) && /^各/.test(l));
  if (!addressees) return map;
  const names = splitNames(addressees.replace(/[:：]$/, '')).map((t) => t.name);
  const units = names.find((n) => /^各.+单位$/.test(n));
  if (units) map.set('各单位', units);
  return map;
}

function coveredTitles(items: TableItem[]): Set<string> {
  const set = new Set<string>();
  for (const item of items) {
    if (item.section) set.add(comparableTitle(item.section.text));
    if (item.task) set.add(comparableTitle(item.task.text));
  }
  set.delete('');
  return set;
}

function stripMarkers(text: string): string {
  let out = text;
  for (const m of findUnitMarkers(text).reverse()) out = out.slice(0, m.span.start) + out.slice(m.span.end);
  return out.replace(/。\s*。/g, '。').trim();
}

function addBodyNode(
  node: HeadingNode,
  parent: ExtractedTask | null,
  path: string[],
  ctx: Ctx,
  tasks: ExtractedTask[],
  nextId: () => string,
  covered: Set<string>,
  carry: { units: RawUnit[] | null },
  inheritedKind: PartKind,
): ExtractedTask {
  const ownKind = partKind(node.title);
  const kind = ownKind !== 'work' ? ownKind : inheritedKind;

  const found = findItemUnits(node.segments);
  const raw = found.units;
  const deadlines: DeadlineHit[] = [];
  const targetHits: ExtractedTask['targetHits'] = [];
  node.segments.forEach((seg, si) => {
    for (const hit of findDeadlines(seg.text, seg.start, { documentDate: ctx.documentDate })) deadlines.push(hit);
    for (const hit of findTargets(blankRanges(seg.text, found.cuts[si] ?? []), seg.start)) targetHits.push(hit);
  });
  let unitsInherited = false;
  let units = raw;
  const doubts: string[] = [];
  if (raw.length) carry.units = found.carriesForward ? raw : null;
  else if (carry.units) {
    units = carry.units;
    unitsInherited = true;
    doubts.push('责任单位沿用上文“以下同”所列单位');
  } else if (!ctx.rule.defaultLead) {
    units = node.segments.flatMap((seg) => findSubjectUnits(seg.text, seg.start)).slice(0, 6);
    if (units.length) doubts.push('责任单位是从句子主语推断的，请核对');
  }
  if (ctx.rule.defaultLead && !units.some((u) => u.role === 'lead' || u.role === 'allLead'))
    doubts.push(`牵头单位按全文规则推定为“${ctx.rule.defaultLead}”`);
  const refs = toUnitRefs(assignRoles(units, ctx.rule), ctx.knownUnits, ctx.collectiveAlias);
  const namesOwnUnit = units.some((u) => !u.name.startsWith('各') && guessUnitKind(u.name) !== 'collective');

  const kept = node.segments.map((seg, si) => cutText(seg.text, found.cuts[si] ?? []));
  const { rest } = splitTitle(kept[0] ?? '');
  const content = [rest, ...kept.slice(1)].filter(Boolean).join('\n');
  const summary = summarizeDeadlines(deadlines);
  const task: ExtractedTask = {
    id: nextId(),
    parentId: parent?.id ?? null,
    level: node.depth === 0 ? 'section' : node.depth === 1 ? 'task' : 'item',
    path,
    number: node.number,
    title: stripMarkers(node.title),
    content,
    units: refs,
    leadUnits: [],
    coUnits: [],
    deadline: summary.date,
    deadlineText: summary.text,
    recurrence: summary.recurrence,
    ongoing: summary.ongoing,
    deadlines,
    targets: targetHits.map((t) => t.text),
    targetHits,
    included: true,
    excludedReason: '',
    source: 'body',
    span: node.span,
    titleSpan: node.titleSpan,
    inherited: { deadline: false, units: unitsInherited },
    doubts,
  };
  tasks.push(task);

  const heading = `${node.number}${task.title}`;
  const children = node.children.map((child) =>
    addBodyNode(child, task, [...path, heading], ctx, tasks, nextId, covered, carry, kind),
  );

  if (covered.has(comparableTitle(node.title))) markExcluded(task, tasks, EXCLUDED_REASONS.coveredByTable);
  else if (!children.length && !raw.length && /(详见|具体见|见)附件/.test(content))
    exclude(task, EXCLUDED_REASONS.seeAppendix);
  else if (children.length) {
    if (!children.some((c) => c.included)) {
      task.included = false;
      task.excludedReason = kind === 'guidance' ? EXCLUDED_REASONS.guidance : EXCLUDED_REASONS.childrenExcluded;
    }
  } else if (kind === 'guidance') exclude(task, EXCLUDED_REASONS.guidance);
  // Goals and safeguards are work only when the item itself names who does it (a document-wide default lead does not count).
  // A 工作目标 paragraph is prose unless it names who acts; numbered targets under it (1.…达到90%) are work.
  else if (kind === 'goals' && ownKind === 'goals' && !namesOwnUnit) exclude(task, EXCLUDED_REASONS.goalsProse);
  else if (kind === 'goals' && !task.targets.length && !namesOwnUnit) exclude(task, EXCLUDED_REASONS.goalsProse);
  else if (kind === 'safeguards' && !namesOwnUnit) exclude(task, EXCLUDED_REASONS.safeguards);
  return task;
}

/** The text with the ranges blanked, so offsets still point into the document. */
function blankRanges(text: string, ranges: [number, number][]): string {
  let out = text;
  for (const [s, e] of ranges) out = out.slice(0, s) + ' '.repeat(e - s) + out.slice(e);
  return out;
}

function exclude(task: ExtractedTask, reason: string) {
  task.included = false;
  task.excludedReason = reason;
}

function markExcluded(task: ExtractedTask, tasks: ExtractedTask[], reason: string) {
  const ids = new Set([task.id]);
  for (const t of tasks) {
    if (t.parentId && ids.has(t.parentId)) ids.add(t.id);
    if (ids.has(t.id)) exclude(t, reason);
  }
}

function addTableItems(items: TableItem[], ctx: Ctx, tasks: ExtractedTask[], nextId: () => string) {
  const sections = new Map<string, ExtractedTask>();
  const taskNodes = new Map<string, ExtractedTask>();
  const blank = (
    span: Span,
  ): Omit<ExtractedTask, 'id' | 'parentId' | 'level' | 'path' | 'number' | 'title' | 'content'> => ({
    units: [],
    leadUnits: [],
    coUnits: [],
    deadline: null,
    deadlineText: '',
    recurrence: null,
    ongoing: false,
    deadlines: [],
    targets: [],
    targetHits: [],
    included: true,
    excludedReason: '',
    source: 'table',
    span,
    titleSpan: span,
    inherited: { deadline: false, units: false },
    doubts: [],
  });
  // A task cell with one row of work is that item's title; with several it heads them.
  const rowsPerTask = new Map<string, number>();
  const taskKeyOf = (item: TableItem) => `${item.section?.text ?? ''}\u0000${item.task?.text ?? ''}`;
  for (const item of items)
    if (item.task) rowsPerTask.set(taskKeyOf(item), (rowsPerTask.get(taskKeyOf(item)) ?? 0) + 1);
  for (const item of items) {
    const sectionKey = item.section?.text ?? '';
    let section = sections.get(sectionKey) ?? null;
    if (!section && item.section) {
      const { number, title } = splitHeadingText(item.section.text);
      section = {
        id: nextId(),
        parentId: null,
        level: 'section',
        path: [],
        number,
        title,
        content: '',
        ...blank(item.section.span),
      };
      sections.set(sectionKey, section);
      tasks.push(section);
    }
    const taskKey = taskKeyOf(item);
    const ownTitle = item.task && rowsPerTask.get(taskKey) === 1;
    let task = taskNodes.get(taskKey) ?? null;
    if (!task && item.task && !ownTitle) {
      const { number, title } = splitHeadingText(item.task.text);
      task = {
        id: nextId(),
        parentId: section?.id ?? null,
        level: 'task',
        path: section ? [item.section!.text] : [],
        number,
        title,
        content: '',
        ...blank(item.task.span),
      };
      taskNodes.set(taskKey, task);
      tasks.push(task);
    }
    const raw: RawUnit[] = item.units.flatMap((u) =>
      parseUnitList(u.text, u.span.start).map((r) =>
        u.role === 'default' || r.role === 'lead' ? r : { ...r, role: u.role },
      ),
    );
    const deadlines = findDeadlines(item.content.text, item.content.span.start, { documentDate: ctx.documentDate });
    let summary = summarizeDeadlines(deadlines);
    if (item.deadline) {
      const parsed = parseDeadline(item.deadline.text, ctx.documentDate ? { referenceDate: ctx.documentDate } : {});
      summary = { ...parsed, text: item.deadline.text };
      deadlines.unshift({
        deadline: summary,
        form: parsed.recurrence ? 'recurrence' : parsed.ongoing ? 'ongoing' : 'date',
        startDate: null,
        span: item.deadline.span,
      });
    }
    const targetHits = item.target
      ? [{ text: item.target.text, span: item.target.span }]
      : findTargets(item.content.text, item.content.span.start);
    const path = [item.section?.text, ownTitle ? undefined : item.task?.text].filter((p): p is string => Boolean(p));
    const titled = ownTitle ? splitHeadingText(item.task!.text) : null;
    const clause = splitTitle(item.content.text);
    tasks.push({
      ...blank(item.content.span),
      id: nextId(),
      parentId: task?.id ?? section?.id ?? null,
      level: 'item',
      path,
      number: titled?.number || item.number,
      // Never empty: the task column's text, else the content's first clause.
      title: titled?.title || clause.title || item.content.text.slice(0, 40),
      content: item.content.text,
      titleSpan: ownTitle ? item.task!.span : item.content.span,
      units: toUnitRefs(assignRoles(raw, ctx.rule), ctx.knownUnits, ctx.collectiveAlias),
      deadline: summary.date,
      deadlineText: summary.text,
      recurrence: summary.recurrence,
      ongoing: summary.ongoing,
      deadlines,
      targets: targetHits.map((t) => t.text),
      targetHits,
    });
  }
}

/** From the first line's start to the last line's end; null for no lines. */
function spanOfLines(lines: { start: number; end: number }[]): { start: number; end: number } | null {
  const first = lines[0];
  const last = lines[lines.length - 1];
  return first && last ? { start: first.start, end: last.end } : null;
}

function splitHeadingText(text: string): { number: string; title: string } {
  const m = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、])\s*/.exec(text);
  return m ? { number: m[1]!, title: text.slice(m[0].length) } : { number: '', title: text };
}

/**
 * title.replace(/[（(][^）)]*\d{4}[^）)]*[）)]/, ''): the first bracketed aside holding a year. Read by
 * a scan: as a regex, every （ of a long heading without its ） re-read the rest of it.
 */
export function withoutDatedAside(title: string): string {
  // yearEnd[i]: where the latest run of four digits ending at or before i ends (-1: none yet).
  const yearEnd = new Int32Array(title.length);
  let digits = 0;
  for (let i = 0, last = -1; i < title.length; i++) {
    const ch = title.charAt(i);
    digits = ch >= '0' && ch <= '9' ? digits + 1 : 0;
    if (digits >= 4) last = i;
    yearEnd[i] = last;
  }
  let close = -1;
  for (let p = 0; p < title.length; p++) {
    if (title[p] !== '（' && title[p] !== '(') continue;
    if (close <= p) {
      close = p + 1;
      while (close < title.length && title[close] !== '）' && title[close] !== ')') close++;
    }
    if (close >= title.length) return title;
    // Four digits between the bracket and its close: a run ending before the close and starting after the bracket.
    // close < title.length here, so close - 1 indexes yearEnd.
    if (close - 1 > p && yearEnd[close - 1]! - 3 > p) return title.slice(0, p) + title.slice(close + 1);
  }
  return title;
}

function findMilestones(tasks: ExtractedTask[]): Milestone[] {
  const out: Milestone[] = [];
  for (const t of tasks) {
    const phase = t.deadlines.find((d) => d.form === 'phase');
    if (!phase || t.source !== 'body') continue;
    out.push({
      name: withoutDatedAside(t.title).trim() || t.title,
      startDate: phase.startDate,
      endDate: phase.deadline.date,
      text: phase.deadline.text,
      span: phase.span,
    });
  }
  return out;
}

function proposeUnits(tasks: ExtractedTask[], groups: ExtractedGroup[], knownUnits: Unit[]): ProposedUnit[] {
  const byName = new Map<string, ProposedUnit>();
  const note = (name: string, span: Span, kind = guessUnitKind(name)) => {
    if (!name) return;
    const p = byName.get(name) ?? { name, kind, sameAs: [], spans: [] };
    p.spans.push(span);
    byName.set(name, p);
  };
  for (const t of tasks) for (const u of t.units) if (u.unitId === null) note(u.resolvedName, u.span, u.kind);
  for (const g of groups) {
    for (const m of g.members)
      if (m.unit && !toUnitRefs([{ name: m.unit, role: 'co', span: m.span }], knownUnits)[0]?.unitId)
        note(m.unit, m.span);
    for (const d of g.duties)
      if (!toUnitRefs([{ name: d.unit, role: 'co', span: d.span }], knownUnits)[0]?.unitId) note(d.unit, d.span);
  }
  const names = [...byName.keys(), ...knownUnits.map((u) => u.name)];
  for (const p of byName.values()) {
    p.sameAs = names.filter((n) => n !== p.name && (mayAbbreviate(p.name, n) || mayAbbreviate(n, p.name)));
  }
  return [...byName.values()];
}

/** Fills leadUnits/coUnits from the unit refs (names resolved to known units where possible). */
function finishUnits(tasks: ExtractedTask[]) {
  for (const t of tasks) {
    t.leadUnits = t.units.filter((u) => u.role === 'lead').map((u) => u.resolvedName);
    t.coUnits = t.units.filter((u) => u.role === 'co').map((u) => u.resolvedName);
  }
}

/** The CLI / IPC contract; by default only what the clerk is offered to import (included). */
export function toDocumentJson(result: DocumentAnalysis, opts: { all?: boolean } = {}): DocumentJson {
  return {
    document: {
      title: result.document.title,
      docNumber: result.document.docNumber,
      issuer: result.document.issuer,
      issuedOn: result.document.issuedOn,
    },
    tasks: result.tasks
      .filter((t) => opts.all || t.included)
      .map((t) => ({
        path: t.path,
        number: t.number,
        title: t.title,
        content: t.content,
        leadUnits: t.leadUnits,
        coUnits: t.coUnits,
        deadline: t.deadline,
        deadlineText: t.deadlineText,
        recurrence: t.recurrence,
        targets: t.targets,
      })),
    groups: result.groups.map((g) => ({
      name: g.name,
      office: g.office,
      members: g.members.map((m) => ({ role: m.role, person: m.person, post: m.post, unit: m.unit })),
      duties: g.duties.map((d) => ({ unit: d.unit, duty: d.duty })),
    })),
  };
}

/** 到2025年底 in a section's prose applies to the items under it that name no date of their own. */
function inheritDeadlines(tasks: ExtractedTask[]) {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  for (const t of tasks) {
    if (t.deadline || t.recurrence || t.ongoing) continue;
    for (let p = t.parentId ? byId.get(t.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) {
      if (p.deadline) {
        t.deadline = p.deadline;
        t.deadlineText = p.deadlineText;
        t.inherited.deadline = true;
        break;
      }
    }
  }
}
