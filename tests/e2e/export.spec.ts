import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, runtime, saveScreenshot, test } from './fixtures';

test.use({ today: '2026-11-23' });

test('the task list is exported to the file chosen in the save dialog, with the chosen columns, and can be opened', async ({ app }) => {
  test.skip(runtime === 'electron', 'the native save dialog is scripted only in the browser harness');
  await app.open('导出');
  await app.page.getByLabel('附件编号').fill('附件2');
  await app.page.getByRole('group', { name: '列' }).getByLabel('配合单位').uncheck();
  await app.page.getByLabel('导出状态').selectOption('逾期');
  await saveScreenshot(app.page, 'export');
  await app.page.getByRole('button', { name: '导出任务清单…' }).click();
  await expect(app.page.getByRole('status')).toContainText('已导出 1 个文件：重点任务清单_2026-11-23.xlsx');
  const file = path.join(app.shell!.outDir, '重点任务清单_2026-11-23.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.worksheets[0];
  expect(sheet.getCell('A1').value).toBe('附件2');
  expect(sheet.getRow(3).values).toEqual([undefined, '序号', '重点任务', '工作内容', '牵头单位', '完成时限', '状态']);
  const statuses: string[] = [];
  sheet.getColumn(6).eachCell((c, r) => r > 3 && typeof c.value === 'string' && !c.value.includes('、') && statuses.push(c.value));
  expect(statuses.length).toBe(7);
  expect(statuses.every((s) => s.startsWith('【逾期】'))).toBe(true);
  await app.page.getByRole('button', { name: '打开文件' }).click();
  await expect.poll(() => app.shell!.opened).toContain(file);
});

test('fill-in templates for two townships go into the chosen folder, one file each', async ({ app }) => {
  test.skip(runtime === 'electron', 'the native folder dialog is scripted only in the browser harness');
  await app.open('导出');
  const picks = app.page.getByRole('list', { name: '选择单位' });
  await picks.getByLabel('沙溪镇').check();
  await picks.getByLabel('儒岙镇').check();
  await app.page.getByRole('button', { name: '导出填报模板…' }).click();
  await expect(app.page.getByRole('status')).toContainText('已导出 2 个文件');
  const files = fs.readdirSync(app.shell!.outDir).filter((f) => f.startsWith('填报模板'));
  expect(files.sort()).toEqual(['填报模板_2026年第三季度调度_儒岙镇_2026-11-23.xlsx', '填报模板_2026年第三季度调度_沙溪镇_2026-11-23.xlsx']);
});

test('the roster and the round bulletin are exported from the same page', async ({ app }) => {
  test.skip(runtime === 'electron', 'the native save dialog is scripted only in the browser harness');
  await app.open('导出');
  await app.page.getByRole('button', { name: '导出名单…' }).click();
  await expect(app.page.getByRole('status')).toContainText('新昌县深化基层卫生健康综合改革领导小组名单_2026-11-23.xlsx');
  await app.page.getByRole('button', { name: '导出通报…' }).click();
  await expect(app.page.getByRole('status')).toContainText('2026年第三季度调度通报_2026-11-23.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(app.shell!.outDir, '2026年第三季度调度通报_2026-11-23.xlsx'));
  expect(wb.worksheets.map((s) => s.name)).toEqual(['调度通报', '催办清单']);
});
