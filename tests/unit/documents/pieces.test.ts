// Document habits beyond the fixtures: other bracket styles and lead rules, other deadline forms,
// prose groups, merged cells, formats that cannot be read.
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../shared/domain';
import { analyzeDocument, toDocumentJson } from '../../../electron/services/documents';
import {
  assignRoles,
  findLeadRule,
  findUnitMarkers,
  parseUnitList,
} from '../../../electron/services/documents/extractUnits';
import { guessUnitKind } from '../../../electron/services/documents/guessUnitKind';
import { findDeadlines } from '../../../electron/services/documents/findDeadlines';
import { findTargets } from '../../../electron/services/documents/findTargets';
import { parseMammothHtml } from '../../../electron/services/documents/parseMammothHtml';
import { joinBrokenLines } from '../../../electron/services/documents/joinBrokenLines';
import { readPastedText } from '../../../electron/services/documents/readPastedText';
import assert from 'node:assert';

const txt = (s: string) => Buffer.from(s, 'utf8');
const unitsOf = (marker: string) => {
  const [m] = findUnitMarkers(marker);
  assert(m);
  return assignRoles(parseUnitList(m.inner, m.innerStart), 'first').map((u) => `${u.role}:${u.name}`);
};

describe('unit markers', () => {
  it('reads every bracket style and keeps 各乡镇（街道） whole', () => {
    expect(unitsOf('做好工作。（责任单位：县卫健局、县财政局，各乡镇（街道））')).toEqual([
      'lead:县卫健局',
      'co:县财政局',
      'co:各乡镇（街道）',
    ]);
    expect(unitsOf('做好工作(责任单位:县卫健局、县医保局)。')).toEqual(['lead:县卫健局', 'co:县医保局']);
    expect(unitsOf('做好工作。[责任科室：医政股、基层股]')).toEqual(['lead:医政股', 'co:基层股']);
    expect(unitsOf('做好工作。【牵头单位：县卫健局；配合单位：县民政局、县残联】')).toEqual([
      'lead:县卫健局',
      'co:县民政局',
      'co:县残联',
    ]);
  });

  it('honours 牵头/配合 words and 按职责分别牵头', () => {
    expect(unitsOf('推进改革。（县医保局牵头，县卫健局、县财政局配合）')).toEqual([
      'lead:县医保局',
      'co:县卫健局',
      'co:县财政局',
    ]);
    expect(unitsOf('推进改革。（县卫健局、县医保局按职责分别牵头）')).toEqual(['lead:县卫健局', 'lead:县医保局']);
  });

  it('does not take an aside in brackets for units', () => {
    expect(findUnitMarkers('乡镇卫生院（社区卫生服务中心）达到标准。')).toHaveLength(0);
    expect(findUnitMarkers('通过点式医疗（村卫生室）为主，巡回医疗为补充。')).toHaveLength(0);
  });

  it('follows a document rule that every listed unit leads', () => {
    expect(findLeadRule('以下各项任务的责任单位均为牵头单位，按职责分别牵头。').kind).toBe('all');
    expect(findLeadRule('以下除特别注明外，排名第一位的为牵头单位。').kind).toBe('first');
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
  const forms = (text: string, documentDate = '2023-11-10') =>
    findDeadlines(text, 0, { documentDate }).map((h) => [
      h.form,
      h.deadline.date,
      h.deadline.recurrence,
      h.deadline.text,
    ]);
  it('reads 到2025年, 2024年6月底前, 2023年全面启动 and N年内 from the document date', () => {
    expect(forms('到2025年，覆盖率达到90%。')).toEqual([['date', '2025-12-31', null, '到2025年']]);
    expect(forms('2024年6月底前完成建设。')).toEqual([['date', '2024-06-30', null, '2024年6月底前']]);
    expect(forms('2023年全面启动试点工作。')).toEqual([['start_year', '2023-12-31', null, '2023年全面启动']]);
    expect(forms('力争5年内实现全覆盖。')).toEqual([['within_years', '2028-11-10', null, '5年内']]);
    expect(forms('三年内建成。')).toEqual([['within_years', '2026-11-10', null, '三年内']]);
  });
  it('reads recurrences and 常态化, and ignores years that are not deadlines', () => {
    expect(forms('每季度至少开展1次督导。')).toEqual([['recurrence', null, 'quarterly', '每季度至少开展1次']]);
    expect(forms('每年至少汇报1次工作进展。')[0]?.slice(0, 3)).toEqual(['recurrence', null, 'yearly']);
    expect(forms('根据《标准（2022版）》和（厅字〔2023〕3号），经2024年第7次常务会议审议。')).toEqual([]);
    expect(forms('每年提升1—3个百分点。')).toEqual([]);
  });
  it('reads phases as start and end', () => {
    const [hit] = findDeadlines('（一）启动阶段（2022年3月—2022年8月）。', 0);
    assert(hit);
    expect([hit.form, hit.startDate, hit.deadline.date]).toEqual(['phase', '2022-03-01', '2022-08-31']);
  });
});

describe('targets', () => {
  it('takes measurable clauses and leaves money and prose', () => {
    const t = findTargets(
      '推进签约服务，家庭医生签约覆盖率达到50%以上，县财政给予每家30万元的奖励，不断提升服务质量。',
      0,
    ).map((h) => h.text);
    expect(t).toEqual(['家庭医生签约覆盖率达到50%以上']);
  });
});

describe('readers', () => {
  it('fills rowspan and colspan cells from mammoth HTML', () => {
    const [table] = parseMammothHtml(
      '<table><tr><td rowspan="2"><p>一、A</p></td><td colspan="2"><p>x&amp;y</p></td></tr><tr><td><p>b</p></td><td><p>c</p></td></tr></table>',
    );
    assert(table);
    expect(table.kind).toBe('table');
    if (table.kind !== 'table') return;
    expect(table.rows.map((r) => r.map((c) => c.lines.join()))).toEqual([
      ['一、A', 'x&y', 'x&y'],
      ['一、A', 'b', 'c'],
    ]);
    expect(table.rows[1]?.[0]?.mergedFrom).toEqual({ row: 0, col: 0 });
  });

  it('glues lines broken mid-sentence but not headings, dates or roster lines', () => {
    const blocks = readPastedText(
      txt(
        '一、总体要求\n（一）加强领导。各单位要成立领导小组，整合各类资\n\n- 3 -\n\n源和力量。\n组  长：张三\n副组长：李四\n',
      ),
    );
    const lines = joinBrokenLines(blocks).map((b) => (b.kind === 'para' ? b.text : ''));
    expect(lines).toEqual([
      '一、总体要求',
      '（一）加强领导。各单位要成立领导小组，整合各类资源和力量。',
      '组长：张三',
      '副组长：李四',
    ]);
  });

  it('reads GBK text saved by WPS', async () => {
    const iconv = (await import('iconv-lite')).default;
    const r = await analyzeDocument(
      'gbk.txt',
      iconv.encode('一、重点任务\n（一）推进改革。做好工作。（责任单位：县卫健局）\n', 'gbk'),
    );
    expect(toDocumentJson(r).tasks[1]).toMatchObject({ number: '（一）', title: '推进改革', leadUnits: ['县卫健局'] });
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
    {
      id: 7,
      name: '区医疗保障局',
      shortName: '区医保局',
      kind: 'county_department',
      aliases: [],
      contactPerson: '',
      phone: '',
      active: true,
      sortOrder: 1,
    },
  ];

  it('reads 文号, issuer, date, the prose group and units resolved to known ones', async () => {
    const r = await analyzeDocument('ziyang.txt', txt(plan), { knownUnits: known });
    const json = toDocumentJson(r);
    expect(json.document).toEqual({
      title: '资阳区基层卫生综合改革实施方案',
      docNumber: '益资政办发〔2023〕20号',
      issuer: '益阳市资阳区人民政府办公室',
      issuedOn: '2023-06-02',
    });
    expect(json.groups).toHaveLength(1);
    expect(json.groups[0]?.name).toBe('区基层卫生综合改革领导小组');
    expect(json.groups[0]?.office).toBe('区卫生健康局');
    expect(json.groups[0]?.members.map((m) => `${m.role}:${m.post || m.unit}`)).toEqual([
      '组长:分管副区长',
      '副组长:区卫生健康局局长',
      '成员:区财政局',
      '成员:区人社局',
      '成员:区医保局',
    ]);
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
  // Whole .doc and .pdf files are read (tests/unit/documents/readLegacyFormats.test.ts); a few bytes of one are not.
  it('refuses a broken .doc, naming it and asking for the original or a .docx', async () => {
    await expect(analyzeDocument('方案.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).rejects.toMatchObject({
      code: 'documents/doc-broken',
      message: expect.stringMatching(/方案\.doc.*损坏.*\.docx/),
    });
  });
  it('refuses a broken PDF, naming it', async () => {
    await expect(analyzeDocument('方案.pdf', Buffer.from('%PDF-1.7\n'))).rejects.toMatchObject({
      code: 'documents/pdf-broken',
      message: expect.stringMatching(/方案\.pdf.*损坏或不完整/),
    });
  });
  it('sees through a .doc renamed to .docx and a broken .docx', async () => {
    await expect(analyzeDocument('改名.docx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).rejects.toMatchObject({
      code: 'documents/doc-broken',
      message: expect.stringContaining('改名.docx'),
    });
    await expect(analyzeDocument('坏.docx', Buffer.from('PK\u0003\u0004broken'))).rejects.toMatchObject({
      code: 'documents/unreadable-docx',
      message: expect.stringContaining('坏.docx'),
    });
  });
});

describe('unit clauses in every written form (issue 12)', () => {
  const item = async (body: string, head = '') => {
    const r = await analyzeDocument('x.txt', txt(`${head}一、重点任务\n${body}`));
    const leaf = toDocumentJson(r).tasks.filter((t) => t.number !== '一、');
    return leaf.map((t) => `${t.leadUnits.join('、')}|${t.coUnits.join('、')}`);
  };

  it('reads labels by what they mean, on lines of their own under the item', async () => {
    expect(await item('1.建设项目。\n主责部门：县医保局\n协办科室：医政股、基层股\n完成时限：2025年底')).toEqual([
      '县医保局|医政股、基层股',
    ]);
    expect(await item('1.建设项目。\n承办单位：县卫健局\n参与单位：县财政局')).toEqual(['县卫健局|县财政局']);
    expect(await item('1.建设项目。\n责任单位：县卫健局（牵头）、县委组织部（县委人才办）')).toEqual([
      '县卫健局|县委组织部（县委人才办）',
    ]);
  });

  it('reads units written as a sentence, and never prose that mentions a unit', async () => {
    expect(
      await item('1.建设项目。完成建设。由县卫健局牵头，县财政局、县医保局配合，各乡镇（街道）负责落实。'),
    ).toEqual(['县卫健局|县财政局、县医保局、各乡镇（街道）']);
    expect(await item('1.建设项目。完成建设。县教育局牵头；县卫健局配合；各乡镇落实。')).toEqual([
      '县教育局|县卫健局、各乡镇',
    ]);
    expect(await item('1.建设项目。完成建设。县卫健局、县医保局、县财政局按职责分别牵头。')).toEqual([
      '县卫健局、县医保局、县财政局|',
    ]);
    // Prose naming units is not a unit clause: nothing taken, the sentence stays the item's content.
    const prose = await analyzeDocument(
      'x.txt',
      txt('一、重点任务\n1.建设项目。县财政局给予每家30万元补助，县卫健局组织验收。'),
    );
    const task = toDocumentJson(prose).tasks.find((t) => t.number === '1.')!;
    expect([task.leadUnits, task.content]).toEqual([[], '县财政局给予每家30万元补助，县卫健局组织验收。']);
  });

  it('keeps space-separated names apart in 【牵头：A 配合：B C】 and labels with an aside', async () => {
    expect(await item('1.建设项目，完成建设。【牵头：科技教育处 配合：医政医管处 市急救中心】')).toEqual([
      '科技教育处|医政医管处、市急救中心',
    ]);
    expect(await item('1.建设项目。【牵头处室：体制改革处；配合处室（单位）：财务处、医政医管处】')).toEqual([
      '体制改革处|财务处、医政医管处',
    ]);
  });

  it('applies a document-wide default lead and a ★ rule, and never takes the rule sentence for a task or a unit', async () => {
    const rule = '以下各项工作除特别注明外，均由县卫生健康局牵头，括号内所列单位为配合单位。\n';
    expect(
      await item('1.建设项目。（县疾控中心）\n2.开展筛查。\n3.推进改革。（县医保局牵头，县财政局配合）', rule),
    ).toEqual(['县卫生健康局|县疾控中心', '县卫生健康局|', '县医保局|县财政局']);
    const star = '（注：责任单位中带★的为牵头单位，其余为配合单位）\n';
    expect(await item('1.建设项目。[责任单位：县教育局、县卫健局★、县疾控中心]', star)).toEqual([
      '县卫健局|县教育局、县疾控中心',
    ]);
  });

  it('marks an item whose lead came from a rule or a sentence subject as one to check', async () => {
    const r = await analyzeDocument(
      'x.txt',
      txt('以下任务除特别注明外，均由县卫生健康局负责。\n一、重点任务\n1.开展筛查。'),
    );
    expect(r.tasks.find((t) => t.number === '1.')?.doubts.join()).toContain('全文规则');
  });
});

describe('numbering and tables beyond the fixtures (issue 12)', () => {
  it('reads 第X章/第X条 articles, leaving 总则 and 附则 out', async () => {
    const doc =
      '第一章　总则\n第一条　为加强管理，制定本措施。\n第二章　重点工作\n第三条　实施专项招聘。每年招聘200名。由市卫生健康委牵头，市人力社保局配合。\n第三章　附则\n第四条　本措施自印发之日起施行。';
    const tasks = toDocumentJson(await analyzeDocument('x.txt', txt(doc))).tasks.filter((t) => t.number.endsWith('条'));
    expect(tasks.map((t) => [t.number, t.title, t.leadUnits.join(), t.coUnits.join()])).toEqual([
      ['第三条', '实施专项招聘', '市卫生健康委', '市人力社保局'],
    ]);
  });

  it('reads a table copied from Excel (tabs, quoted cells with line breaks) by what its headers mean', async () => {
    const tsv =
      '重点任务清单\r\n编号\t工作事项\t推进举措\t量化指标\t责任主体\t完成期限\r\n1\t推进医共体建设\t深化“六统一”管理。\t就诊率90%\t"牵头：县卫健局\n配合：县医保局、县财政局"\t2025年12月底\r\n2\t做实签约服务\t提升签约质量。\t签约率45%\t"县卫健局\n县医保局"\t长期坚持\r\n';
    const tasks = toDocumentJson(await analyzeDocument('x.txt', txt(tsv))).tasks.filter((t) => t.content);
    expect(
      tasks.map((t) => [t.title, t.content, t.leadUnits.join(), t.coUnits.join(), t.deadlineText, t.targets.join()]),
    ).toEqual([
      ['推进医共体建设', '深化“六统一”管理。', '县卫健局', '县医保局,县财政局', '2025年12月底', '就诊率90%'],
      ['做实签约服务', '提升签约质量。', '县卫健局', '县医保局', '长期坚持', '签约率45%'],
    ]);
  });
});
