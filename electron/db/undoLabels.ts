// Names one change set the way the clerk would ("修改 第3项 的完成时限", "新增责任单位 县医保局") from what its
// audit rows recorded, so 撤销/重做 say exactly which change they take back.
import type { Db } from './connection';

type State = Record<string, unknown>;

interface Step {
  entity: string;
  action: string;
  before: State | null;
  after: State | null;
}

/** The fields a clerk edits, by entity, in the words the pages use. */
const FIELD_NAMES: Record<string, Record<string, string>> = {
  task: {
    number: '序号',
    title: '重点任务',
    content: '工作内容',
    targets: '目标要求',
    deadline: '完成时限',
    leadUnitIds: '牵头单位',
    coUnitIds: '配合单位',
    status: '状态',
    closedBy: '销号',
    closedOn: '销号',
    notes: '备注',
    parentId: '位置',
    sortOrder: '位置',
    level: '层级',
  },
  unit: {
    name: '名称',
    shortName: '简称',
    kind: '类别',
    aliases: '别名',
    contactPerson: '联系人',
    phone: '电话',
    active: '启用状态',
    sortOrder: '排序',
  },
  leadership_group: {
    name: '名称',
    documentId: '成立文件',
    officeUnitId: '办公室所在单位',
    officeDirector: '办公室主任',
    establishedOn: '成立日期',
  },
  group_member: { role: '职务', personName: '姓名', post: '职务（岗位）', unitId: '单位', sortOrder: '排序' },
  group_duty: { unitId: '单位', unitName: '单位', duty: '职责' },
  progress_round: { name: '名称', periodStart: '调度周期', periodEnd: '调度周期', dueOn: '报送截止日期' },
};

/** A state's value as text ('' for anything that is not text or a number). */
const str = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

const quoteShort = (text: unknown, max = 14): string => {
  const s = str(text).trim();
  return s.length > max ? `${s.slice(0, max)}…` : s;
};

function taskName(state: State): string {
  const number = str(state.number).trim();
  const digits = /^\d+/.exec(number)?.[0];
  if (state.level === 'item') return digits ? `第${digits}项` : `“${quoteShort(state.content)}”`;
  return `“${quoteShort(str(state.title) || state.content)}”`;
}

function nameOf(db: Db, entity: string, state: State): string {
  switch (entity) {
    case 'task':
      return taskName(state);
    case 'unit':
    case 'leadership_group':
    case 'progress_round':
      return str(state.name);
    case 'group_member':
      return str(state.personName) || str(state.role);
    case 'group_duty': {
      if (str(state.unitName)) return str(state.unitName);
      const unit = db.prepare('SELECT name FROM unit WHERE id = ?').get(state.unitId) as { name: string } | undefined;
      return unit?.name ?? '';
    }
    default:
      return '';
  }
}

const KIND: Record<string, string> = {
  task: '任务',
  unit: '责任单位',
  leadership_group: '领导小组',
  group_member: '领导小组成员',
  group_duty: '成员单位职责',
  progress_round: '调度轮次',
};

function changedFields(entity: string, before: State, after: State): string[] {
  const names = FIELD_NAMES[entity] ?? {};
  const out: string[] = [];
  for (const [key, name] of Object.entries(names)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]) && !out.includes(name)) out.push(name);
  }
  return out;
}

function describeStep(db: Db, step: Step): string | null {
  const kind = KIND[step.entity];
  if (!kind) return null;
  if (step.action === 'create' && step.after) {
    const verb = step.entity === 'leadership_group' || step.entity === 'progress_round' ? '新建' : '新增';
    return `${verb}${kind} ${nameOf(db, step.entity, step.after)}`.trim();
  }
  if (step.action === 'update' && step.before && step.after) {
    if (step.entity === 'progress_round' && step.after.closed && !step.before.closed) {
      return `关闭调度轮次 ${nameOf(db, step.entity, step.after)}`;
    }
    const fields = changedFields(step.entity, step.before, step.after);
    if (fields.length === 0) return null;
    const name = nameOf(db, step.entity, step.after);
    const who = step.entity === 'task' ? name : `${kind} ${name}`;
    return `修改 ${who} 的${fields.join('、')}`;
  }
  return null;
}

/**
 * The specific label of a change set that wrote one row (the common case: one cell, one unit), or the
 * handler's own label for anything larger (a paste, a bulk edit, a delete through the 回收站).
 */
export function describeChangeSet(db: Db, changeSetId: number, fallback: string): string {
  const rows = db
    .prepare('SELECT entity, action, before, after FROM audit_log WHERE change_set_id = ? ORDER BY id LIMIT 2')
    .all(changeSetId) as { entity: string; action: string; before: string | null; after: string | null }[];
  if (rows.length !== 1) return fallback;
  const row = rows[0]!;
  const step: Step = {
    entity: row.entity,
    action: row.action,
    before: row.before ? (JSON.parse(row.before) as State) : null,
    after: row.after ? (JSON.parse(row.after) as State) : null,
  };
  return describeStep(db, step) ?? fallback;
}
