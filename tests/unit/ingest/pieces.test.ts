// Document habits beyond the fixtures: other bracket styles and lead rules, other deadline forms,
// prose groups, merged cells, formats that cannot be read.
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../shared/domain';
import { ingestDocument, toIngestJson } from '../../../electron/services/ingest';
import { assignRoles, findLeadRule, findUnitMarkers, parseUnitList } from '../../../electron/services/ingest/extractUnits';
import { guessUnitKind } from '../../../electron/services/ingest/guessUnitKind';
import { findDeadlines } from '../../../electron/services/ingest/findDeadlines';
import { findTargets } from '../../../electron/services/ingest/findTargets';
import { parseMammothHtml } from '../../../electron/services/ingest/parseMammothHtml';
import { joinBrokenLines } from '../../../electron/services/ingest/joinBrokenLines';
import { readPastedText } from '../../../electron/services/ingest/readPastedText';

const txt = (s: string) => Buffer.from(s, 'utf8');
const unitsOf = (marker: string) => {
  const [m] = findUnitMarkers(marker);
  return assignRoles(parseUnitList(m.inner, m.innerStart), 'first').map((u) => `${u.role}:${u.name}`);
};

describe('unit markers', () => {
  it('reads every bracket style and keeps 各乡镇（街道） whole', () => {
    expect(unitsOf('做好工作。（责任单位：县卫健局、县财政局，各乡镇（街道））')).toEqual(['lead:县卫健局', 'co:县财政局', 'co:各乡镇（街道）']);
    expect(unitsOf('做好工作(责任单位:县卫健局、县医保局)。')).toEqual(['lead:县卫健局', 'co:县医保局']);
    expect(unitsOf('做好工作。[责任科室：医政股、基层股]')).toEqual(['lead:医政股', 'co:基层股']);
    expect(unitsOf('做好工作。【牵头单位：县卫健局；配合单位：县民政局、县残联】')).toEqual(['lead:县卫健局', 'co:县民政局', 'co:县残联']);
  });

  it('honours 牵头/配合 words and 按职责分别牵头', () => {
    expect(unitsOf('推进改革。（县医保局牵头，县卫健局、县财政局配合）')).toEqual(['lead:县医保局', 'co:县卫健局', 'co:县财政局']);
    expect(unitsOf('推进改革。（县卫健局、县医保局按职责分别牵头）')).toEqual(['lead:县卫健局', 'lead:县医保局']);
  });

  it('does not take an aside in brackets for units', () => {
    expect(findUnitMarkers('乡镇卫生院（社区卫生服务中心）达到标准。')).toHaveLength(0);
    expect(findUnitMarkers('通过点式医疗（村卫生室）为主，巡回医疗为补充。')).toHaveLength(0);
  });

  it('follows a document rule that every listed unit leads', () => {
    expect(findLeadRule('以下各项任务的责任单位均为牵头单位，按职责分别牵头。')).toBe('all');
    expect(findLeadRule('以下除特别注明外，排名第一位的为牵头单位。')).toBe('first');
  });

  it('guesses the kind of a new unit', () => {
    expect(guessUnitKind('县医疗保障局')).toBe('county_department');
    expect(guessUnitKind('县委编办')).toBe('county_department');
    expect(guessUnitKind('大市聚镇')).toBe('township');
    expect(guessUnitKind('七星街道')).toBe('township');
    expect(guessUnitKind('医政股')).toBe('bureau_section');
    expect(guessUnitKind('县人民医院')).toBe('health_institution');
    expect(guessUnitKind('儒岙镇卫生院')).toBe('health_institution');
    expect(guessUnitKind('各乡镇（街道）')).toBe('collective');
    expect(guessUnitKind('各医疗卫生单位')).toBe('collective');
  });
});

describe('deadlines in prose', () => {
  const forms = (text: string, documentDate = '2023-11-10') => findDeadlines(text, 0, { documentDate }).map((h) => [h.form, h.deadline.date, h.deadline.recurrence, h.deadline.text]);
  it('reads 到2025年, 2024年6月底前, 2023年全面启动 and N年内 from the document date', () => {
    expect(forms('到2025年，覆盖率达到90%。')).toEqual([['date', '2025-12-31', null, '到2025年']]);
    expect(forms('2024年6月底前完成建设。')).toEqual([['date', '2024-06-30', null, '2024年6月底前']]);
    expect(forms('2023年全面启动试点工作。')).toEqual([['start_year', '2023-12-31', null, '2023年全面启动']]);
    expect(forms('力争5年内实现全覆盖。')).toEqual([['within_years', '2028-11-10', null, '5年内']]);
    expect(forms('三年内建成。')).toEqual([['within_years', '2026-11-10', null, '三年内']]);
  });
  it('reads recurrences and 常态化, and ignores years that are not deadlines', () => {
    expect(forms('每季度至少开展1次督导。')).toEqual([['recurrence', null, 'quarterly', '每季度至少开展1次']]);
    expect(forms('每年至少汇报1次工作进展。')[0].slice(0, 3)).toEqual(['recurrence', null, 'yearly']);
    expect(forms('根据《标准（2022版）》和（厅字〔2023〕3号），经2024年第7次常务会议审议。')).toEqual([]);
    expect(forms('每年提升1—3个百分点。')).toEqual([]);
  });
  it('reads phases as start and end', () => {
    const [hit] = findDeadlines('（一）启动阶段（2022年3月—2022年8月）。', 0);
    expect([hit.form, hit.startDate, hit.deadline.date]).toEqual(['phase', '2022-03-01', '2022-08-31']);
  });
});

describe('targets', () => {
  it('takes measurable clauses and leaves money and prose', () => {
    const t = findTargets('推进签约服务，家庭医生签约覆盖率达到50%以上，县财政给予每家30万元的奖励，不断提升服务质量。', 0).map((h) => h.text);
    expect(t).toEqual(['家庭医生签约覆盖率达到50%以上']);
  });
});

describe('readers', () => {
  it('fills rowspan and colspan cells from mammoth HTML', () => {
    const [table] = parseMammothHtml('<table><tr><td rowspan="2"><p>一、A</p></td><td colspan="2"><p>x&amp;y</p></td></tr><tr><td><p>b</p></td><td><p>c</p></td></tr></table>');
    expect(table.kind).toBe('table');
    if (table.kind !== 'table') return;
    expect(table.rows.map((r) => r.map((c) => c.lines.join()))).toEqual([['一、A', 'x&y', 'x&y'], ['一、A', 'b', 'c']]);
    expect(table.rows[1][0].mergedFrom).toEqual({ row: 0, col: 0 });
  });

  it('glues lines broken mid-sentence but not headings, dates or roster lines', () => {
    const blocks = readPastedText(txt('一、总体要求\n（一）加强领导。各单位要成立领导小组，整合各类资\n\n- 3 -\n\n源和力量。\n组  长：张三\n副组长：李四\n'));
    const lines = joinBrokenLines(blocks).map((b) => (b.kind === 'para' ? b.text : ''));
    expect(lines).toEqual(['一、总体要求', '（一）加强领导。各单位要成立领导小组，整合各类资源和力量。', '组长：张三', '副组长：李四']);
  });

  it('reads GBK text saved by WPS', async () => {
    const iconv = (await import('iconv-lite')).default;
    const r = await ingestDocument('gbk.txt', iconv.encode('一、重点任务\n（一）推进改革。做好工作。（责任单位：县卫健局）\n', 'gbk'));
    expect(toIngestJson(r).tasks[1]).toMatchObject({ number: '（一）', title: '推进改革', leadUnits: ['县卫健局'] });
  });
});

describe('a plan in another habit', () => {
  const plan = [
    '益阳市资阳区人民政府办公室',
    '益资政办发〔2023〕20号',
    '关于印发《资阳区基层卫生综合改革实施方案》的通知',
    '各乡镇人民政府、街道办事处，区直有关单位：',
    '现将《资阳区基层卫生综合改革实施方案》印发给你们，请认真贯彻执行。',
    '益阳市资阳区人民政府办公室',
    '2023年6月2日',
    '资阳区基层卫生综合改革实施方案',
    '一、组织领导',
    '成立由分管副区长任组长、区卫生健康局局长任副组长，区财政局、区人社局、区医保局等单位为成员的区基层卫生综合改革领导小组，领导小组办公室设在区卫生健康局，负责日常工作。',
    '二、重点任务',
    '1.推进医共体建设。2023年全面启动紧密型医共体建设，5年内实现全覆盖。【牵头单位：区卫生健康局；配合单位：区医保局、各乡镇（街道）】',
    '（1）完善管理制度。每半年至少开展1次考核。',
    '2.落实财政投入。(区财政局、区卫生健康局按职责分别牵头)',
  ].join('\n');
  const known: Unit[] = [
    { id: 7, name: '区医疗保障局', shortName: '区医保局', kind: 'county_department', aliases: [], contactPerson: '', phone: '', active: true, sortOrder: 1 },
  ];

  it('reads 文号, issuer, date, the prose group and units resolved to known ones', async () => {
    const r = await ingestDocument('ziyang.txt', txt(plan), { knownUnits: known });
    const json = toIngestJson(r);
    expect(json.document).toEqual({ title: '资阳区基层卫生综合改革实施方案', docNumber: '益资政办发〔2023〕20号', issuer: '益阳市资阳区人民政府办公室', issuedOn: '2023-06-02' });
    expect(json.groups).toHaveLength(1);
    expect(json.groups[0].name).toBe('区基层卫生综合改革领导小组');
    expect(json.groups[0].office).toBe('区卫生健康局');
    expect(json.groups[0].members.map((m) => `${m.role}:${m.post || m.unit}`)).toEqual(['组长:分管副区长', '副组长:区卫生健康局局长', '成员:区财政局', '成员:区人社局', '成员:区医保局']);
    const task = json.tasks.find((t) => t.title === '推进医共体建设')!;
    expect(task.leadUnits).toEqual(['区卫生健康局']);
    expect(task.coUnits).toEqual(['区医疗保障局', '各乡镇（街道）']);
    expect(task.deadline).toBe('2028-06-02');
    expect(task.deadlineText).toContain('5年内');
    const ref = r.tasks.find((t) => t.title === '推进医共体建设')!.units.find((u) => u.name === '区医保局');
    expect(ref?.unitId).toBe(7);
    expect(r.proposedUnits.map((p) => p.name)).not.toContain('区医保局');
    const sub = json.tasks.find((t) => t.title === '完善管理制度')!;
    expect(sub.path).toEqual(['二、重点任务', '1.推进医共体建设']);
    expect(sub.recurrence).toBe('half_yearly');
    expect(json.tasks.find((t) => t.title === '落实财政投入')?.leadUnits).toEqual(['区财政局', '区卫生健康局']);
  });
});

describe('files that cannot be read', () => {
  it('asks for .doc to be saved as .docx', async () => {
    await expect(ingestDocument('方案.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).rejects.toMatchObject({ code: 'ingest/doc-format', message: expect.stringMatching(/方案\.doc.*另存为.*\.docx/) });
  });
  it('asks for a PDF to be copied into a .txt', async () => {
    await expect(ingestDocument('方案.pdf', Buffer.from('%PDF-1.7\n'))).rejects.toMatchObject({ code: 'ingest/pdf-format', message: expect.stringMatching(/方案\.pdf.*复制.*\.txt/) });
  });
  it('sees through a .doc renamed to .docx and a broken .docx', async () => {
    await expect(ingestDocument('改名.docx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).rejects.toMatchObject({ code: 'ingest/doc-format' });
    await expect(ingestDocument('坏.docx', Buffer.from('PK\u0003\u0004broken'))).rejects.toMatchObject({ code: 'ingest/unreadable-docx', message: expect.stringContaining('坏.docx') });
  });
});
