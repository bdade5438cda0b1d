// Builds resources/demo-ledger.json from the 新昌 appendix 2 gold list (tests/fixtures) and appendix 1's
// leadership group. Run by hand when the demo should change: node resources/build-demo-ledger.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const gold = JSON.parse(fs.readFileSync(path.join(here, '../tests/fixtures/documents/xinchang-appendix2.gold.json'), 'utf8'));

const CONTACTS = ['陈晓燕', '王建国', '李红梅', '张伟', '刘芳', '杨志强', '黄丽', '周斌'];
const dept = (name, shortName = '', aliases = []) => ({ name, shortName, kind: 'county_department', aliases });
const units = [
  dept('县卫生健康局', '县卫健局', ['新昌县卫生健康局']),
  dept('县财政局'),
  dept('县人力资源和社会保障局', '县人力社保局', ['县人社局']),
  dept('县医疗保障局', '县医保局'),
  dept('县发展和改革局', '县发改局'),
  dept('县公安局'),
  dept('县民政局'),
  dept('县住房和城乡建设局', '县建设局', ['县住建局']),
  dept('县农业农村局', '', ['农业农村局']),
  dept('县大数据管理中心', '', ['县大数据中心']),
  dept('县委全面深化改革委员会办公室', '县委改革办'),
  dept('县委机构编制委员会办公室', '县委编办'),
  dept('县委办公室', '县委办'),
  dept('县人民政府办公室', '县府办'),
  dept('县委宣传部'),
  { name: '各乡镇街道', shortName: '', kind: 'collective', aliases: ['各乡镇（街道）', '各乡镇(街道)'] },
  ...['南明街道', '羽林街道', '七星街道', '大市聚镇', '澄潭镇', '梅渚镇', '新林乡', '沙溪镇', '镜岭镇', '儒岙镇', '回山镇', '东茗乡', '城南乡', '小将镇'].map(
    (name) => ({ name, shortName: '', kind: 'township', aliases: [] }),
  ),
  ...['局办公室', '基层卫生股', '医政医管股', '人事股', '规划财务股'].map((name) => ({ name, shortName: '', kind: 'bureau_section', aliases: [] })),
  ...['县人民医院', '县中医院', '县疾病预防控制中心'].map((name) => ({ name, shortName: '', kind: 'health_institution', aliases: [] })),
].map((u, i) => ({ ...u, contactPerson: CONTACTS[i % CONTACTS.length], phone: `0575-8602${String(3100 + i * 7).padStart(4, '0')}` }));

const byAnyName = new Map();
for (const u of units) for (const n of [u.name, u.shortName, ...u.aliases].filter(Boolean)) byAnyName.set(n, u.name);
const canonical = (n) => {
  const found = byAnyName.get(n);
  if (!found) throw new Error(`unknown unit in gold file: ${n}`);
  return found;
};

// Plausible deadlines, a mix a clerk meets: year ends, half-year ends, quarterly, ongoing; some already past.
function deadlineFor(no) {
  if (no % 9 === 0) return { text: '长期坚持', date: null, recurrence: null, ongoing: true };
  if (no % 7 === 0) return { text: '每季度', date: null, recurrence: 'quarterly', ongoing: false };
  if (no % 5 === 0) return { text: '2026年6月底前', date: '2026-06-30', recurrence: null, ongoing: false };
  if (no % 4 === 0) return { text: '2026年11月底前', date: '2026-11-30', recurrence: null, ongoing: false };
  if (no % 3 === 0) return { text: '2025年底前', date: '2025-12-31', recurrence: null, ongoing: false };
  return { text: '2026年底前', date: '2026-12-31', recurrence: null, ongoing: false };
}
function statusFor(no, deadline) {
  if (deadline.ongoing) return '长期坚持';
  if (deadline.date === '2025-12-31') return no % 2 === 0 ? '已销号' : '已完成';
  if (no % 8 === 1) return '未启动';
  return '推进中';
}

const sections = [];
for (const item of gold.items) {
  let section = sections.find((s) => s.title === item.section);
  if (!section) sections.push((section = { title: item.section, tasks: [] }));
  let task = section.tasks.find((t) => t.title === item.task);
  if (!task) section.tasks.push((task = { title: item.task, items: [] }));
  const names = item.units.map(canonical);
  const deadline = deadlineFor(item.no);
  task.items.push({
    no: item.no,
    content: item.content,
    lead: names.slice(0, 1),
    co: names.slice(1),
    deadline,
    status: statusFor(item.no, deadline),
  });
}
const splitLabel = (text) => {
  const m = /^([一二三四五六七八九十]+、|\d+[.．、]|（[一二三四五六七八九十]+）)?(.*)$/.exec(text);
  return { number: m[1] ?? '', title: m[2] };
};

const members = [
  { role: '组长', personName: '王奇洲', post: '副县长' },
  { role: '副组长', personName: '王越晟', post: '县卫生健康局局长' },
  ...['县委办', '县府办', '县委宣传部', '县委编办', '县委改革办', '县发改局', '县公安局', '县民政局', '县财政局', '县人力社保局', '县建设局', '县农业农村局', '县卫生健康局', '县医疗保障局', '县大数据管理中心'].map(
    (u) => ({ role: '成员', personName: '', post: '主要负责人', unit: canonical(u) }),
  ),
  { role: '成员', personName: '', post: '主要负责人', unit: '各乡镇街道' },
  { role: '办公室主任', personName: '王越晟', post: '领导小组副组长兼' },
  { role: '办公室副主任', personName: '', post: '主要负责人', unit: '县卫生健康局' },
];

const openItems = sections.flatMap((s) => s.tasks.flatMap((t) => t.items)).filter((i) => !['已完成', '已销号'].includes(i.status));
const reportingUnits = ['县卫生健康局', '县财政局', '县人力资源和社会保障局', '县医疗保障局', '沙溪镇', '儒岙镇', '回山镇', '城南乡'];
const reports = [
  { no: 1, unit: '县卫生健康局', status: '推进中', percent: 60, progress: '医共体集团化管理方案已印发，总院、分院一体化运营推进中。', problems: '绩效分配方案尚未定稿', nextSteps: '12月底前完成绩效分配制度修订' },
  { no: 4, unit: '沙溪镇', status: '推进中', percent: 80, progress: '镇卫生院已完成“优质服务基层行”推荐标准自评。', problems: '', nextSteps: '迎接市级复核' },
  { no: 4, unit: '县卫生健康局', status: '推进中', percent: 70, progress: '全县13家卫生院均达到基本标准，6家达到推荐标准。', problems: '', nextSteps: '指导剩余卫生院对标提升' },
  { no: 5, unit: '儒岙镇', status: '推进中', percent: 50, progress: '联合病房已开放康复床位8张。', problems: '护理人员不足', nextSteps: '招聘护理人员2名' },
  { no: 7, unit: '回山镇', status: '推进中', percent: 40, progress: '完成辖区20分钟医疗卫生服务圈摸底。', problems: '山区村交通不便', nextSteps: '安排巡回医疗排班' },
  { no: 10, unit: '县卫生健康局', status: '推进中', percent: 65, progress: '高血压、糖尿病患者规范管理率分别达到68%、66%。', problems: '部分村医随访不规范', nextSteps: '开展随访质量专项督导' },
  { no: 14, unit: '县民政局', status: '推进中', percent: 50, progress: '3家医养结合机构完成备案。', problems: '', nextSteps: '推进社区居家医养结合试点' },
  { no: 16, unit: '县委机构编制委员会办公室', status: '推进中', percent: 30, progress: '基层医疗卫生机构编制测算完成初稿。', problems: '', nextSteps: '提交县编委会审议' },
  { no: 20, unit: '县人力资源和社会保障局', status: '未启动', percent: 0, progress: '', problems: '待省级文件出台', nextSteps: '文件出台后一个月内启动' },
  { no: 28, unit: '县医疗保障局', status: '推进中', percent: 75, progress: '医保基金总额预算向基层倾斜方案已试行。', problems: '', nextSteps: '年底前总结评估' },
];

const demo = {
  note: 'Demo ledger for a new installation: 新昌 appendix 2 task list (45 work items) with invented deadlines, statuses and one progress round.',
  document: {
    title: '新昌县深化基层卫生健康综合改革实施方案（征求意见稿）',
    docNumber: '',
    issuer: '新昌县人民政府办公室',
    issuedOn: '2022-03-01',
  },
  units,
  sections: sections.map((s) => ({
    ...splitLabel(s.title),
    tasks: s.tasks.map((t) => ({ ...splitLabel(t.title), items: t.items.map((i, k) => ({ ...i, number: `${k + 1}.` })) })),
  })),
  groups: [
    {
      name: '新昌县深化基层卫生健康综合改革领导小组',
      office: '县卫生健康局',
      officeDirector: '王越晟',
      establishedOn: '2022-03-01',
      members,
      duties: [
        { unit: '县卫生健康局', duty: '负责综合改革的组织实施、统筹协调、运行监督、绩效评价等日常工作。' },
        { unit: '县财政局', duty: '负责落实基层卫生健康投入保障和以奖代补资金。' },
        { unit: '县人力资源和社会保障局', duty: '负责基层卫生人才招聘、职称评审和薪酬激励政策。' },
        { unit: '县医疗保障局', duty: '负责医保支付方式改革和医保政策向基层倾斜。' },
      ],
    },
  ],
  rounds: [
    {
      name: '2026年第三季度调度',
      periodStart: '2026-07-01',
      periodEnd: '2026-09-30',
      dueOn: '2026-10-10',
      units: reportingUnits,
      reports: reports.map((r) => ({ ...r, reportedOn: '2026-10-08' })),
    },
  ],
};
const total = demo.sections.reduce((n, s) => n + s.tasks.reduce((m, t) => m + t.items.length, 0), 0);
if (total !== 45) throw new Error(`expected 45 work items, got ${total}`);
if (openItems.length === 0) throw new Error('demo needs open items');
fs.writeFileSync(path.join(here, 'demo-ledger.json'), JSON.stringify(demo, null, 1) + '\n');
console.log(`demo-ledger.json: ${units.length} units, ${total} work items, ${reports.length} reports`);
