// 任务清单 cells as a clerk used to Excel meets them: Delete on a required cell, typing to start editing,
// and a text longer than the limit refused with a message instead of cut short.
import { expect, saveScreenshot, test } from './fixtures';
import { taskList } from './pages/grids';

test.use({ today: '2026-11-23' });

test.beforeEach(async ({ app }) => {
  await app.open('任务清单');
  await expect(app.page.getByTestId('task-count')).toHaveText('显示 45 / 45 项工作内容');
});

test('Delete on a 牵头单位 cell says in Chinese why it cannot be empty and keeps the unit', async ({ app }) => {
  const lead = await taskList(app).cell('围绕全面建设高水平县级医院目标', 'lead');
  await lead.click();
  await app.page.keyboard.press('Delete');
  const alert = app.page.getByRole('alert');
  await expect(alert).toContainText('牵头单位不能清空：每项工作内容都要有牵头单位。');
  await expect(alert).not.toContainText('无效输入');
  await expect(lead).toHaveText('县卫生健康局');
  await app.page.keyboard.press('Backspace');
  await expect(lead).toHaveText('县卫生健康局');
});

test('Delete on a 工作内容 cell keeps the text and says how to remove the item instead', async ({ app }) => {
  const content = await taskList(app).cell('完善医共体岗位设置', 'content');
  const before = await content.textContent();
  await content.click();
  await app.page.keyboard.press('Delete');
  await expect(app.page.getByRole('alert')).toContainText('工作内容不能为空');
  await expect(content).toHaveText(before ?? '');
});

test('typing on a 完成时限 cell starts editing with the typed character, and Enter saves it', async ({ app }) => {
  const deadline = await taskList(app).cell('围绕全面建设高水平县级医院目标', 'deadline');
  await deadline.click();
  await app.page.keyboard.press('2');
  const input = app.page.getByRole('dialog', { name: '完成时限' }).getByLabel('完成时限文字');
  await expect(input).toHaveValue('2');
  await input.pressSequentially('027年底前');
  await input.press('Enter');
  await expect(deadline).toHaveText('2027年底前');
  await expect(app.page.getByRole('status')).toHaveText('已保存。');
});

test('a 工作内容 longer than the limit is refused with the same limit as the add dialog, never cut', async ({
  app,
}) => {
  const content = await taskList(app).cell('完善医共体岗位设置', 'content');
  const before = await content.textContent();
  await content.dblclick();
  const textarea = taskList(app).popupTextEditor();
  await textarea.fill('');
  await app.page.keyboard.insertText('长'.repeat(5000));
  await expect(textarea).toHaveValue('长'.repeat(5000));
  await textarea.press('Tab');
  await expect(app.page.getByRole('alert')).toContainText('工作内容太长：有 5000 个字，最多 4000 个字。未保存');
  await app.page.keyboard.press('Escape');
  await expect(app.page.getByText('已保存。')).toHaveCount(0);
  await expect(content).toHaveText(before ?? '');
  await app.reload();
  await app.open('任务清单');
  await expect(await taskList(app).cell('完善医共体岗位设置', 'content')).toHaveText(before ?? '');
});

test('a deadline the app cannot read as a date is kept as written and marked ⚠, with the reason on hover', async ({
  app,
}) => {
  const deadline = await taskList(app).cell('围绕全面建设高水平县级医院目标', 'deadline');
  await deadline.dblclick();
  const input = app.page.getByRole('dialog', { name: '完成时限' }).getByLabel('完成时限文字');
  await input.fill('明年6月');
  await input.press('Enter');
  await expect(deadline).toContainText('明年6月');
  await expect(deadline.getByRole('img', { name: '未识别为日期，不参与预警' })).toHaveText('⚠');
  await deadline.hover();
  await expect(app.page.getByText('未识别为日期，不参与预警')).toBeVisible();
  await saveScreenshot(app.page, 'tasks-deadline-unread');
  // A deadline it can read carries no mark.
  await expect((await taskList(app).cell('完善医共体岗位设置', 'deadline')).getByRole('img')).toHaveCount(0);
});
