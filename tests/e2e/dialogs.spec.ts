// Dialogs behave alike and like Windows: the first field has the caret, Enter submits, Escape cancels, a
// required mark sits beside its label, 取消 is focused before a deletion, and an empty search says so.
import { expect, saveScreenshot, test } from './fixtures';
import { unitsGrid } from './pages/grids';

test.beforeEach(async ({ app }) => {
  await app.open('责任单位');
  await expect(unitsGrid(app).row('县卫生健康局')).toBeVisible();
});

test('新增单位 is filled from the keyboard: caret in 单位名称, Enter refuses an empty name inside the dialog, Enter saves', async ({
  app,
}) => {
  const page = app.page;
  await page.getByRole('button', { name: '新增单位' }).click();
  const dialog = page.getByRole('dialog', { name: '新增责任单位' });
  const name = dialog.getByLabel('单位名称');
  await expect(name).toBeFocused();

  // The required mark is on the label's line, and the field starts below it.
  const mark = dialog.locator('label', { hasText: '单位名称' }).locator('.required');
  const markBox = (await mark.boundingBox())!;
  const nameBox = (await name.boundingBox())!;
  expect(markBox.y + markBox.height).toBeLessThanOrEqual(nameBox.y);
  const labelText = (await dialog.locator('label', { hasText: '单位名称' }).boundingBox())!;
  expect(markBox.y - labelText.y).toBeLessThan(markBox.height);
  await saveScreenshot(page, 'dialog-add-unit');

  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('单位名称');
  await expect(dialog).toBeVisible();

  await name.fill('县退役军人事务局');
  await page.keyboard.press('Tab');
  await page.keyboard.type('县退役军人局');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(unitsGrid(app).row('县退役军人事务局')).toBeVisible();
});

test('Escape closes 新增单位 without saving what was typed', async ({ app }) => {
  const page = app.page;
  await page.getByRole('button', { name: '新增单位' }).click();
  const dialog = page.getByRole('dialog', { name: '新增责任单位' });
  await dialog.getByLabel('单位名称').fill('县档案馆');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await page.getByRole('searchbox', { name: '查找责任单位' }).fill('档案馆');
  await expect(unitsGrid(app).rows).toHaveCount(0);
  await expect(page.locator('.ag-overlay').getByText('没有符合条件的数据')).toBeVisible();
  await expect(page.getByText('无匹配行')).toHaveCount(0);
  await saveScreenshot(page, 'units-empty');
});

test('before a deletion 取消 has the focus: Enter out of habit and Escape both keep the unit', async ({ app }) => {
  const page = app.page;
  const row = unitsGrid(app).row('县财政局');
  await row.getByRole('button', { name: '删除县财政局' }).click();
  const ask = page.getByRole('dialog', { name: '删除责任单位' });
  await expect(ask.getByRole('button', { name: '取消' })).toBeFocused();
  await saveScreenshot(page, 'dialog-confirm-delete');
  await page.keyboard.press('Enter');
  await expect(ask).toHaveCount(0);
  await expect(row).toHaveCount(1);

  await row.getByRole('button', { name: '删除县财政局' }).click();
  await expect(ask).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(row).toHaveCount(1);
  await expect(page.getByRole('status')).toHaveCount(0);
});
