// Precision and recall of tasks and unit assignments on the fixtures, printed for the report.
// 新昌 appendix is scored against the supplied gold file; the other golds below are hand-made from
// reading the documents (which parts a clerk would enter, and who the text says acts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, type DocumentAnalysis } from '../../../electron/services/documents';

const dir = join(__dirname, '../../fixtures/documents');
const squash = (s: string) => s.replace(/[\s。]/g, '');

interface Score {
  tp: number;
  fp: number;
  fn: number;
}
const score = (predicted: string[], gold: string[]): Score => {
  const g = new Set(gold);
  const p = new Set(predicted);
  const tp = [...p].filter((x) => g.has(x)).length;
  return { tp, fp: p.size - tp, fn: g.size - tp };
};
const pr = (s: Score) => ({ precision: s.tp / Math.max(1, s.tp + s.fp), recall: s.tp / Math.max(1, s.tp + s.fn) });

const rows: string[] = [];
function report(name: string, tasks: Score, units: Score) {
  const t = pr(tasks);
  const u = pr(units);
  rows.push(
    `${name.padEnd(38)} tasks P=${t.precision.toFixed(3)} R=${t.recall.toFixed(3)} (tp ${tasks.tp}, fp ${tasks.fp}, fn ${tasks.fn})   units P=${u.precision.toFixed(3)} R=${u.recall.toFixed(3)} (tp ${units.tp}, fp ${units.fp}, fn ${units.fn})`,
  );
  return { t, u };
}

/** Leaves the clerk is offered (included, with no included child). */
function offeredLeaves(r: DocumentAnalysis) {
  return r.tasks.filter((t) => t.included && !r.tasks.some((c) => c.parentId === t.id && c.included));
}
const key = (t: { title: string; content: string }) => squash(t.title || t.content).slice(0, 40);
const unitPairs = (r: DocumentAnalysis) =>
  offeredLeaves(r).flatMap((t) => [
    ...t.leadUnits.map((u) => `${key(t)}|lead|${u}`),
    ...t.coUnits.map((u) => `${key(t)}|co|${u}`),
  ]);

const goldItems: { content: string; units: string[] }[] = JSON.parse(
  readFileSync(join(dir, 'xinchang-appendix2.gold.json'), 'utf8'),
).items;

describe('precision and recall on the fixtures', () => {
  it.each(['xinchang-reform-plan.docx', 'xinchang-reform-plan.txt'])(
    '新昌 appendix 2 (gold file) from %s',
    async (file) => {
      const r = await analyzeDocument(file, readFileSync(join(dir, file)));
      const items = r.tasks.filter((t) => t.source === 'table' && t.level === 'item');
      const goldTasks = goldItems.map((g) => squash(g.content).slice(0, 40));
      const goldUnits = goldItems.flatMap((g) =>
        g.units.map((u, i) => `${squash(g.content).slice(0, 40)}|${i === 0 ? 'lead' : 'co'}|${u}`),
      );
      // Table rows are compared by their content (their title is the task column or the content's first clause).
      const byContent = (x: { content: string }) => squash(x.content).slice(0, 40);
      const predUnits = items.flatMap((t) => [
        ...t.leadUnits.map((u) => `${byContent(t)}|lead|${u}`),
        ...t.coUnits.map((u) => `${byContent(t)}|co|${u}`),
      ]);
      const { t, u } = report(
        `新昌 appendix (${file.split('.').pop()})`,
        score(items.map(byContent), goldTasks),
        score(predUnits, goldUnits),
      );
      expect(t.precision).toBe(1);
      expect(t.recall).toBe(1);
      expect(u.precision).toBe(1);
      expect(u.recall).toBe(1);
    },
  );

  it.each(['wenshui-measures-2023-57.docx', 'wenshui-measures-2023-57.txt'])(
    '文水 (hand gold) from %s',
    async (file) => {
      const r = await analyzeDocument(file, readFileSync(join(dir, file)));
      const titles = [
        '提高思想认识',
        '加强组织领导',
        '建立定期汇报协商机制',
        '完善调查研究工作机制',
        '健全完善联系基层机制',
        '加强办实事工作',
        '加大资金项目投入倾斜',
        '推进基层医疗卫生机构服务能力标准化建设',
        '加强编制县域统筹',
        '提高工资待遇水平',
        '加强基层卫生人才队伍建设',
        '加强评先推优倾斜',
        '推进落实分级诊疗制度',
        '加大对口帮扶工作力度',
        '开展常态化巡回医疗服务',
        '推进县域医疗卫生一体化改革提档升级',
        '推动基层医疗卫生服务提档升级',
        '提升家庭医生签约服务质量',
        '提升基本公共卫生服务项目质量',
        '提升乡村中医药服务水平',
        '加强村卫生室信息化建设',
        '开展考核评价',
        '开展服务满意度测评',
        '加大宣传交流',
      ];
      // The text names who acts only in 一、至 三、: 各医疗卫生单位 / 各单位 (= the addressees).
      const acting = [
        '提高思想认识',
        '加强组织领导',
        '建立定期汇报协商机制',
        '完善调查研究工作机制',
        '健全完善联系基层机制',
        '加强办实事工作',
        '加大资金项目投入倾斜',
        '加强编制县域统筹',
        '提高工资待遇水平',
        '加强基层卫生人才队伍建设',
      ];
      const { t } = report(
        `文水 body (${file.split('.').pop()})`,
        score(
          offeredLeaves(r).map(key),
          titles.map((x) => squash(x)),
        ),
        score(
          unitPairs(r),
          acting.map((x) => `${squash(x)}|lead|各医疗卫生单位`),
        ),
      );
      expect(t.recall).toBe(1);
    },
  );

  it('鄂尔多斯 (hand gold)', async () => {
    const r = await analyzeDocument('ordos-capacity-plan.txt', readFileSync(join(dir, 'ordos-capacity-plan.txt')));
    const goals = [
      '所有苏木乡镇卫生院和社区卫生服务中心业务用房、功能布局、设施设备等方面均达到国家服务能力基本标准要求，20%的机构达到国家服务能力推荐标准要求',
      '所有嘎查村卫生室的业务用房面积、功能区域划分和医疗设备配备等方面均达到国家村卫生室相关标准要求',
      '苏木乡镇卫生院',
      '社区卫生服务中心',
      '嘎查村卫生室',
      '每个旗区至少建成1个权责明晰、运行有效的县域内医共体，牵头医院每年要安排至少3名具有主治医师及以上资质的医师到苏木乡镇卫生院或社区卫生服务中心开展对口帮扶工作，派驻期不得少于180天',
      '所有苏木乡镇卫生院和社区卫生服务中心全部设置中医馆（蒙医馆）',
      '全人群和重点人群签约服务覆盖率每年提升1—3个百分点',
    ];
    const work = [
      '优化机构布局',
      '加强设备配备',
      '明确功能定位',
      '扩充人才引进渠道',
      '创新人才使用机制',
      '落实人才保障政策',
      '加强乡村医生队伍建设',
      '加快构建紧密型县域医共体',
      '加大医保基金支持力度',
      '持续推进网络基础设施建设',
      '巩固拓展医疗保障脱贫攻坚成果',
      '制定计划，推进实施',
    ];
    const plan = squash('制定计划，推进实施');
    const goldUnits = [
      `${plan}|lead|各旗区`,
      ...['财政部门', '人社部门', '卫健部门', '医保部门', '乡村振兴部门'].map((u) => `${plan}|co|${u}`),
    ];
    const { t } = report(
      '鄂尔多斯 body',
      score(
        offeredLeaves(r).map(key),
        [...goals, ...work].map((x) => squash(x).slice(0, 40)),
      ),
      score(unitPairs(r), goldUnits),
    );
    expect(t.recall).toBeGreaterThanOrEqual(0.9);
    console.log(`\nPrecision / recall\n${rows.join('\n')}\n`);
  });
});
