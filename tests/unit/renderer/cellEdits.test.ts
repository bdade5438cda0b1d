// What an edit in the 任务清单 grid writes, and the edits refused before anything is written, in Chinese.
import { describe, expect, it } from 'vitest';
import type { TaskNode } from '../../../shared/domain';
import type { GridRow } from '../../../shared/taskListRows';
import {
  CONTENT_REQUIRED,
  cellEdit,
  LEAD_REQUIRED,
  STATUS_REQUIRED,
  TITLE_REQUIRED,
} from '../../../renderer/src/pages/tasks/cellEdits';

const node = (id: number, number: string, title: string): TaskNode => ({
  id,
  parentId: 1,
  documentId: null,
  level: 'item',
  number,
  title,
  content: '内容',
  targets: [],
  leadUnitIds: [1],
  coUnitIds: [],
  deadline: { date: null, recurrence: null, ongoing: false, text: '' },
  status: '推进中',
  closedBy: '',
  closedOn: null,
  notes: '',
  sortOrder: id,
});
const row: GridRow = {
  key: 'i5',
  kind: 'item',
  node: node(5, '1.', ''),
  task: node(3, '2.', '建设医共体'),
  section: null,
  warning: 'green',
  latest: null,
  leadNames: '县卫生健康局',
  coNames: '',
};

describe('an edit in the task grid', () => {
  it('refuses clearing a required cell (Delete hands the grid null) with a reason, not a schema message', () => {
    expect(cellEdit(row, 'lead', null)).toEqual({ refused: LEAD_REQUIRED });
    expect(cellEdit(row, 'lead', [])).toEqual({ refused: LEAD_REQUIRED });
    expect(cellEdit(row, 'status', null)).toEqual({ refused: STATUS_REQUIRED });
    expect(cellEdit(row, 'content', null)).toEqual({ refused: CONTENT_REQUIRED });
    expect(cellEdit(row, 'task', '2.')).toEqual({ refused: TITLE_REQUIRED });
    expect(LEAD_REQUIRED).toMatch(/^牵头单位不能清空/);
  });

  it('clears an optional cell', () => {
    expect(cellEdit(row, 'co', null)).toEqual({ id: 5, patch: { coUnitIds: [] } });
    expect(cellEdit(row, 'deadline', null)).toEqual({ id: 5, patch: { deadlineText: '' } });
  });

  it('refuses a text over the limit whole, counting characters as the clerk does, and never cuts it', () => {
    expect(cellEdit(row, 'content', '长'.repeat(4000))).toEqual({ id: 5, patch: { content: '长'.repeat(4000) } });
    expect(cellEdit(row, 'content', '长'.repeat(5000))).toEqual({
      refused: '工作内容太长：有 5000 个字，最多 4000 个字。未保存，原内容不变；请删减后再保存。',
    });
    expect(cellEdit(row, 'task', `2.${'题'.repeat(501)}`)).toMatchObject({
      refused: expect.stringMatching(/^重点任务太长/),
    });
  });

  it('edits the parent 重点任务 from its column, without its number', () => {
    expect(cellEdit(row, 'task', '2.建设紧密型医共体')).toEqual({ id: 3, patch: { title: '建设紧密型医共体' } });
  });
});
