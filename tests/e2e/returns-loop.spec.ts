// The township loop end to end: a template goes out through 导出, comes back the way townships send
// it, and nothing it says overwrites, misplaces or invents a report without the clerk choosing.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, saveScreenshot, test, type DubanApp } from './fixtures';

test.use({ today: '2026-11-23' });

const FIRST = 7;

/** 导出 → 填报模板 for one township, as the clerk sends it out. */
async function exportTemplate(app: DubanApp, unit: string): Promise<string> {
  await app.open('导出');
  await app.page.getByRole('list', { name: '选择单位' }).getByLabel(unit).check();
  await app.page.getByRole('button', { name: '导出填报模板…' }).click();
  await expect(app.page.getByRole('status')).toContainText('已导出 1 个文件');
  const file = fs.readdirSync(app.shell!.outDir).find((f) => f.startsWith('填报模板') && f.includes(unit))!;
  return path.join(app.shell!.outDir, file);
}

async function returned(
  app: DubanApp,
  template: string,
  name: string,
  change: (sheet: ExcelJS.Worksheet) => void,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  change(wb.getWorksheet('推进情况填报')!);
  const file = path.join(app.dataDir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function pick(app: DubanApp, file: string) {
  await app.open('导入');
  app.shell!.queueOpenFiles([file]);
  await app.page.getByRole('button', { name: '选择文件…' }).click();
  return app.page.getByRole('region', { name: `预览 ${path.basename(file)}` });
}

async function roundState(app: DubanApp, unit: string) {
  await app.open('调度轮次');
  return app.page
    .getByRole('table', { name: '各单位报送情况' })
    .locator(`tr[data-unit="${unit}"]`)
    .locator('td')
    .nth(2);
}

test('a template sent back untouched is 未填写: nothing is imported and the township stays 未报送', async ({ app }) => {
  const template = await exportTemplate(app, '城南乡');
  const preview = await pick(app, await returned(app, template, '城南乡_推进情况.xlsx', () => {}));
  await expect(preview.getByRole('note')).toContainText(
    '“城南乡_推进情况.xlsx”是未填写的报表：8 行都没有填写或与导出时相同，不会导入，城南乡在本轮仍为未报送',
  );
  await expect(preview.getByLabel('城南乡_推进情况.xlsx的导入摘要')).toHaveText(
    '将导入 0 条；需要您选择 0 条；未匹配 0 条；不导入：未填写 8 行',
  );
  await expect(preview.getByRole('checkbox')).toHaveCount(0);
  await expect(app.page.getByRole('button', { name: '导入 0 条' })).toBeDisabled();
  await saveScreenshot(app.page, 'returns-blank-template');

  await expect(await roundState(app, '城南乡')).toHaveText('逾期未报');
  await app.open('导入');
  await app.page.getByRole('tab', { name: '导入记录' }).click();
  await expect(app.page.getByRole('tab', { name: '导入记录' })).toHaveAttribute('aria-selected', 'true');
  await expect(app.page.getByRole('main')).not.toContainText('导入 城南乡');
});

test("a phone report typed for the round survives the township's return: kept when blank, asked about when different", async ({
  app,
}) => {
  const template = await exportTemplate(app, '城南乡');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(template);
  const first = String(book.getWorksheet('推进情况填报')!.getCell(FIRST, 4).value);

  // After the template went out, 城南乡 phoned in progress on its first item.
  await app.open('调度轮次');
  await app.page.getByRole('button', { name: '录入：城南乡' }).click();
  const dialog = app.page.getByRole('dialog', { name: /城南乡 · 2026年第三季度调度/ });
  const form = dialog.getByRole('form', { name: '手工录入推进情况' });
  const task = form.getByRole('combobox', { name: '任务' });
  const option = await task
    .locator('option', { hasText: first.slice(0, 12) })
    .first()
    .getAttribute('value');
  await task.selectOption(option);
  await form.getByLabel('状态').selectOption('推进中');
  await form.getByLabel('完成进度（%）').fill('30');
  await form.getByLabel('完成情况').fill('电话报送：已启动摸底');
  await form.getByRole('button', { name: '保存进展' }).click();
  await expect(dialog.getByRole('status')).toHaveText('已保存推进情况。');
  await dialog.getByRole('button', { name: '关闭' }).click();

  // The return fills the same item differently, and a second item.
  const file = await returned(app, template, '城南乡_三季度.xlsx', (sheet) => {
    sheet.getCell(FIRST, 7).value = '已完成摸底，正在整改';
    sheet.getCell(FIRST, 8).value = 60;
    sheet.getCell(FIRST + 1, 7).value = '已召开推进会';
  });
  const preview = await pick(app, file);
  const conflict = preview.locator('tr.conflict-row');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('本轮已有（电话报送');
  await expect(conflict).toContainText('电话报送：已启动摸底，30%，推进中');
  await expect(conflict.getByRole('checkbox')).not.toBeChecked();
  await saveScreenshot(app.page, 'returns-existing-report');
  await app.page.getByRole('button', { name: '导入 1 条' }).click();
  await expect(app.page.getByRole('status')).toContainText('已导入 1 条推进情况（1 个文件）');

  await expect(await roundState(app, '城南乡')).toHaveText('已报送');
  await app.page.getByRole('button', { name: '查看：城南乡' }).click();
  const reports = app.page.getByRole('dialog', { name: /城南乡 · 2026年第三季度调度/ });
  await expect(reports.locator('tbody tr')).toHaveCount(2);
  await expect(reports).toContainText('电话报送：已启动摸底');
  await expect(reports).not.toContainText('已完成摸底，正在整改');
  await expect(reports).toContainText('已召开推进会');
});

test('visible columns sorted after unprotecting: rows whose ID and text disagree wait for the clerk, nothing is written by ID', async ({
  app,
}) => {
  const template = await exportTemplate(app, '城南乡');
  let moved = 0;
  const file = await returned(app, template, '城南乡_排序后.xlsx', (sheet) => {
    const rows = Array.from({ length: 8 }, (_, i) => FIRST + i);
    rows.forEach((r) => (sheet.getCell(r, 7).value = `本镇进展：${String(sheet.getCell(r, 4).value).slice(0, 10)}`));
    // WPS with only B:K selected: the hidden 任务ID column stays where it was.
    const visible = rows.map((r) => Array.from({ length: 10 }, (_, k) => sheet.getCell(r, k + 2).value));
    const before = visible.map((v) => v[2]);
    visible.sort((a, b) => String(b[2]).localeCompare(String(a[2]), 'zh'));
    rows.forEach((r, i) => visible[i]!.forEach((v, k) => (sheet.getCell(r, k + 2).value = v)));
    moved = visible.filter((v, i) => v[2] !== before[i]).length;
  });
  expect(moved).toBeGreaterThan(3);
  const preview = await pick(app, file);
  await expect(preview.locator('tr.conflict-row')).toHaveCount(moved);
  await expect(preview.locator('tr.conflict-row').first()).toContainText('隐藏的任务ID与工作内容不符');
  const choice = preview.locator('tr.conflict-row').first().getByRole('combobox');
  await expect(choice).toHaveValue('');
  await expect(choice.locator('option')).toHaveText([/不导入/, /^按任务ID：/, /^按工作内容：/]);
  await expect(app.page.getByRole('button', { name: `导入 ${8 - moved} 条` })).toBeVisible();
  await saveScreenshot(app.page, 'returns-sorted-columns');
  await app.page.getByRole('button', { name: '清空' }).click();
  await expect(await roundState(app, '城南乡')).toHaveText('逾期未报');
});
