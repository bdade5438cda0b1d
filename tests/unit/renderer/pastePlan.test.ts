// A block copied from Excel read into cells and planned as new rows or an overwrite before anything is written.
import { describe, expect, it } from 'vitest';
import type { TaskNode, Unit } from '../../../shared/domain';
import { detectHeader, findHeader } from '../../../renderer/src/pages/tasks/pasteHeader';
import {
  groupProblems,
  parseClipboardBlock,
  pasteModeFor,
  planNewRows,
  planOverwrite,
} from '../../../renderer/src/pages/tasks/pastePlan';

const unit = (id: number, name: string, shortName = '', aliases: string[] = []): Unit => ({
  id,
  name,
  shortName,
  aliases,
  kind: 'county_department',
  contactPerson: '',
  phone: '',
  active: true,
  sortOrder: id,
});
const units = [unit(1, '县卫生健康局'), unit(2, '县医疗保障局', '县医保局'), unit(3, '县财政局')];
const task = (id: number, number: string, title: string): TaskNode => ({
  id,
  parentId: 100,
  documentId: null,
  level: 'task',
  number,
  title,
  content: '',
  targets: [],
  leadUnitIds: [],
  coUnitIds: [],
  deadline: { date: null, recurrence: null, ongoing: false, text: '' },
  status: '未启动',
  closedBy: '',
  closedOn: null,
  notes: '',
  sortOrder: id,
});

describe('reading a block copied from Excel', () => {
  it('keeps a cell with a line break (Excel quotes it) as one cell and drops blank rows', () => {
    const block = '甲\t"第一行\n第二行"\t丙\r\n\r\n丁\t戊\t己\r\n';
    expect(parseClipboardBlock(block)).toEqual([
      ['甲', '第一行\n第二行', '丙'],
      ['丁', '戊', '己'],
    ]);
  });

  it('recognises a header row in any order', () => {
    expect(detectHeader(['完成时限', '工作内容', '责任单位'])).toEqual(['deadline', 'content', 'units']);
    expect(detectHeader(['序 号', '具体工作', '责任部门', '时间节点'])).toEqual([
      'number',
      'content',
      'units',
      'deadline',
    ]);
    expect(detectHeader(['工作任务', '牵头单位', '完成时限（时间节点）'])).toEqual(['content', 'lead', 'deadline']);
    expect(detectHeader(['推进医共体建设', '县卫生健康局', '2025年底前'])).toBeNull();
    expect(detectHeader(['县卫生健康局牵头', '县财政局配合', '年底前完成时限'])).toBeNull();
  });
});

describe('planning new rows', () => {
  it('fills a blank 重点任务 down like a merged cell, reuses a known task and proposes new ones', () => {
    const rows = parseClipboardBlock(
      [
        '重点任务\t工作内容\t责任单位\t完成时限',
        '1.建设医共体\t内容甲\t县卫生健康局、县医保局\t2025年底前',
        '\t内容乙\t县财政局\t',
        '5.新任务\t内容丙\t县医保局\t每季度',
      ].join('\n'),
    );
    const plan = planNewRows(rows, { units, currentTask: null, sectionTasks: [task(7, '1.', '建设医共体')] });
    expect(plan.problems).toEqual([]);
    expect(plan.creates.map((c) => [c.task, c.fields.content, c.fields.leadUnitIds, c.fields.coUnitIds])).toEqual([
      [{ id: 7 }, '内容甲', [1], [2]],
      [{ id: 7 }, '内容乙', [3], []],
      [{ title: '新任务', number: '5.' }, '内容丙', [2], []],
    ]);
    expect(plan.creates[0]?.fields.deadlineText).toBe('2025年底前');
  });

  it('without a header reads the appendix order and adds under the current task', () => {
    const plan = planNewRows(parseClipboardBlock('新的工作\t县医保局\t县财政局、县卫生健康局\t长期坚持'), {
      units,
      currentTask: task(9, '2.', '加强医保支持'),
      sectionTasks: [],
    });
    expect(plan.hasHeader).toBe(false);
    expect(plan.creates).toHaveLength(1);
    expect(plan.creates[0]).toMatchObject({
      task: { id: 9 },
      fields: { content: '新的工作', leadUnitIds: [2], coUnitIds: [3, 1], deadlineText: '长期坚持' },
    });
  });

  it('reports rows it cannot take, naming the row and what to do, and never guesses a unit', () => {
    const plan = planNewRows(parseClipboardBlock('甲工作\t县教育局\n\t县财政局\n乙工作\t县财政局\t\t\t正在推进'), {
      units,
      currentTask: task(9, '2.', '加强医保支持'),
      sectionTasks: [],
    });
    expect(plan.creates).toEqual([]);
    expect(plan.problems.map((p) => p.message)).toEqual([
      '第 1 行的单位“县教育局”不在责任单位名单中：请先在“责任单位”中新增或补充别名。',
      '第 2 行没有工作内容，已跳过。',
      '第 3 行的状态“正在推进”无法识别：应为 未启动、推进中、已完成、已销号、长期坚持 之一。',
    ]);
  });
});

describe('planning an overwrite from the focused cell', () => {
  const shown = (over: Partial<Record<string, string>>) => ({
    number: '1.',
    content: '内容',
    lead: '县卫生健康局',
    co: '',
    deadline: '2026年底前',
    status: '推进中',
    notes: '',
    ...over,
  });
  it('fills right then down, skips unchanged cells and resolves unit names', () => {
    const plan = planOverwrite(
      parseClipboardBlock('县医保局\t县财政局\n县卫生健康局\t'),
      [
        { id: 1, shown: shown({}) },
        { id: 2, shown: shown({ co: '县财政局' }) },
      ],
      ['lead', 'co', 'deadline'],
      units,
    );
    expect(plan.updates).toEqual([
      { id: 1, patch: { leadUnitIds: [2], coUnitIds: [3] } },
      { id: 2, patch: { coUnitIds: [] } },
    ]);
    expect(plan.changes.map((c) => `${c.row}:${c.column}:${c.before}→${c.after}`)).toEqual([
      '1:lead:县卫生健康局→县医保局',
      '1:co:→县财政局',
      '2:co:县财政局→',
    ]);
  });

  it('reports what falls outside the shown rows and columns instead of wrapping', () => {
    const plan = planOverwrite(
      parseClipboardBlock('a\tb\tc\nd'),
      [{ id: 1, shown: shown({}) }],
      ['notes', 'status'],
      units,
    );
    expect(plan.problems.map((p) => p.message)).toEqual([
      '第 1 行的状态“b”无法识别，这一格未粘贴。',
      '第 1 行第 3 列超出了可粘贴的列，未粘贴。',
      '第 2 行超出了清单中显示的工作内容，未粘贴。',
    ]);
    expect(plan.updates).toEqual([{ id: 1, patch: { notes: 'a' } }]);
  });
});

// Blocks as Excel and WPS put them on the clipboard when a clerk copies part of an appendix table.
const ctxOf = (currentTask: TaskNode | null = null) => ({
  units,
  currentTask,
  sectionTasks: [task(7, '1.', '建设医共体')],
});
const summary = (plan: ReturnType<typeof planNewRows>) =>
  plan.creates.map((c) => [
    c.task,
    c.fields.number ?? '',
    c.fields.content,
    c.fields.leadUnitIds,
    c.fields.deadlineText ?? '',
  ]);

describe('a real copy from Excel/WPS', () => {
  it('finds the header in row 2 under the title row, in another column order, and writes no header word as data', () => {
    const block = [
      '附件：县卫生健康局2025年重点任务清单\t\t\t\t',
      '完成时限\t具体工作\t责任部门\t序号\t重点任务',
      '2025年底前\t内容甲\t县卫生健康局、县医保局\t1\t1.建设医共体',
      '每季度\t内容乙\t县财政局\t2\t',
    ].join('\r\n');
    const rows = parseClipboardBlock(block);
    expect(findHeader(rows)).toMatchObject({ at: 1, height: 1 });
    const plan = planNewRows(rows, ctxOf());
    expect(plan.hasHeader).toBe(true);
    expect(plan.problems).toEqual([]);
    expect(summary(plan)).toEqual([
      [{ id: 7 }, '1', '内容甲', [1], '2025年底前'],
      [{ id: 7 }, '2', '内容乙', [3], '每季度'],
    ]);
    const written = JSON.stringify(plan.creates);
    for (const word of ['序号', '完成时限', '具体工作', '责任部门', '附件']) expect(written).not.toContain(word);
  });

  it('reads a two-row header where 责任单位 is split into 牵头单位 and 配合单位', () => {
    const rows = parseClipboardBlock(
      [
        '序号\t工作内容\t责任单位\t\t完成时限',
        '\t\t牵头单位\t配合单位\t',
        '1\t内容甲\t县医保局\t县财政局\t2025年底前',
      ].join('\n'),
    );
    const plan = planNewRows(rows, ctxOf(task(9, '2.', '加强医保支持')));
    expect(plan.creates.map((c) => [c.row, c.fields.leadUnitIds, c.fields.coUnitIds])).toEqual([[3, [2], [3]]]);
  });

  it('fills every merged column down: 重点任务, 牵头单位 and 责任单位 blanks take the cell above, and says so', () => {
    const rows = parseClipboardBlock(
      [
        '重点任务\t工作内容\t牵头单位\t责任单位\t完成时限',
        '1.建设医共体\t内容甲\t县医保局\t县财政局、县卫生健康局\t2025年底前',
        '\t内容乙\t\t\t',
        '\t内容丙\t\t\t每季度',
      ].join('\n'),
    );
    const plan = planNewRows(rows, ctxOf());
    expect(plan.problems).toEqual([]);
    expect(plan.creates.map((c) => [c.task, c.fields.content, c.fields.leadUnitIds, c.fields.coUnitIds])).toEqual([
      [{ id: 7 }, '内容甲', [2], [3, 1]],
      [{ id: 7 }, '内容乙', [2], [3, 1]],
      [{ id: 7 }, '内容丙', [2], [3, 1]],
    ]);
    expect(plan.creates.map((c) => c.filledDown)).toEqual([[], ['task', 'lead', 'units'], ['task', 'lead', 'units']]);
    // A blank deadline is a deadline not set, not a merged cell: it is not guessed.
    expect(plan.creates.map((c) => c.fields.deadlineText ?? '')).toEqual(['2025年底前', '', '每季度']);
  });

  it('reads a header-less block starting with 序号 numbers as 序号, then the appendix order', () => {
    const rows = parseClipboardBlock('1\t内容甲\t县医保局\t\t2025年底前\n2\t内容乙\t县财政局\t县医保局\t每季度\n');
    const plan = planNewRows(rows, ctxOf(task(9, '2.', '加强医保支持')));
    expect(plan.hasHeader).toBe(false);
    expect(plan.problems).toEqual([]);
    expect(summary(plan)).toEqual([
      [{ id: 9 }, '1', '内容甲', [2], '2025年底前'],
      [{ id: 9 }, '2', '内容乙', [3], '每季度'],
    ]);
  });
});

describe('whether a paste may overwrite the cells from the focused one', () => {
  const at = (columns: number, rows: number) => ({
    columns: (['content', 'lead', 'co', 'deadline', 'status', 'notes'] as const).slice(0, columns),
    targets: Array.from({ length: rows }, (_, i) => ({ id: i + 1, shown: {} as never })),
  });

  it('overwrites only a header-less block that fits the columns and rows shown', () => {
    expect(pasteModeFor(parseClipboardBlock('2026年底前\t推进中\n每季度\t已完成'), at(2, 5))).toEqual({
      overwrite: true,
      reason: '',
    });
  });

  it('offers 新增 instead for a block with a header, a block too wide or too long, and with no focused cell', () => {
    const header = pasteModeFor(parseClipboardBlock('工作内容\t牵头单位\n内容甲\t县医保局'), at(6, 5));
    expect(header).toEqual({ overwrite: false, reason: '粘贴内容第 1 行是表头，只能按表头新增，不覆盖单元格。' });
    expect(pasteModeFor(parseClipboardBlock('a\tb\tc'), at(2, 5))).toEqual({
      overwrite: false,
      reason: '粘贴内容有 3 列，从选中的单元格向右只有 2 列可以修改，不覆盖单元格。',
    });
    expect(pasteModeFor(parseClipboardBlock('a\nb\nc'), at(2, 2))).toEqual({
      overwrite: false,
      reason: '粘贴内容有 3 行，从选中的单元格向下只有 2 项工作内容，不覆盖单元格。',
    });
    expect(pasteModeFor(parseClipboardBlock('a'), null)).toEqual({
      overwrite: false,
      reason: '覆盖前请先在清单中点选要开始覆盖的单元格，再按 Ctrl+V。',
    });
  });
});

describe('warnings in the preview', () => {
  it('are grouped by kind, with how many rows each kind holds', () => {
    const rows = parseClipboardBlock(
      ['甲\t县教育局', '乙\t县教育局', '\t县财政局', '丙\t县公安局', '丁\t县财政局\t\t\t正在推进'].join('\n'),
    );
    const plan = planNewRows(rows, ctxOf(task(9, '2.', '加强医保支持')));
    expect(groupProblems(plan.problems).map((g) => [g.label, g.problems.length, g.names])).toEqual([
      ['单位不在责任单位名单中', 3, ['县教育局', '县公安局']],
      ['没有工作内容', 1, []],
      ['状态无法识别', 1, []],
    ]);
  });
});

describe('texts over their limit', () => {
  it('are refused on their own row or cell, with the limit of the add dialog, and never cut', () => {
    const long = '长'.repeat(4001);
    const plan = planNewRows(
      parseClipboardBlock(`${long}\t县医保局\n短的工作\t县医保局`),
      ctxOf(task(9, '2.', '加强医保支持')),
    );
    expect(plan.creates.map((c) => c.fields.content)).toEqual(['短的工作']);
    expect(plan.problems).toEqual([
      {
        row: 1,
        kind: 'tooLong',
        message: '第 1 行的工作内容太长（4001 个字，最多 4000 个字），未粘贴：请删减后再复制粘贴。',
      },
    ]);
    const overwrite = planOverwrite(
      parseClipboardBlock(`${'备'.repeat(2001)}\t推进中`),
      [{ id: 1, shown: { number: '', content: '', lead: '', co: '', deadline: '', status: '未启动', notes: '' } }],
      ['notes', 'status'],
      units,
    );
    expect(overwrite.updates).toEqual([{ id: 1, patch: { status: '推进中' } }]);
    expect(overwrite.problems.map((p) => p.message)).toEqual([
      '第 1 行的备注太长（2001 个字，最多 2000 个字），这一格未粘贴：请删减后再复制粘贴。',
    ]);
  });
});
