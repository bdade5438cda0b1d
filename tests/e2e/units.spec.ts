// 责任单位 page: inline edits kept, bad names and phone numbers refused, a unit still in use not deleted.
import { expect, saveScreenshot, test, type DubanApp } from './fixtures';
import { unitsGrid } from './pages/grids';

const unitRow = (app: DubanApp, name: string) => unitsGrid(app).row(name);

async function editCell(app: DubanApp, unitName: string, colId: string, value: string) {
  const cell = await unitsGrid(app).cell(unitName, colId);
  await cell.dblclick();
  const editor = cell.locator('input');
  await editor.fill(value);
  await editor.press('Enter');
}

test.beforeEach(async ({ app }) => {
  await app.open('责任单位');
  await expect(unitRow(app, '县卫生健康局')).toBeVisible();
});

test('an inline edit is saved to the ledger and survives a reload', async ({ app }) => {
  await editCell(app, '县财政局', 'contactPerson', '赵会计');
  await expect(app.page.getByRole('status')).toContainText('已保存“县财政局”的修改');
  await app.reload();
  await app.open('责任单位');
  await expect(unitsGrid(app).cellIn(unitRow(app, '县财政局'), 'contactPerson')).toHaveText('赵会计');
  await saveScreenshot(app.page, 'units');
});

test('a duplicate or empty name is refused with a Chinese message and the old value stays', async ({ app }) => {
  await editCell(app, '县公安局', 'name', '县财政局');
  await expect(app.page.getByRole('alert')).toContainText('单位名称“县财政局”已存在');
  await expect(unitRow(app, '县公安局')).toHaveCount(1);
  await expect(unitsGrid(app).cellIn(unitRow(app, '县公安局'), 'name')).toHaveClass(/cell-error/);
  await saveScreenshot(app.page, 'units-validation');

  await editCell(app, '县公安局', 'name', '   ');
  await expect(app.page.getByRole('alert')).toContainText('单位名称不能为空');
  await expect(unitRow(app, '县公安局')).toHaveCount(1);
  await app.reload();
  await app.open('责任单位');
  await expect(unitRow(app, '县公安局')).toHaveCount(1);
  await expect(unitRow(app, '县财政局')).toHaveCount(1);
});

test('a bad phone number is refused; a good one is kept', async ({ app }) => {
  await editCell(app, '县民政局', 'phone', '请找小王');
  await expect(app.page.getByRole('alert')).toContainText('电话只能包含数字');
  await editCell(app, '县民政局', 'phone', '0575-86020000');
  await expect(unitsGrid(app).cellIn(unitRow(app, '县民政局'), 'phone')).toHaveText('0575-86020000');
});

test('the kind is chosen from a list of Chinese categories', async ({ app }) => {
  const cell = await unitsGrid(app).cell('县公安局', 'kind');
  await expect(cell).toHaveText('县直部门');
  await cell.dblclick();
  await cell.getByRole('combobox').click();
  await app.page.getByRole('option', { name: '医疗卫生单位', exact: true }).click();
  await expect(cell).toHaveText('医疗卫生单位');
  await app.reload();
  await app.open('责任单位');
  await expect(unitsGrid(app).cellIn(unitRow(app, '县公安局'), 'kind')).toHaveText('医疗卫生单位');
});

test('a unit still assigned to tasks cannot be deleted, and the message names them', async ({ app }) => {
  await unitRow(app, '县财政局').getByRole('button', { name: '删除县财政局' }).click();
  await app.page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  const alert = app.page.getByRole('alert');
  await expect(alert).toContainText('“县财政局”仍是');
  await expect(alert).toContainText('项任务的责任单位，不能删除');
  await expect(unitRow(app, '县财政局')).toHaveCount(1);
});

test('a new unit can be added, and deleted after confirmation', async ({ app }) => {
  await app.page.getByRole('button', { name: '新增单位' }).click();
  const dialog = app.page.getByRole('dialog');
  await dialog.getByLabel('单位名称').fill('县退役军人事务局');
  await dialog.getByLabel('简称').fill('县退役军人局');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(unitRow(app, '县退役军人事务局')).toBeVisible();

  await app.page.getByRole('button', { name: '新增单位' }).click();
  await app.page.getByRole('dialog').getByLabel('单位名称').fill('县退役军人事务局');
  await app.page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(app.page.getByRole('dialog').getByRole('alert')).toContainText('已存在');
  await app.page.getByRole('dialog').getByRole('button', { name: '取消' }).click();

  await app.reload();
  await app.open('责任单位');
  await app.page.getByRole('searchbox', { name: '查找责任单位' }).fill('退役军人');
  await expect(unitsGrid(app).rows).toHaveCount(1);
  await unitRow(app, '县退役军人事务局').getByRole('button', { name: '删除县退役军人事务局' }).click();
  await app.page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(app.page.getByRole('status')).toContainText('已删除“县退役军人事务局”');
  await app.reload();
  await app.open('责任单位');
  await expect(unitRow(app, '县卫生健康局')).toBeVisible();
  await expect(unitRow(app, '县退役军人事务局')).toHaveCount(0);
});
