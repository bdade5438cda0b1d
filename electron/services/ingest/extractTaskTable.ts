// 重点任务清单 appendix tables: 重点任务 | 工作内容 | 责任单位 (sometimes 序号, 牵头/配合 apart, 完成时限).
// Each 工作内容 row is a work item under its section (一、) and task (1.). Merged cells are filled by
// the reader; in text copied from Word they arrive blank, so blanks carry the value from above, and a
// section whose merged cell printed its name further down is named by looking ahead.
import { readLabel } from './headingLabels';
import type { Cell, Span, TableBlock } from './types';

type Column = 'number' | 'section' | 'task' | 'content' | 'units' | 'lead' | 'co' | 'deadline' | 'notes' | 'other';

const HEADER: [RegExp, Column][] = [
  [/^(序号|编号)$/, 'number'],
  [/^(部分|领域|类别|板块)$/, 'section'],
  [/^(重点任务|主要任务|任务|重点工作|任务名称|工作任务)$/, 'task'],
  [/^(工作内容|任务内容|具体内容|工作措施|具体任务|主要内容|具体措施|工作举措|主要措施)$/, 'content'],
  [/^(责任单位|责任部门|责任科室|责任股室|责任主体|实施单位)$/, 'units'],
  [/^(牵头单位|牵头部门|牵头科室)$/, 'lead'],
  [/^(配合单位|配合部门|协同单位|参与单位|配合科室)$/, 'co'],
  [/^(完成时限|时限要求|完成时间|计划完成时间|时间节点|时限)$/, 'deadline'],
  [/^(备注)$/, 'notes'],
];

function classify(text: string): Column | null {
  const t = text.replace(/\s+/g, '');
  return HEADER.find(([re]) => re.test(t))?.[1] ?? null;
}

export interface TableItem {
  section: { text: string; span: Span } | null;
  task: { text: string; span: Span } | null;
  content: { text: string; span: Span };
  units: { text: string; span: Span; role: 'default' | 'lead' | 'co' }[];
  deadline: { text: string; span: Span } | null;
}

/** A table is a task list when its header names both the work and who does it. */
export function readTaskTable(table: TableBlock): TableItem[] | null {
  const headerRow = table.rows.slice(0, 3).findIndex((row) => {
    const cols = row.map((c) => classify(c.text));
    return (cols.includes('content') || cols.includes('task')) && (cols.includes('units') || cols.includes('lead'));
  });
  if (headerRow < 0) return null;
  const header = table.rows[headerRow].map((c) => classify(c.text) ?? 'other');
  const hasContent = header.includes('content');
  // With no 工作内容 column the 重点任务 column itself holds the work items.
  const columns = header.map((c) => (c === 'task' && !hasContent ? 'content' : c));
  const headerKey = table.rows[headerRow].map((c) => c.text.replace(/\s+/g, '')).join('|');

  const rows: { cells: Map<Column, Cell[]> }[] = [];
  for (const row of table.rows.slice(headerRow + 1)) {
    if (row.map((c) => c.text.replace(/\s+/g, '')).join('|') === headerKey) continue;
    const extra = row.length - columns.length;
    const cells = new Map<Column, Cell[]>();
    row.forEach((cell, j) => {
      // Rows wider than the header: the header's first cell spanned the extra columns on the left.
      const col = columns[Math.max(0, j - Math.max(0, extra))] ?? 'other';
      if (!cells.has(col)) cells.set(col, []);
      const list = cells.get(col)!;
      if (!list.some((c) => c.span.start === cell.span.start && c.span.end === cell.span.end)) list.push(cell);
    });
    rows.push({ cells });
  }

  const items: TableItem[] = [];
  let section: TableItem['section'] = null;
  let sectionGroup: { name: TableItem['section']; items: TableItem[] } | null = null;
  const groups: { name: TableItem['section']; items: TableItem[] }[] = [];
  let task: TableItem['task'] = null;
  let lastTaskNumber: number | null = null;
  let units: TableItem['units'] = [];
  let deadline: TableItem['deadline'] = null;

  for (const { cells } of rows) {
    const taskish = [...(cells.get('section') ?? []), ...(cells.get('task') ?? [])];
    let rowSection: TableItem['section'] = null;
    let rowTask: TableItem['task'] = null;
    for (const cell of taskish) {
      let offset = cell.span.start;
      for (const line of cell.lines) {
        const at = offset;
        const span = { start: at, end: at + line.length };
        if (readLabel(line)?.style === 'cn') rowSection = { text: line, span };
        else if (rowTask) rowTask = { text: rowTask.text + line, span: { start: rowTask.span.start, end: span.end } };
        else rowTask = { text: line, span };
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
    if (!sectionGroup || restart || (rowSection && sectionGroup.name && rowSection.text !== sectionGroup.name.text)) {
      sectionGroup = { name: rowSection, items: [] };
      groups.push(sectionGroup);
    } else if (rowSection && !sectionGroup.name) sectionGroup.name = rowSection;

    const contentCells = cells.get('content') ?? [];
    const contentText = contentCells.map((c) => c.lines.join('')).join('');
    const unitCells: TableItem['units'] = [];
    for (const [col, role] of [['units', 'default'], ['lead', 'lead'], ['co', 'co']] as const) {
      for (const c of cells.get(col) ?? []) if (c.text.trim()) unitCells.push({ text: c.text.replace(/\n/g, ''), span: c.span, role });
    }
    if (unitCells.length) units = unitCells;
    const deadlineCell = (cells.get('deadline') ?? []).find((c) => c.text.trim());
    if (deadlineCell) deadline = { text: deadlineCell.text.replace(/\n/g, ''), span: deadlineCell.span };
    if (!contentText.trim()) continue;
    const first = contentCells[0];
    const item: TableItem = {
      section,
      task,
      content: { text: contentText.trim(), span: { start: first.span.start, end: contentCells[contentCells.length - 1].span.end } },
      units,
      deadline: deadlineCell ? deadline : (cells.get('deadline')?.length ? deadline : null),
    };
    sectionGroup.items.push(item);
    items.push(item);
  }
  // A section's name may print several rows below where it begins (copied from a split merged cell).
  for (const g of groups) for (const item of g.items) item.section = g.name ?? item.section;
  return items.length ? items : null;
}
