// The fixture documents read as a clerk would retype them: the 新昌 appendix table item by item, the
// 文水 leadership group, the 鄂尔多斯 deadlines and targets, and each document's metadata.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, toDocumentJson, type DocumentAnalysis } from '../../../electron/services/documents';
import { readGoldItems } from '../goldTable';
import assert from 'node:assert';

const dir = join(__dirname, '../../fixtures/documents');
const read = (name: string) => analyzeDocument(name, readFileSync(join(dir, name)));
const squash = (s: string) => s.replace(/\s+/g, '');

const gold = readGoldItems();

function tableItems(r: DocumentAnalysis) {
  return r.tasks.filter((t) => t.source === 'table' && t.level === 'item');
}

describe.each(['xinchang-reform-plan.docx', 'xinchang-reform-plan.txt'])('新昌 appendix 2 from %s', (file) => {
  it('gives exactly the 45 work items of the gold file, in order, with section, task and units', async () => {
    const r = await read(file);
    const json = toDocumentJson(r);
    const contents = new Set(tableItems(r).map((t) => t.content));
    const items = json.tasks.filter((t) => contents.has(t.content));
    expect(items).toHaveLength(45);
    items.forEach((item, i) => {
      const g = gold[i]!;
      expect(squash(item.content), `item ${g.no}`).toBe(squash(g.content));
      // A task with one row of work is that row's title; with several it is their parent.
      const where = item.path.length === 2 ? item.path : [...item.path, `${item.number}${item.title}`];
      expect(where, `item ${g.no}`).toEqual([g.section, g.task]);
      expect(item.title.trim(), `item ${g.no}`).not.toBe('');
      expect([...item.leadUnits, ...item.coUnits], `item ${g.no}`).toEqual(g.units);
      expect(item.leadUnits, `item ${g.no}`).toEqual([g.units[0]]);
    });
  });

  it('names section 二 for the rows above where its merged cell printed its name', async () => {
    const r = await read(file);
    const row = tableItems(r).find((t) => t.content.startsWith('逐年提高人均基本公共卫生服务经费'));
    expect(row?.path[0]).toBe('二、提升基层医疗卫生服务能力');
  });

  it('leaves the body tasks that the appendix repeats out, with a reason, and keeps the phases', async () => {
    const r = await read(file);
    const body = r.tasks.find((t) => t.source === 'body' && t.title === '建设高水平县域医共体');
    expect(body?.included).toBe(false);
    expect(body?.excludedReason).toContain('附件');
    // The body still carries its own markers for the clerk who includes it.
    expect(body?.leadUnits).toEqual(['县卫生健康局']);
    expect(body?.coUnits).toEqual(['县财政局', '县人力社保局', '县医疗保障局']);
    expect(r.milestones.map((m) => [m.name, m.startDate, m.endDate])).toEqual([
      ['启动阶段', '2022-03-01', '2022-08-31'],
      ['实施阶段', '2022-09-01', '2023-12-31'],
      ['完善阶段', '2024-01-01', '2025-12-31'],
    ]);
    const phase = toDocumentJson(r).tasks.find((t) => t.title.startsWith('启动阶段'));
    expect(phase).toMatchObject({ deadline: '2022-08-31', deadlineText: '2022年3月—2022年8月' });
  });

  it('reads the title, no 文号 or date (a draft has none), and the group of appendix 1', async () => {
    const r = await read(file);
    expect(r.document).toEqual({
      title: '新昌县深化基层卫生健康综合改革实施方案',
      docNumber: '',
      issuer: '',
      issuedOn: null,
    });
    const [group] = r.groups;
    assert(group);
    expect(group.name).toBe('新昌县深化基层卫生健康综合改革领导小组');
    expect(group.members.filter((m) => m.role === '组长').map((m) => m.person)).toEqual(['王奇洲']);
    expect(group.members.filter((m) => m.role === '副组长').map((m) => m.person)).toEqual(['王越晟']);
    const memberUnits = group.members.filter((m) => m.role === '成员').map((m) => m.unit);
    expect(memberUnits).toHaveLength(16);
    expect(memberUnits[0]).toBe('县委办');
    expect(memberUnits).toContain('各乡镇（街道）');
    expect(group.members.find((m) => m.role === '办公室副主任')?.unit).toBe('县卫生健康局');
  });

  it('proposes 县医保局 as possibly the same unit as 县医疗保障局', async () => {
    const r = await read(file);
    const p = r.proposedUnits.find((u) => u.name === '县医保局');
    expect(p?.kind).toBe('county_department');
    expect(p?.sameAs).toContain('县医疗保障局');
    expect(r.proposedUnits.find((u) => u.name === '各乡镇街道')?.kind).toBe('collective');
  });
});

describe.each(['wenshui-measures-2023-57.docx', 'wenshui-measures-2023-57.txt'])('文水 measures from %s', (file) => {
  it('reads 文号, issuer, date and the plan title apart from the cover notice', async () => {
    const r = await read(file);
    expect(r.document).toEqual({
      title: '贯彻落实以基层为重点的新时代党的卫生与健康工作方针推动基层医疗卫生事业高质量发展的若干措施',
      docNumber: '文卫体字〔2023〕57号',
      issuer: '文水县卫生健康和体育局',
      issuedOn: '2023-11-10',
    });
    expect(r.coverSpan).not.toBeNull();
    expect(r.text.slice(r.coverSpan!.start, r.coverSpan!.end)).toContain('印发给你们');
    expect(r.text.slice(r.coverSpan!.start, r.coverSpan!.end)).not.toContain('提高思想认识');
  });

  it('gives the appendix group: 组长 张国强, 副组长 刘峰景, four members, office in 基层股, five section duties', async () => {
    const r = await read(file);
    const json = toDocumentJson(r);
    expect(json.groups).toHaveLength(1);
    const g = json.groups[0]!;
    expect(g.name).toMatch(/高质量发展领导小组$/);
    expect(g.office).toBe('基层股');
    expect(g.members.filter((m) => m.role === '组长')).toEqual([
      { role: '组长', person: '张国强', post: '县卫生健康和体育局局长', unit: '县卫生健康和体育局' },
    ]);
    expect(g.members.filter((m) => m.role === '副组长')).toEqual([
      { role: '副组长', person: '刘峰景', post: '县卫生健康和体育局副局长', unit: '县卫生健康和体育局' },
    ]);
    expect(g.members.filter((m) => m.role === '成员').map((m) => m.person)).toEqual([
      '刘春丽',
      '王红红',
      '陈永红',
      '马永生',
    ]);
    expect(g.duties.map((d) => d.unit)).toEqual(['人事股', '财务股', '医政股', '基层股', '规宣股']);
    expect(g.duties[2]?.duty).toMatch(/^牵头负责指导基层医疗卫生改革工作/);
    expect(g.duties[2]?.duty).toMatch(/中医药工作中出现的问题。$/);
  });

  it('reads the 24 measures under six parts, joining sentences broken at page ends', async () => {
    const r = await read(file);
    const tasks = r.tasks.filter((t) => t.level === 'task');
    expect(tasks).toHaveLength(24);
    expect(tasks.every((t) => t.included)).toBe(true);
    expect(r.tasks.filter((t) => t.level === 'section')).toHaveLength(6);
    const six = tasks.find((t) => t.title === '加强办实事工作');
    expect(six?.content).toContain('听取基层卫生健康工作进展情况');
    expect(six?.recurrence).toBe('half_yearly');
    expect(tasks.find((t) => t.title === '完善调查研究工作机制')?.recurrence).toBe('quarterly');
    expect(tasks.find((t) => t.title === '推进基层医疗卫生机构服务能力标准化建设')).toMatchObject({
      deadline: '2025-12-31',
    });
    // "各单位" in a notice sent to 各医疗卫生单位 means them.
    expect(tasks.find((t) => t.title === '建立定期汇报协商机制')?.leadUnits).toEqual(['各医疗卫生单位']);
  });
});

describe('鄂尔多斯 capacity plan (text pasted from PDF)', () => {
  it('reads metadata from the notice and separates it from the plan', async () => {
    const r = await read('ordos-capacity-plan.txt');
    expect(r.document).toEqual({
      title: '鄂尔多斯市基层医疗卫生服务能力提升行动实施方案',
      docNumber: '',
      issuer: '鄂尔多斯市人民政府办公室',
      issuedOn: '2024-04-08',
    });
  });

  it('finds deadlines: 到2025年底 over the goals, 到2025年 in prose', async () => {
    const r = await read('ordos-capacity-plan.txt');
    const goals = r.tasks.find((t) => t.number === '二、');
    expect(goals).toMatchObject({ title: '工作目标', deadline: '2025-12-31', deadlineText: '到2025年底' });
    const infra = r.tasks.find((t) => t.title.startsWith('所有嘎查村卫生室'));
    expect(infra?.deadline).toBe('2025-12-31');
    expect(infra?.inherited.deadline).toBe(true);
    const county = r.tasks.find((t) => t.title === '加快构建紧密型县域医共体');
    expect(county).toMatchObject({
      deadline: '2025-12-31',
      deadlineText: '到2025年',
      targets: ['县域内基层就诊率达65%以上'],
    });
  });

  it('attaches measurable targets to their items', async () => {
    const r = await read('ordos-capacity-plan.txt');
    const township = r.tasks.find((t) => t.title === '苏木乡镇卫生院');
    expect(township?.targets).toEqual([
      '卫生技术人员数不少于机构职工总数的90%',
      '机构内注册全科医师数不少于2人',
      '中医（蒙医）类别医师占本机构医师总数比例达25%',
      '公共卫生医师不少于1人',
    ]);
    const signing = r.tasks.find((t) => t.title.startsWith('全人群和重点人群签约服务覆盖率'));
    expect(signing?.targets).toContain('全人群签约服务覆盖率达75%以上');
    expect(signing?.targets).toContain('重点人群签约服务覆盖率达90%以上');
  });

  it('leaves guidance and safeguards without a named unit out, each with a reason', async () => {
    const r = await read('ordos-capacity-plan.txt');
    const guidance = r.tasks.find((t) => t.title === '指导思想');
    expect(guidance?.included).toBe(false);
    expect(guidance?.excludedReason).toContain('指导思想');
    const publicity = r.tasks.find((t) => t.title === '注重宣传，营造氛围');
    expect(publicity?.included).toBe(false);
    expect(publicity?.excludedReason).toContain('保障措施');
    const plan = r.tasks.find((t) => t.title === '制定计划，推进实施');
    expect(plan?.included).toBe(true);
    expect(r.tasks.find((t) => t.title === '优化机构布局')?.included).toBe(true);
    expect(r.tasks.find((t) => t.title === '优化机构布局')?.path).toEqual([
      '三、主要任务',
      '（一）提升基层医疗机构综合服务能力',
    ]);
  });
});

describe('source spans', () => {
  it.each([
    'xinchang-reform-plan.docx',
    'xinchang-reform-plan.txt',
    'wenshui-measures-2023-57.txt',
    'ordos-capacity-plan.txt',
  ])('point at the words they came from in %s', async (file) => {
    const r = await read(file);
    for (const t of r.tasks) {
      if (t.title) expect(r.text.slice(t.titleSpan.start, t.titleSpan.end)).toContain(t.title.slice(0, 4));
      const brackets = (s: string) => s.replace(/\(/g, '（').replace(/\)/g, '）');
      for (const u of t.units) expect(brackets(r.text.slice(u.span.start, u.span.end))).toBe(u.name);
      for (const h of t.targetHits) expect(r.text.slice(h.span.start, h.span.end)).toBe(h.text);
      for (const d of t.deadlines) expect(r.text.slice(d.span.start, d.span.end)).toBe(d.deadline.text);
      if (t.source === 'table' && t.level === 'item')
        expect(squash(r.text.slice(t.span.start, t.span.end))).toBe(squash(t.content));
    }
    for (const [key, span] of Object.entries(r.documentSpans)) {
      if (key === 'title' || key === 'issuer')
        expect(r.text.slice(span.start, span.end)).toBe(r.document[key as 'title']);
    }
    for (const g of r.groups)
      for (const d of g.duties) expect(r.text.slice(d.span.start, d.span.end)).toContain(d.duty);
  });
});
