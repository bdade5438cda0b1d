// A ledger the size of a busy county's (thousands of work items with units and deadlines), for the benches.
import type { LedgerContext } from '../../electron/db/audit';
import { createTask } from '../../electron/db/repositories/tasks';
import { createUnit, listUnits } from '../../electron/db/repositories/units';

const PHRASES = [
  '健全基层医疗卫生服务网络',
  '落实家庭医生签约服务',
  '推进医共体一体化管理',
  '提升村卫生室服务能力',
  '完善绩效考核与薪酬激励',
  '加强数字健康应用',
];
const DEADLINES = [
  { text: '2026年底前', date: '2026-12-31', recurrence: null, ongoing: false },
  { text: '2026年6月底前', date: '2026-06-30', recurrence: null, ongoing: false },
  { text: '每季度', date: null, recurrence: 'quarterly' as const, ongoing: false },
  { text: '长期坚持', date: null, recurrence: null, ongoing: true },
];

/** A ledger the size of a busy county's: `items` work items in sections of tasks, with units. */
export function fillBigLedger(ctx: LedgerContext, items: number): void {
  ctx.db.transaction(() => {
    for (let i = 0; i < 40; i++)
      createUnit(ctx, { name: `测试单位${i + 1}`, kind: i < 20 ? 'county_department' : 'township' });
    const units = listUnits(ctx).map((u) => u.id);
    let made = 0;
    for (let s = 0; made < items; s++) {
      const section = createTask(ctx, { level: 'section', number: `${s + 1}、`, title: `第${s + 1}部分 重点工作` });
      for (let t = 0; t < 10 && made < items; t++) {
        const task = createTask(ctx, {
          level: 'task',
          parentId: section.id,
          number: `${t + 1}.`,
          title: `${PHRASES[t % PHRASES.length]}（${s + 1}-${t + 1}）`,
        });
        for (let k = 0; k < 25 && made < items; k++, made++) {
          createTask(ctx, {
            level: 'item',
            parentId: task.id,
            number: `${k + 1}.`,
            content: `${PHRASES[(made + k) % PHRASES.length]}，第${made + 1}项具体工作内容，明确责任、细化措施、按期完成。`,
            leadUnitIds: [units[made % units.length]!],
            coUnitIds: [units[(made + 7) % units.length]!, units[(made + 13) % units.length]!],
            deadline: DEADLINES[made % DEADLINES.length],
            status: made % 5 === 0 ? '已完成' : '推进中',
          });
        }
      }
    }
  })();
}
