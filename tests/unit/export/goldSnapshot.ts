// A LedgerSnapshot built straight from the 新昌 appendix-2 gold table, with no database: the exports are
// plain functions of a snapshot, so their tests should not need SQLite. Deadlines, statuses, a round with
// reports and a leadership group are added deterministically so overdue, recurring and done rows exist.
import { readGoldItems, type GoldItem } from '../goldTable';
import type { Deadline, LedgerSnapshot, TaskNode, TaskStatus, Unit, UnitKind } from '../../../shared/domain';

export const TODAY = '2026-11-23';
export const TOWNSHIPS = ['沙溪镇', '城南乡', '儒岙镇'];

export const GOLD_ITEMS: GoldItem[] = readGoldItems();

function splitNumber(label: string): { number: string; title: string } {
  const m = /^([一二三四五六七八九十]+、|\d+[.．、]|（[一二三四五六七八九十\d]+）)(.*)$/.exec(label);
  return m ? { number: m[1]!, title: m[2]! } : { number: '', title: label };
}

const none: Deadline = { date: null, recurrence: null, ongoing: false, text: '' };

/** A deadline and status per item number, cycling through the cases a clerk meets. */
function planFor(no: number): { deadline: Deadline; status: TaskStatus } {
  switch (no % 6) {
    case 0:
      return { deadline: { ...none, date: '2025-12-31', text: '2025年底前' }, status: '推进中' }; // overdue
    case 1:
      return { deadline: { ...none, date: '2026-12-31', text: '2026年底前' }, status: '推进中' };
    case 2:
      return { deadline: { ...none, recurrence: 'quarterly', text: '每季度' }, status: '推进中' };
    case 3:
      return { deadline: { ...none, ongoing: true, text: '长期坚持' }, status: '长期坚持' };
    case 4:
      return { deadline: { ...none, date: '2026-06-30', text: '2026年6月底前' }, status: '已完成' };
    default:
      return { deadline: { ...none, date: '2026-12-01', text: '2026年12月1日前' }, status: '未启动' }; // due soon
  }
}

export interface GoldSnapshotOptions {
  /** Overrides of an item's fields by its 序号 (1-based), e.g. to plant formula-looking text. */
  patch?: Record<number, Partial<TaskNode>>;
}

export function goldSnapshot(options: GoldSnapshotOptions = {}): LedgerSnapshot {
  const units: Unit[] = [];
  const unitId = (name: string, kind: UnitKind = 'county_department'): number => {
    const known = units.find((u) => u.name === name);
    if (known) return known.id;
    units.push({
      id: units.length + 1,
      name,
      shortName: '',
      kind,
      aliases: [],
      contactPerson: '',
      phone: '',
      active: true,
      sortOrder: units.length + 1,
    });
    return units.length;
  };
  for (const item of GOLD_ITEMS)
    for (const u of item.units) unitId(u, u === '各乡镇街道' ? 'collective' : 'county_department');
  for (const t of TOWNSHIPS) unitId(t, 'township');
  unitId('县疾病预防控制中心', 'health_institution');

  const tasks: TaskNode[] = [];
  let nextId = 100;
  const node = (level: TaskNode['level'], parentId: number | null, label: string, sortOrder: number): TaskNode => {
    const { number, title } = splitNumber(label);
    const n: TaskNode = {
      id: nextId++,
      parentId,
      documentId: 1,
      level,
      number,
      title,
      content: '',
      targets: [],
      leadUnitIds: [],
      coUnitIds: [],
      deadline: none,
      status: '推进中',
      closedBy: '',
      closedOn: null,
      notes: '',
      sortOrder,
    };
    tasks.push(n);
    return n;
  };
  const sections = new Map<string, TaskNode>();
  const taskNodes = new Map<string, TaskNode>();
  const itemIdByNo = new Map<number, number>();
  for (const item of GOLD_ITEMS) {
    let section = sections.get(item.section);
    if (!section) sections.set(item.section, (section = node('section', null, item.section, sections.size + 1)));
    const key = `${item.section}|${item.task}`;
    let task = taskNodes.get(key);
    if (!task) taskNodes.set(key, (task = node('task', section.id, item.task, taskNodes.size + 1)));
    const leaf = node('item', task.id, '', item.no);
    leaf.number = `${item.no}`;
    leaf.title = '';
    leaf.content = item.content;
    const ids = item.units.map((u) => unitId(u));
    leaf.leadUnitIds = ids.slice(0, 1);
    leaf.coUnitIds = ids.slice(1);
    Object.assign(leaf, planFor(item.no), options.patch?.[item.no] ?? {});
    itemIdByNo.set(item.no, leaf.id);
  }
  // Tree order: each node after its parent, siblings by sortOrder (the order the table was read in).
  const ordered: TaskNode[] = [];
  const visit = (parentId: number | null) => {
    for (const t of tasks.filter((x) => x.parentId === parentId).sort((a, b) => a.sortOrder - b.sortOrder)) {
      ordered.push(t);
      visit(t.id);
    }
  };
  visit(null);

  const id = (name: string) => units.find((u) => u.name === name)!.id;
  return {
    documents: [
      {
        id: 1,
        title: '新昌县深化基层卫生健康综合改革实施方案',
        docNumber: '新政办发〔2024〕12号',
        issuer: '新昌县人民政府办公室',
        issuedOn: '2024-03-01',
      },
    ],
    units,
    tasks: ordered,
    groups: [
      {
        id: 1,
        name: '新昌县深化基层卫生健康综合改革领导小组',
        documentId: 1,
        officeUnitId: id('县卫生健康局'),
        officeDirector: '王越晟',
        establishedOn: '2024-03-01',
      },
    ],
    members: [
      {
        id: 1,
        groupId: 1,
        role: '组长',
        personName: '张伟',
        post: '县政府副县长',
        unitId: null,
        sortOrder: 1,
        validFrom: null,
        validTo: null,
      },
      {
        id: 2,
        groupId: 1,
        role: '副组长',
        personName: '王越晟',
        post: '局长',
        unitId: id('县卫生健康局'),
        sortOrder: 2,
        validFrom: null,
        validTo: null,
      },
      {
        id: 3,
        groupId: 1,
        role: '副组长',
        personName: '刘芳',
        post: '县政府办公室副主任',
        unitId: null,
        sortOrder: 3,
        validFrom: null,
        validTo: null,
      },
      ...[
        '县委编办',
        '县发改局',
        '县财政局',
        '县人力社保局',
        '县医保局',
        '县民政局',
        '县农业农村局',
        '县大数据管理中心',
      ].map((u, i) => ({
        id: 10 + i,
        groupId: 1,
        role: '成员',
        personName: '',
        post: '分管负责人',
        unitId: id(u),
        sortOrder: 10 + i,
        validFrom: null,
        validTo: null,
      })),
      {
        id: 30,
        groupId: 1,
        role: '组长',
        personName: '陈旧',
        post: '原副县长',
        unitId: null,
        sortOrder: 0,
        validFrom: '2023-01-01',
        validTo: '2024-02-01',
      },
    ],
    duties: [
      {
        id: 1,
        groupId: 1,
        unitId: id('县卫生健康局'),
        unitName: '县卫生健康局',
        duty: '负责领导小组办公室日常工作，统筹推进基层卫生健康综合改革各项任务，定期调度、通报工作进展。',
        sortOrder: 1,
      },
      {
        id: 2,
        groupId: 1,
        unitId: id('县财政局'),
        unitName: '县财政局',
        duty: '负责落实基层卫生健康投入保障和以奖代补资金。',
        sortOrder: 2,
      },
      {
        id: 3,
        groupId: 1,
        unitId: id('县医保局'),
        unitName: '县医保局',
        duty: '负责完善医保支付政策，推进医共体医保基金总额预算管理。',
        sortOrder: 3,
      },
    ],
    rounds: [
      {
        id: 1,
        name: '2026年第四季度调度',
        periodStart: '2026-10-01',
        periodEnd: '2026-12-31',
        dueOn: '2026-12-05',
        closed: false,
      },
    ],
    roundUnits: ['沙溪镇', '城南乡', '县财政局', '县卫生健康局'].map((u) => ({ roundId: 1, unitId: id(u) })),
    reports: [
      {
        id: 1,
        taskId: itemIdByNo.get(4)!,
        unitId: id('沙溪镇'),
        roundId: 1,
        status: '推进中',
        percent: 60,
        progress: '镇卫生院已完成“优质服务基层行”推荐标准自评。',
        problems: '',
        nextSteps: '迎接市级复核。',
        source: 'demo',
        importBatchId: null,
        reportedOn: '2026-11-20',
        updatedAt: '2026-11-20T09:00:00',
      },
      {
        id: 2,
        taskId: itemIdByNo.get(1)!,
        unitId: id('县卫生健康局'),
        roundId: 1,
        status: '推进中',
        percent: 80,
        progress: '医共体章程已修订。',
        problems: '',
        nextSteps: '',
        source: 'demo',
        importBatchId: null,
        reportedOn: '2026-11-18',
        updatedAt: '2026-11-18T09:00:00',
      },
    ],
  };
}

export const unitNamed = (snap: LedgerSnapshot, name: string): Unit => {
  const u = snap.units.find((x) => x.name === name);
  if (!u) throw new Error(`no unit ${name}`);
  return u;
};
