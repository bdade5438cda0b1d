// 回收站 end to end: each kind deleted and restored whole, also after a reload; 永久删除 and 清空 ask first.
import { expect, saveScreenshot, test, type DubanApp } from './fixtures';
import { taskList, unitsGrid } from './pages/grids';

test.use({ today: '2026-11-23' });

const itemRow = (app: DubanApp, contentStart: string) => taskList(app).row(contentStart);
const cellOf = (app: DubanApp, contentStart: string, colId: string) => taskList(app).cell(contentStart, colId);

async function openBin(app: DubanApp) {
  await app.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '回收站', exact: true }).click();
  await app.page.getByRole('heading', { level: 1, name: '回收站' }).waitFor();
}

const binRow = (app: DubanApp, label: string) => app.page.locator(`tr[data-bin-entry="${label}"]`);

/** What a clerk sees of a work item: its units and its latest report, read from the grid. */
async function itemAsShown(app: DubanApp, contentStart: string) {
  const read = async (col: string) => (await (await cellOf(app, contentStart, col)).textContent())?.trim();
  return {
    lead: await read('lead'),
    co: await read('co'),
    latest: await read('latest'),
    deadline: await read('deadline'),
    status: await read('status'),
  };
}

test('a 重点任务 with its work items and a unit go to 回收站 and come back with their units and reports, also after a reload', async ({
  app,
}) => {
  const { page } = app;
  await app.open('任务清单');
  await expect(page.getByTestId('task-count')).toHaveText('显示 45 / 45 项工作内容');
  const items = ['围绕全面建设高水平县级医院目标', '完善医共体岗位设置', '强化医防协同'];
  const before = await Promise.all(items.map((t) => itemAsShown(app, t)));
  expect(before[0]!.latest).not.toBe('');

  await (await cellOf(app, items[0]!, 'content')).click();
  await page.getByRole('button', { name: '删除', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '删除任务' });
  await dialog.getByRole('radio', { name: '重点任务“1.建设高水平县域医共体”及其下的 3 项工作内容' }).check();
  await expect(dialog).toContainText('移入回收站');
  await expect(dialog).not.toContainText('不能恢复');
  await saveScreenshot(page, 'recycle-bin-delete-task');
  await dialog.getByRole('button', { name: '删除', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('已删除 4 项并移入回收站，需要时可在“回收站”中还原，或点“撤销”。');
  await expect(page.getByTestId('task-count')).toHaveText('显示 42 / 42 项工作内容');
  await expect(itemRow(app, items[0]!)).toHaveCount(0);

  // A township that reported in the round: its report and its place on the round's list go along.
  await app.open('责任单位');
  await page.getByRole('searchbox', { name: '查找责任单位' }).fill('回山镇');
  const unit = unitsGrid(app).row('回山镇');
  await unit.getByRole('button', { name: '删除回山镇' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('会移入回收站');
  await expect(confirm).not.toContainText('不能恢复');
  await saveScreenshot(page, 'recycle-bin-delete-unit');
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(page.getByRole('status')).toHaveText('已删除“回山镇”并移入回收站，需要时可在“回收站”中还原。');
  await expect(unit).toHaveCount(0);

  await openBin(app);
  await expect(page.locator('tr[data-bin-entry]')).toHaveCount(2);
  await expect(binRow(app, '1.建设高水平县域医共体')).toContainText('重点任务');
  await expect(binRow(app, '1.建设高水平县域医共体')).toContainText('3 项工作内容、1 条推进情况、12 个责任单位关联');
  await expect(binRow(app, '回山镇')).toContainText('1 条推进情况、1 个调度轮次的应报名单');
  await expect(binRow(app, '回山镇').locator('td').first()).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await saveScreenshot(page, 'recycle-bin');

  await binRow(app, '1.建设高水平县域医共体')
    .getByRole('button', { name: '还原重点任务：1.建设高水平县域医共体' })
    .click();
  await expect(page.getByRole('status')).toHaveText(
    '已还原重点任务“1.建设高水平县域医共体”，连同 3 项工作内容、1 条推进情况、12 个责任单位关联，可到“任务清单”查看。',
  );
  await expect(binRow(app, '1.建设高水平县域医共体')).toHaveCount(0);
  await binRow(app, '回山镇').getByRole('button', { name: '还原单位：回山镇' }).click();
  await expect(page.getByText('回收站是空的。')).toBeVisible();
  await saveScreenshot(page, 'recycle-bin-restored');

  for (const pass of ['after 还原', 'after a reload']) {
    if (pass === 'after a reload') await app.reload();
    await app.open('任务清单');
    await expect(page.getByTestId('task-count')).toHaveText('显示 45 / 45 项工作内容');
    expect(await Promise.all(items.map((t) => itemAsShown(app, t))), pass).toEqual(before);
    await expect(taskList(app).anyCells('task', '1.建设高水平县域医共体')).toHaveCount(1);
    await app.open('调度轮次');
    await expect(page.locator('tr[data-unit="回山镇"]')).toContainText('已报送');
  }
});

test('a leadership group, a round and a policy document are deleted after asking, and 还原 brings each back', async ({
  app,
}) => {
  const { page } = app;
  await app.open('领导小组');
  await page.getByRole('button', { name: '删除领导小组' }).click();
  await expect(page.getByRole('dialog')).toContainText('20 条成员记录（含历任）和 4 项成员单位职责会一并移入回收站');
  await saveScreenshot(page, 'recycle-bin-delete-group');
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('还没有领导小组。')).toBeVisible();

  await app.open('调度轮次');
  await page.getByRole('button', { name: '删除本轮' }).click();
  await expect(page.getByRole('dialog')).toContainText('本轮的推进情况和应报单位名单会一并移入回收站');
  await saveScreenshot(page, 'recycle-bin-delete-round');
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('还没有调度轮次。')).toBeVisible();

  await app.open('导入');
  await page.getByRole('tab', { name: '政策文件（实施方案）' }).click();
  const docs = page.getByRole('table', { name: '台账中的政策文件' });
  // The group that cited it is in the bin already: only the tasks still cite it.
  await expect(docs).toContainText('45 项工作内容删除');
  await docs.getByRole('button', { name: /^删除文件：/ }).click();
  await expect(page.getByRole('dialog')).toContainText('不会被删除，只是不再标注来源文件');
  await saveScreenshot(page, 'recycle-bin-delete-document');
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(docs).toHaveCount(0);

  await openBin(app);
  await expect(page.locator('tr[data-bin-entry]')).toHaveCount(3);
  await expect(page.locator('tr[data-bin-entry]').nth(0)).toContainText('另有 45 项工作内容引用它');
  for (const kind of ['文件', '调度轮次', '领导小组']) {
    await page
      .locator('tr[data-bin-entry]', { hasText: kind })
      .getByRole('button', { name: new RegExp(`^还原${kind}：`) })
      .click();
    await expect(page.getByRole('status')).toContainText(`已还原${kind}`);
  }
  await expect(page.getByText('回收站是空的。')).toBeVisible();

  await app.open('领导小组');
  await expect(page.getByLabel('成立文件')).toHaveValue('1');
  await app.open('调度轮次');
  await expect(page.locator('tr[data-unit="沙溪镇"]')).toContainText('已报送');
});

test('永久删除 and 清空回收站 ask first, and a cancelled question changes nothing', async ({ app }) => {
  const { page } = app;
  await app.open('任务清单');
  for (const content of ['完善医共体岗位设置', '强化医防协同']) {
    await (await cellOf(app, content, 'content')).click();
    await page.getByRole('button', { name: '删除', exact: true }).click();
    await page.getByRole('dialog', { name: '删除任务' }).getByRole('button', { name: '删除', exact: true }).click();
    await expect(itemRow(app, content)).toHaveCount(0);
  }
  await openBin(app);
  const entries = page.locator('tr[data-bin-entry]');
  await expect(entries).toHaveCount(2);

  await entries
    .first()
    .getByRole('button', { name: /^永久删除/ })
    .click();
  await expect(page.getByRole('dialog')).toContainText('永久删除后不能再还原');
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  await expect(entries).toHaveCount(2);
  await entries
    .first()
    .getByRole('button', { name: /^永久删除/ })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: '永久删除' }).click();
  await expect(page.getByRole('status')).toContainText('已永久删除工作内容');
  await expect(entries).toHaveCount(1);

  await page.getByRole('button', { name: '清空回收站' }).click();
  await expect(page.getByRole('dialog')).toContainText('其中的 1 项将被永久删除，不能再还原');
  await saveScreenshot(page, 'recycle-bin-empty-confirm');
  await page.getByRole('dialog').getByRole('button', { name: '清空回收站' }).click();
  await expect(page.getByRole('status')).toHaveText('已清空回收站，永久删除了 1 项。');
  await expect(page.getByText('回收站是空的。')).toBeVisible();
  await app.reload();
  await openBin(app);
  await expect(page.getByText('回收站是空的。')).toBeVisible();
  await app.open('任务清单');
  await expect(page.getByTestId('task-count')).toHaveText('显示 43 / 43 项工作内容');
});
