// 任务清单 unit picker from the keyboard alone (type, ↑/↓, Enter adds, Backspace removes, Tab/Enter save,
// Escape cancels) and the 批量设置牵头单位 dialog as a compact list a clerk can read at 1366×768.
import { expect, saveScreenshot, test } from './fixtures';
import { taskList } from './pages/grids';

test.use({ today: '2026-11-23' });

test.beforeEach(async ({ app }) => {
  await app.open('任务清单');
  await expect(app.page.getByTestId('task-count')).toHaveText('显示 45 / 45 项工作内容');
});

test('a lead unit is changed with the keyboard alone, saved and still shown after a reload', async ({ app }) => {
  const lead = await taskList(app).cell('围绕全面建设高水平县级医院目标', 'lead');
  await expect(lead).toHaveText('县卫生健康局');
  await lead.click();
  const keys = app.page.keyboard;
  await keys.press('Enter');
  const picker = app.page.getByRole('dialog', { name: '选择牵头单位' });
  const picked = picker.getByLabel('已选牵头单位');
  await expect(picker.getByLabel('筛选牵头单位')).toBeFocused();
  // Backspace in the empty search takes off the last unit picked.
  await keys.press('Backspace');
  await expect(picked).toHaveText('未选择');
  // Typing filters; Enter adds the highlighted unit and keeps the picker open.
  await keys.type('医保');
  await expect(picker.getByRole('option').first()).toContainText('县医疗保障局');
  await keys.press('Enter');
  await expect(picker).toBeVisible();
  await expect(picked).toHaveText('县医疗保障局 ×');
  await saveScreenshot(app.page, 'tasks-unit-picker');
  // Enter on the empty search saves, as in Excel.
  await keys.press('Enter');
  await expect(picker).toBeHidden();
  await expect(app.page.getByRole('status')).toHaveText('已保存。');
  await expect(lead).toHaveText('县医疗保障局');

  await app.reload();
  await app.open('任务清单');
  await expect(await taskList(app).cell('围绕全面建设高水平县级医院目标', 'lead')).toHaveText('县医疗保障局');
});

test('↓ moves the highlight down the filtered list and Enter adds that unit; Tab saves keeping the pick', async ({
  app,
}) => {
  const lead = await taskList(app).cell('围绕全面建设高水平县级医院目标', 'lead');
  await lead.click();
  const keys = app.page.keyboard;
  await keys.press('Enter');
  const picker = app.page.getByRole('dialog', { name: '选择牵头单位' });
  await expect(picker.getByLabel('筛选牵头单位')).toBeFocused();
  await keys.type('县');
  await expect(picker.getByLabel('筛选牵头单位')).toHaveValue('县');
  const options = picker.getByRole('option');
  const second = ((await options.nth(1).locator('.picker-name').textContent()) ?? '').replace(/（.*$/, '');
  expect(second).not.toBe('');
  await keys.press('ArrowDown');
  await expect(options.nth(1)).toHaveClass(/picker-active/);
  await keys.press('Enter');
  await expect(picker.getByLabel('已选牵头单位')).toHaveText(`县卫生健康局 ×${second} ×`);
  await keys.press('Tab');
  await expect(app.page.getByRole('status')).toHaveText('已保存。');
  await keys.press('Escape');
  await expect(lead).toHaveText(`县卫生健康局、${second}`);
});

test('Escape leaves the cell as it was, whatever was typed or removed', async ({ app }) => {
  const lead = await taskList(app).cell('围绕全面建设高水平县级医院目标', 'lead');
  await lead.click();
  const keys = app.page.keyboard;
  await keys.press('Enter');
  const picker = app.page.getByRole('dialog', { name: '选择牵头单位' });
  await expect(picker.getByLabel('筛选牵头单位')).toBeFocused();
  await keys.press('Backspace');
  await keys.type('医保');
  await keys.press('Enter');
  await keys.press('Escape');
  await expect(picker).toBeHidden();
  await expect(lead).toHaveText('县卫生健康局');
});

test('批量设置牵头单位 lists many units on compact lines and is used from the keyboard', async ({ app }) => {
  const list = taskList(app);
  await list.checkbox(list.row('围绕全面建设高水平县级医院目标')).check();
  await list.checkbox(list.row('完善医共体岗位设置')).check();
  await app.page.getByLabel('批量设置').selectOption('leadUnitIds');
  const dialog = app.page.getByRole('dialog', { name: '批量设置牵头单位' });
  const options = dialog.getByRole('option');
  await expect(options.first()).toBeVisible();
  // Each unit on one short line, its box beside the name, not centred on a line of its own.
  const first = (await options.first().boundingBox())!;
  expect(first.height).toBeLessThan(36);
  // Far more than four units can be read without scrolling at 1366×768.
  let inView = 0;
  for (let i = 0; i < Math.min(await options.count(), 14); i++) {
    const b = await options.nth(i).boundingBox();
    const list = await dialog.getByRole('listbox').boundingBox();
    if (b && list && b.y + b.height <= list.y + list.height + 1) inView++;
  }
  expect(inView).toBeGreaterThanOrEqual(10);
  await saveScreenshot(app.page, 'tasks-bulk-lead');
  await dialog.getByLabel('筛选牵头单位').pressSequentially('医保');
  await app.page.keyboard.press('Enter');
  await expect(dialog.getByLabel('已选牵头单位')).toHaveText('县医疗保障局 ×');
  await app.page.keyboard.press('Enter');
  await expect(app.page.getByRole('status')).toHaveText('已批量设置 2 项。');
  await expect(await list.cell('围绕全面建设高水平县级医院目标', 'lead')).toHaveText('县医疗保障局');
  await expect(await list.cell('完善医共体岗位设置', 'lead')).toHaveText('县医疗保障局');
});
