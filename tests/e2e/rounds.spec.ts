// 调度轮次 page: who has and has not reported, a new round and a typed report, a closed round read-only.
import { expect, saveScreenshot, test, type DubanApp } from './fixtures';

// The demo round is due 2026-10-10; with today fixed after it, units that sent nothing are 逾期未报.
test.use({ today: '2026-11-23' });

function unitRow(app: DubanApp, unit: string) {
  return app.page.getByRole('table', { name: '各单位报送情况' }).locator(`tr[data-unit="${unit}"]`);
}

const stateOf = (app: DubanApp, unit: string) => unitRow(app, unit).locator('td').nth(2);

test.beforeEach(async ({ app }) => {
  await app.open('调度轮次');
  await expect(app.page.getByRole('heading', { level: 2, name: '2026年第三季度调度' })).toBeVisible();
});

test('the demo round shows who reported, who has not, and who is overdue', async ({ app }) => {
  await expect(stateOf(app, '县卫生健康局')).toHaveText('已报送');
  await expect(unitRow(app, '县卫生健康局').locator('td').nth(3)).toHaveText('3');
  await expect(stateOf(app, '城南乡')).toHaveText('逾期未报');
  await expect(unitRow(app, '县民政局')).toContainText('未列入本轮');
  await app.page.getByRole('button', { name: '查看：县卫生健康局' }).click();
  const dialog = app.page.getByRole('dialog', { name: /县卫生健康局 · 2026年第三季度调度/ });
  await expect(dialog.locator('tbody tr')).toHaveCount(3);
  await expect(dialog).toContainText('绩效分配方案尚未定稿');
  await saveScreenshot(app.page, 'rounds-reports');
  await dialog.getByRole('button', { name: '关闭' }).click();
  await app.page.getByRole('radio', { name: '未报（含逾期）' }).check();
  await expect(unitRow(app, '县卫生健康局')).toHaveCount(0);
  await expect(unitRow(app, '城南乡')).toBeVisible();
});

test('a new round expects the units with open work; a report typed in makes the unit 已报送 after a reload', async ({
  app,
}) => {
  await app.page.getByRole('button', { name: '新建调度轮次' }).click();
  const dialog = app.page.getByRole('dialog', { name: '新建调度轮次' });
  await dialog.getByLabel('轮次名称').fill('2026年第四季度调度');
  await dialog.getByLabel('调度周期开始').fill('2026-10-01');
  await dialog.getByLabel('调度周期结束').fill('2026-12-31');
  await dialog.getByLabel('报送截止日期').fill('2027-01-10');
  // Units with unfinished tasks are ticked; townships stand in for 各乡镇街道; units without tasks are not.
  await expect(dialog.getByRole('checkbox', { name: '县卫生健康局' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: '沙溪镇' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: '各乡镇街道' })).toHaveCount(0);
  await expect(dialog.getByRole('checkbox', { name: '县委宣传部' })).toHaveCount(0);
  await dialog.getByRole('checkbox', { name: '县公安局' }).uncheck();
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(app.page.getByRole('status')).toHaveText('已新建“2026年第四季度调度”。');
  await expect(app.page.getByRole('heading', { level: 2, name: '2026年第四季度调度' })).toBeVisible();
  await expect(stateOf(app, '沙溪镇')).toHaveText('未报送');
  await expect(unitRow(app, '县公安局')).toHaveCount(0);
  await saveScreenshot(app.page, 'rounds');

  await app.page.getByRole('button', { name: '录入：沙溪镇' }).click();
  const reports = app.page.getByRole('dialog', { name: /沙溪镇 · 2026年第四季度调度/ });
  const form = reports.getByRole('form', { name: '手工录入推进情况' });
  await form.getByRole('combobox', { name: '任务' }).selectOption({ index: 1 });
  await form.getByLabel('状态').selectOption('推进中');
  await form.getByLabel('完成进度（%）').fill('150');
  await form.getByLabel('完成情况').fill('镇卫生院已完成自评，正在整改。');
  await form.getByRole('button', { name: '保存进展' }).click();
  await expect(form.getByRole('alert')).toContainText('完成进度不能大于 100');
  await form.getByLabel('完成进度（%）').fill('70');
  await form.getByLabel('存在问题').fill('人员不足');
  await saveScreenshot(app.page, 'rounds-manual-report');
  await form.getByRole('button', { name: '保存进展' }).click();
  await expect(reports.getByRole('status')).toHaveText('已保存推进情况。');
  await expect(reports.locator('tbody tr')).toHaveCount(1);
  await expect(reports.locator('tbody tr')).toContainText('电话');
  await reports.getByRole('button', { name: '关闭' }).click();

  await app.reload();
  await app.open('调度轮次');
  await expect(app.page.getByRole('heading', { level: 2, name: '2026年第四季度调度' })).toBeVisible();
  await expect(stateOf(app, '沙溪镇')).toHaveText('已报送');
  await expect(unitRow(app, '沙溪镇').locator('td').nth(4)).toHaveText('2026-11-23');
  await expect(app.page.getByRole('navigation', { name: '调度轮次列表' })).toContainText('已报 1/');
});

test('a closed round is read-only, also after a reload', async ({ app }) => {
  await app.page.getByRole('button', { name: '关闭本轮' }).click();
  await app.page.getByRole('dialog', { name: '关闭调度轮次' }).getByRole('button', { name: '关闭本轮' }).click();
  await expect(app.page.getByRole('status')).toContainText('已关闭“2026年第三季度调度”');
  await expect(app.page.getByRole('button', { name: /^录入：/ })).toHaveCount(0);
  await app.reload();
  await app.open('调度轮次');
  await expect(app.page.getByRole('heading', { level: 2, name: '2026年第三季度调度' })).toContainText('已关闭');
  await expect(app.page.getByRole('button', { name: '关闭本轮' })).toHaveCount(0);
  await app.page.getByRole('button', { name: '查看：城南乡' }).click();
  const dialog = app.page.getByRole('dialog', { name: /城南乡/ });
  await expect(dialog).toContainText('本轮已关闭，只能查看，不能再录入。');
  await expect(dialog.getByRole('button', { name: '手工录入' })).toHaveCount(0);
});
