// 任务清单 page: reads like the appendix; edits, units, bad dates and missing leads as a clerk meets them.
import { expect, saveScreenshot, test, type DubanApp } from './fixtures';
import { taskList } from './pages/grids';

// The demo ledger's deadlines are fixed dates; with "today" fixed the lights are known.
test.use({ today: '2026-11-23' });

test.beforeEach(async ({ app }) => {
  await app.open('任务清单');
  await expect(app.page.getByTestId('task-count')).toHaveText('显示 45 / 45 项工作内容');
});

test('the list reads like the appendix: section banners, tasks beside their work items, lights by deadline', async ({
  app,
}) => {
  await expect(app.page.locator('.section-banner').first()).toHaveText('一、打造优质高效基层医疗卫生服务体系');
  // 2026年6月底前 and still 推进中 on 2026-11-23: overdue.
  await expect(await taskList(app).cell('推进医共体分院实施以心脑血管', 'warning')).toHaveText('逾期');
  // 2026年11月底前: within 15 days.
  await expect(await taskList(app).cell('深入开展“优质服务基层行”活动', 'warning')).toHaveText('临期');
  // 2026年底前, not started: on track.
  await expect(await taskList(app).cell('围绕全面建设高水平县级医院目标', 'warning')).toHaveText('正常');
  // done items are grey.
  await expect(await taskList(app).cell('强化医防协同', 'warning')).toHaveText('已完成');
  // The 重点任务 cell spans its work items, as merged cells do in the appendix.
  await expect(taskList(app).anyCells('task', '2.推动基层医疗卫生机构提档升级')).toHaveCount(1);
  await saveScreenshot(app.page, 'tasks');
});

test('editing content, deadline words and status is saved and survives a reload', async ({ app }) => {
  const content = await taskList(app).cell('完善医共体岗位设置', 'content');
  await content.dblclick();
  const textarea = taskList(app).popupTextEditor();
  await textarea.fill('完善医共体岗位设置、财务管理和绩效分配等制度（2026年修订）。');
  // Tab saves and moves on to the next cell's editor, as in Excel; Escape leaves that one alone.
  await textarea.press('Tab');
  await expect(app.page.getByRole('status')).toHaveText('已保存。');
  await app.page.keyboard.press('Escape');

  const deadline = await taskList(app).cell('完善医共体岗位设置', 'deadline');
  await deadline.dblclick();
  await app.page.getByRole('dialog', { name: '完成时限' }).getByRole('button', { name: '每季度' }).click();
  await app.page.getByRole('dialog', { name: '完成时限' }).getByRole('button', { name: '确定' }).click();
  await expect(deadline).toHaveText('每季度');

  await app.reload();
  await app.open('任务清单');
  await expect(await taskList(app).cell('完善医共体岗位设置', 'content')).toHaveText(
    '完善医共体岗位设置、财务管理和绩效分配等制度（2026年修订）。',
  );
  await expect(await taskList(app).cell('完善医共体岗位设置', 'deadline')).toHaveText('每季度');
});

test('an impossible date is refused on the cell and the old deadline stays', async ({ app }) => {
  const deadline = await taskList(app).cell('围绕全面建设高水平县级医院目标', 'deadline');
  await expect(deadline).toHaveText('2026年底前');
  await deadline.dblclick();
  const input = app.page.getByRole('dialog', { name: '完成时限' }).getByLabel('完成时限文字');
  await input.fill('2025年2月30日');
  await input.press('Enter');
  await expect(app.page.getByRole('alert')).toContainText('“2025年2月30日”不是有效的日期');
  await expect(deadline).toHaveText('2026年底前');
  await expect(deadline).toHaveClass(/cell-error/);
});

test('lead units are picked by typing a short name', async ({ app }) => {
  const lead = await taskList(app).cell('围绕全面建设高水平县级医院目标', 'lead');
  await expect(lead).toHaveText('县卫生健康局');
  await lead.dblclick();
  const picker = app.page.getByRole('dialog', { name: '选择牵头单位' });
  await picker.getByRole('button', { name: '县卫生健康局 ×' }).click();
  await picker.getByLabel('筛选牵头单位').fill('医保');
  await picker.getByRole('option').first().getByRole('checkbox').check();
  await picker.getByRole('button', { name: '确定' }).click();
  await expect(lead).toHaveText('县医疗保障局');
  await app.reload();
  await app.open('任务清单');
  await expect(await taskList(app).cell('围绕全面建设高水平县级医院目标', 'lead')).toHaveText('县医疗保障局');
});

test('a work item without a lead unit is refused', async ({ app }) => {
  const lead = await taskList(app).cell('围绕全面建设高水平县级医院目标', 'lead');
  await lead.dblclick();
  const picker = app.page.getByRole('dialog', { name: '选择牵头单位' });
  await picker.getByRole('button', { name: '县卫生健康局 ×' }).click();
  await picker.getByRole('button', { name: '确定' }).click();
  await expect(app.page.getByRole('alert')).toContainText('每项工作内容都要有牵头单位');
  await expect(lead).toHaveText('县卫生健康局');
});

test('filters by unit and by light, and close-out of selected items', async ({ app }) => {
  await app.page.getByLabel('按单位筛选').selectOption({ label: '县委机构编制委员会办公室' });
  await expect(app.page.getByTestId('task-count')).toHaveText(/显示 [1-9]\d* \/ 45 项工作内容/);
  const shown = await taskList(app).column('lead').allTextContents();
  expect(shown.length).toBeGreaterThan(0);
  await app.page.getByRole('button', { name: '清除筛选' }).click();

  await app.page.getByLabel('按红黄绿灯筛选').selectOption({ label: '逾期' });
  const lights = taskList(app).column('warning');
  await expect(lights.first()).toHaveText('逾期');
  const count = await lights.count();
  for (let i = 0; i < count; i++) await expect(lights.nth(i)).toHaveText('逾期');

  await taskList(app).checkbox(taskList(app).rows).first().check();
  await app.page.getByRole('button', { name: /^销号（1）$/ }).click();
  const dialog = app.page.getByRole('dialog', { name: '销号' });
  await dialog.getByLabel('审核人').fill('李主任');
  await dialog.getByRole('button', { name: '确认销号' }).click();
  await expect(app.page.getByRole('status')).toHaveText('已销号 1 项。');
  await expect(taskList(app).column('warning')).toHaveCount(count - 1);
});

test('a new work item is added under the chosen task', async ({ app }) => {
  await (await taskList(app).cell('围绕全面建设高水平县级医院目标', 'content')).click();
  await app.page.getByRole('button', { name: '新增工作内容' }).click();
  const dialog = app.page.getByRole('dialog', { name: '新增工作内容' });
  await dialog.getByLabel('工作内容').fill('建立医共体运行监测季度通报制度。');
  await dialog.getByLabel('牵头单位').fill('县卫生健康局');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(app.page.getByTestId('task-count')).toHaveText('显示 46 / 46 项工作内容');
  // It lands right after the row that was picked, inside the same 重点任务.
  const contents = await taskList(app).columnInScreenOrder('content');
  const at = contents.findIndex((c) => c.startsWith('建立医共体运行监测季度通报制度'));
  expect(contents[at - 1]).toMatch(/^围绕全面建设高水平县级医院目标/);
  expect(contents[at + 1]).toMatch(/^完善医共体岗位设置/);
});

test('Ctrl+Z undoes an edit in the ledger, also after the page is reloaded; Ctrl+Y redoes it', async ({ app }) => {
  const status = await taskList(app).cell('围绕全面建设高水平县级医院目标', 'status');
  await expect(status).toHaveText('未启动');
  await status.dblclick();
  await status.getByRole('combobox').click();
  await app.page.getByTestId('tasks-grid').getByRole('option', { name: '推进中', exact: true }).click();
  await expect(status).toHaveText('推进中');

  await app.reload();
  await app.open('任务清单');
  await app.page.locator('.section-banner').first().click();
  await app.page.keyboard.press('Control+z');
  await expect(app.page.getByRole('status')).toHaveText(/^已撤销：修改 .+ 的状态$/);
  await expect(await taskList(app).cell('围绕全面建设高水平县级医院目标', 'status')).toHaveText('未启动');

  await app.reload();
  await app.open('任务清单');
  await expect(await taskList(app).cell('围绕全面建设高水平县级医院目标', 'status')).toHaveText('未启动');
  await app.page.getByRole('button', { name: '重做' }).click();
  await expect(await taskList(app).cell('围绕全面建设高水平县级医院目标', 'status')).toHaveText('推进中');
});

test('a bulk deadline is set on every ticked item and undone in one step', async ({ app }) => {
  const targets = ['围绕全面建设高水平县级医院目标', '完善医共体岗位设置', '深入开展“优质服务基层行”活动'];
  const before = await Promise.all(targets.map(async (t) => (await taskList(app).cell(t, 'deadline')).textContent()));
  for (const t of targets) await taskList(app).checkbox(taskList(app).row(t)).check();
  await app.page.getByLabel('批量设置').selectOption('deadlineText');
  const dialog = app.page.getByRole('dialog', { name: '批量设置完成时限' });
  await dialog.getByRole('button', { name: '每半年' }).click();
  await dialog.getByRole('button', { name: '应用到 3 项' }).click();
  await expect(app.page.getByRole('status')).toHaveText('已批量设置 3 项。');
  for (const t of targets) await expect(await taskList(app).cell(t, 'deadline')).toHaveText('每半年');

  await app.page.getByRole('button', { name: '撤销' }).click();
  await expect(app.page.getByRole('status')).toHaveText('已撤销：批量设置完成时限（3 项）');
  for (const [i, t] of targets.entries())
    await expect(await taskList(app).cell(t, 'deadline')).toHaveText(before[i] ?? '');
});

test('a TSV block pasted from Excel is previewed, then added under the picked task', async ({ app }) => {
  await (await taskList(app).cell('围绕全面建设高水平县级医院目标', 'content')).click();
  const block = [
    '工作内容\t责任单位\t完成时限',
    '建立医共体绩效季度通报机制。\t县卫生健康局、县医保局\t每季度',
    '"推进检查检验结果互认，\n减少重复检查。"\t县医保局\t2026年底前',
    '不明单位的工作。\t县教育局\t',
  ].join('\r\n');
  await app.page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, block);
  const dialog = app.page.getByRole('dialog', { name: '粘贴' });
  await dialog.getByRole('radio', { name: '新增为工作内容' }).check();
  await expect(dialog.getByRole('table', { name: '粘贴预览' }).getByRole('row')).toHaveCount(3);
  await expect(dialog.getByRole('alert')).toContainText('第 4 行的单位“县教育局”不在责任单位名单中');
  await dialog.getByRole('button', { name: '新增 2 项' }).click();
  await expect(app.page.getByRole('status')).toHaveText('已粘贴 2 项工作内容。');
  await expect(app.page.getByTestId('task-count')).toHaveText('显示 47 / 47 项工作内容');
  await expect(await taskList(app).cell('建立医共体绩效季度通报机制', 'co')).toHaveText('县医疗保障局');
  await expect(await taskList(app).cell('推进检查检验结果互认', 'lead')).toHaveText('县医疗保障局');
  await app.page.getByRole('button', { name: '撤销' }).click();
  await expect(app.page.getByTestId('task-count')).toHaveText('显示 45 / 45 项工作内容');
});

/** Work item contents in the order the grid shows them. */
async function contentsInOrder(app: DubanApp): Promise<string[]> {
  return (await taskList(app).columnInScreenOrder('content')).filter(Boolean).map((text) => text.slice(0, 8));
}

test('work items are reordered with the move buttons and by dragging; the order is kept', async ({ app }) => {
  const start = await contentsInOrder(app);
  expect(start.slice(0, 3)).toEqual(['围绕全面建设高水', '完善医共体岗位设', '强化医防协同，健']);
  await (await taskList(app).cell('围绕全面建设高水平县级医院目标', 'content')).click();
  await app.page.getByRole('button', { name: '下移' }).click();
  await expect(app.page.getByRole('status')).toHaveText('已下移。');
  await app.reload();
  await app.open('任务清单');
  expect((await contentsInOrder(app)).slice(0, 3)).toEqual([
    '完善医共体岗位设',
    '围绕全面建设高水',
    '强化医防协同，健',
  ]);

  const handle = taskList(app).dragHandle(await taskList(app).cell('强化医防协同', 'number'));
  await handle.dragTo(await taskList(app).cell('完善医共体岗位设置', 'content'), { targetPosition: { x: 40, y: 5 } });
  await expect(app.page.getByRole('status')).toHaveText('已移动。');
  await expect
    .poll(async () => (await contentsInOrder(app)).slice(0, 3))
    .toEqual(['强化医防协同，健', '完善医共体岗位设', '围绕全面建设高水']);
});

async function pasteText(app: DubanApp, text: string) {
  await app.page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, text);
}

test('a block pasted onto a focused cell overwrites cells right and down, after a preview', async ({ app }) => {
  await (await taskList(app).cell('围绕全面建设高水平县级医院目标', 'deadline')).click();
  await pasteText(app, '2026年底前\t推进中\r\n每季度\t已完成\r\n');
  const dialog = app.page.getByRole('dialog', { name: '粘贴' });
  await expect(dialog.getByRole('radio', { name: /覆盖（从第 1\. 项的“完成时限”开始）/ })).toBeChecked();
  // The first deadline is already 2026年底前: only changed cells are listed.
  await expect(dialog.getByRole('table', { name: '覆盖预览' }).getByRole('row')).toHaveCount(4);
  await dialog.getByRole('button', { name: '覆盖 3 格' }).click();
  await expect(app.page.getByRole('status')).toHaveText('已覆盖 3 个单元格。');
  await expect(await taskList(app).cell('围绕全面建设高水平县级医院目标', 'status')).toHaveText('推进中');
  await expect(await taskList(app).cell('完善医共体岗位设置', 'deadline')).toHaveText('每季度');
  await expect(await taskList(app).cell('完善医共体岗位设置', 'status')).toHaveText('已完成');
  await app.page.getByRole('button', { name: '撤销' }).click();
  await expect(await taskList(app).cell('完善医共体岗位设置', 'deadline')).toHaveText('2026年底前');
  await expect(await taskList(app).cell('围绕全面建设高水平县级医院目标', 'status')).toHaveText('未启动');
});
