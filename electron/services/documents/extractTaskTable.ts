// Task tables (重点任务清单) of any header: 序号 | 重点任务/工作事项 | 工作措施/具体内容 | 目标/指标 |
// 责任单位/牵头科室/配合处室（单位）/责任主体 | 完成时限/时间节点/进度安排. A column's role is read from
// what its header words mean (one or two header rows, merged), and, where the header says nothing we
// know, from what its cells hold (unit names, time words). Title rows above the header, repeated
// header rows and section rows (一、… across the table) are recognised; merged cells are read once.
import { readLabel } from './headingLabels';
import { cleanUnitName, splitNames } from './extractUnits';
import { looksLikeUnit } from './guessUnitKind';
import type { Cell, Span, TableBlock } from './types';

type Column =
  'number' | 'section' | 'task' | 'content' | 'target' | 'units' | 'lead' | 'co' | 'deadline' | 'notes' | 'other';

/** The role of a header by its words. Order matters: 牵头领导 is a person, 目标任务 is content, 具体任务 is content. */
export function classifyHeader(text: string): Column | null {
  const t = text.replace(/\s+/g, '');
  if (!t || t.length > 16) return null;
  if (/^(序号|编号|序|No\.?)$/i.test(t)) return 'number';
  if (/(领导|负责人|责任人|联系人|电话)/.test(t)) return 'other';
  if (/(牵头|主责|主办)/.test(t)) return 'lead';
  if (/(配合|协办|协同|参与|协助)/.test(t)) return 'co';
  if (/(单位|部门|科室|处室|股室|主体|责任|承办)/.test(t)) return 'units';
  if (/(时限|时间|期限|节点|进度|年限|时序|完成日期)/.test(t)) return 'deadline';
  if (/(备注|说明)$/.test(t)) return 'notes';
  if (/(内容|措施|举措|具体任务|具体工作|工作要求|目标任务|主要任务|任务要求|实施路径|工作要点|推进措施)/.test(t))
    return 'content';
  if (/(目标|指标|考核|成效|标准)/.test(t)) return 'target';
  if (/^(部分|领域|类别|板块|方面|重点领域|任务类别)$/.test(t)) return 'section';
  if (/(任务|事项|工作|项目|重点|名称)/.test(t)) return 'task';
  return null;
}

export interface TableItem {
  section: { text: string; span: Span } | null;
  task: { text: string; span: Span } | null;
  /** The row's 序号 when it has one. */
  number: string;
  content: { text: string; span: Span };
  units: { text: string; span: Span; role: 'default' | 'lead' | 'co' }[];
  deadline: { text: string; span: Span } | null;
  target: { text: string; span: Span } | null;
}

const rowKey = (row: Cell[]) => row.map((c) => c.text.replace(/\s+/g, '')).join('|');
/** A row whose cells all hold one text (a merged title/section row) or whose only text is its first cell. */
function spanningText(row: Cell[]): string | null {
  const texts = row.map((c) => c.text.trim()).filter(Boolean);
  const [first] = texts;
  if (first === undefined) return null;
  if (
    texts.every((t) => t === first) &&
    (row.length === 1 || row.filter((c) => c.text.trim()).length > 1 || !row.slice(1).some((c) => c.text.trim()))
  )
    return first;
  return null;
}

function isUnitCell(text: string): boolean {
  const names = splitNames(text.replace(/(牵头|配合|责任)(单位|科室|处室)?[:：]/g, '、'));
  return (
    names.length > 0 && names.every((n) => looksLikeUnit(cleanUnitName(n.name.replace(/[★☆▲*]|[（(]牵头[）)]$/g, ''))))
  );
}
const isTimeCell = (text: string) =>
  /^(\d{4}年|\d{1,2}月|年底|年内|长期|持续|每年|每季|每月|即日|\d{4}[.\-/]\d)/.test(text.replace(/\s+/g, '')) &&
  text.length <= 40;

/** Finds the header rows (one or two) among the first rows: the first row naming the work and who does it. */
function findHeader(table: TableBlock): { first: number; last: number; columns: Column[] } | null {
  for (const [r, row] of table.rows.slice(0, 8).entries()) {
    const cols = row.map((c) => classifyHeader(c.text));
    const known = cols.filter((c) => c && c !== 'other').length;
    if (known < 2) continue;
    const works = cols.some((c) => c === 'task' || c === 'content');
    const who = cols.some((c) => c === 'units' || c === 'lead' || c === 'co');
    // Two header rows: 责任科室 spanning 牵头科室 | 配合科室 below it.
    let last = r;
    let merged = cols;
    const below = table.rows[r + 1];
    if (below) {
      const belowCols = below.map((c) => classifyHeader(c.text));
      const belowKnown = belowCols.filter((c) => c && c !== 'other').length;
      const belowIsHeader =
        belowKnown >= 1 && below.every((c, j) => !c.text.trim() || belowCols[j] !== null || c.filled);
      if (belowIsHeader && below.some((c, j) => !c.filled && belowCols[j])) {
        last = r + 1;
        merged = cols.map((c, j) => (below[j] && !below[j].filled && belowCols[j] ? belowCols[j] : c));
      }
    }
    const mergedWho = merged.some((c) => c === 'units' || c === 'lead' || c === 'co');
    if (works && (who || mergedWho)) return { first: r, last, columns: merged.map((c) => c ?? 'other') };
    if (works) {
      // Who is in a column whose header we do not know: read it from the cells below.
      const guess = guessColumnsFromCells(table, r + 1, merged);
      if (guess) return { first: r, last, columns: guess };
    }
  }
  return null;
}

function guessColumnsFromCells(table: TableBlock, from: number, cols: (Column | null)[]): Column[] | null {
  const body = table.rows.slice(from, from + 12);
  const out = cols.map((c, j) => {
    if (c && c !== 'other') return c;
    const texts = body.map((row) => row[j]?.text.trim() ?? '').filter(Boolean);
    if (!texts.length) return 'other';
    if (texts.filter(isUnitCell).length >= texts.length * 0.7) return 'units';
    if (texts.filter(isTimeCell).length >= texts.length * 0.7) return 'deadline';
    return 'other';
  });
  return out.includes('units') || out.includes('lead') ? out : null;
}

/** A table is a task list when its header names the work and who does it. */
export function readTaskTable(table: TableBlock): TableItem[] | null {
  const header = findHeader(table);
  if (!header) return null;
  // Two columns of content: 目标任务 beside 推进措施 is the task's name when nothing else names it (or a
  // 量化指标 column holds the targets), else it is the target.
  const contentCols = header.columns.map((c, j) => (c === 'content' ? j : -1)).filter((j) => j >= 0);
  if (contentCols.length > 1) {
    const headerTexts = (table.rows[header.last] ?? []).map((c) => c.text.replace(/\s+/g, ''));
    const goal = contentCols.find((j) => /目标|指标/.test(headerTexts[j] ?? ''));
    if (goal !== undefined)
      header.columns[goal] = !header.columns.includes('task') || header.columns.includes('target') ? 'task' : 'target';
  }
  const hasContent = header.columns.includes('content');
  // With no 工作内容 column the task column itself holds the work items.
  const columns = header.columns.map((c) => (c === 'task' && !hasContent ? 'content' : c));
  const headerKeys = new Set(table.rows.slice(header.first, header.last + 1).map(rowKey));

  const items: TableItem[] = [];
  let section: TableItem['section'] = null;
  let task: TableItem['task'] = null;
  // Rows under one section; a new group starts when the task numbers restart (1. after 3.) or a section names itself.
  let group: { name: TableItem['section']; items: TableItem[] } = { name: null, items: [] };
  const groups = [group];
  let lastTaskNumber: number | null = null;
  let units: TableItem['units'] = [];
  let deadline: TableItem['deadline'] = null;

  for (const row of table.rows.slice(header.last + 1)) {
    if (headerKeys.has(rowKey(row))) continue;
    const spanning = spanningText(row);
    if (spanning && row.length > 2) {
      const cell = row.find((c) => c.text.trim())!;
      section = { text: spanning, span: cell.span };
      task = null;
      group = { name: section, items: [] };
      groups.push(group);
      continue;
    }
    const cells = new Map<Column, Cell[]>();
    const extra = row.length - columns.length;
    row.forEach((cell, j) => {
      // Rows wider than the header: the header's first cell spanned the extra columns on the left.
      const col = columns[Math.max(0, j - Math.max(0, extra))] ?? 'other';
      if (!cells.has(col)) cells.set(col, []);
      const list = cells.get(col)!;
      if (!list.some((c) => c.span.start === cell.span.start && c.span.end === cell.span.end)) list.push(cell);
    });
    const texts = (col: Column) => (cells.get(col) ?? []).filter((c) => c.text.trim());

    let rowSection: TableItem['section'] = null;
    let rowTask: TableItem['task'] = null;
    for (const cell of [...texts('section'), ...texts('task')]) {
      let offset = cell.span.start;
      for (const line of cell.lines) {
        const span = { start: offset, end: offset + line.length };
        if (readLabel(line)?.style === 'cn' || cells.get('section')?.includes(cell)) rowSection = { text: line, span };
        else
          rowTask = rowTask
            ? { text: rowTask.text + line, span: { start: rowTask.span.start, end: span.end } }
            : { text: line, span };
        offset += line.length + 1;
      }
    }
    if (rowSection) section = rowSection;
    let restart = false;
    if (rowTask && (!task || rowTask.text !== task.text)) {
      const label = readLabel(rowTask.text);
      const n = label && label.style !== 'cn' ? label.value : null;
      restart = n !== null && lastTaskNumber !== null && n <= lastTaskNumber;
      lastTaskNumber = n;
      task = rowTask;
    }
    if (restart || (rowSection && group.name && rowSection.text !== group.name.text)) {
      group = { name: rowSection, items: [] };
      groups.push(group);
    } else if (rowSection && !group.name) group.name = rowSection;

    const contentCells = texts('content');
    const unitCells: TableItem['units'] = [];
    for (const [col, role] of [
      ['units', 'default'],
      ['lead', 'lead'],
      ['co', 'co'],
    ] as const) {
      // One unit per line, or 牵头：A / 配合：B lines: each line is a clause of its own.
      for (const c of texts(col)) unitCells.push({ text: c.lines.join('；'), span: c.span, role });
    }
    if (unitCells.length) units = unitCells;
    else if (!contentCells.some((c) => !c.filled)) units = units.slice();
    const deadlineCell = texts('deadline')[0];
    if (deadlineCell) deadline = { text: deadlineCell.lines.join(''), span: deadlineCell.span };
    const targetCell = texts('target')[0];
    if (!contentCells.length) continue;
    // A content cell merged down over several rows is one item, read at its origin.
    if (contentCells.every((c) => c.filled)) continue;
    const numberCell = texts('number')[0];
    const item: TableItem = {
      section,
      task,
      number: numberCell && !numberCell.filled ? numberCell.text.trim() : '',
      content: {
        text: contentCells
          .map((c) => c.lines.join(''))
          .join('')
          .trim(),
        // Not empty: rows without content were skipped above.
        span: { start: contentCells[0]!.span.start, end: contentCells[contentCells.length - 1]!.span.end },
      },
      units: unitCells.length ? unitCells : units,
      deadline: deadlineCell ? deadline : cells.get('deadline')?.length ? deadline : null,
      target: targetCell ? { text: targetCell.lines.join(''), span: targetCell.span } : null,
    };
    items.push(item);
    group.items.push(item);
  }
  // A section's name may print several rows below where it begins (copied from a split merged cell).
  for (const g of groups) for (const item of g.items) item.section = g.name ?? item.section;
  return items.length ? items : null;
}
