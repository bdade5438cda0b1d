// 导出 as a clerk uses it: the task list, dispatch sheets, 填报模板 into a folder, roster and 调度通报.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expect, saveScreenshot, test } from './fixtures';

test.use({ today: '2026-11-23' });

test('the task list is exported to the file chosen in the save dialog, with the chosen columns, and can be opened', async ({
  app,
}) => {
  await app.open('导出');
  await app.page.getByLabel('附件编号').fill('附件2');
  await app.page.getByRole('group', { name: '列' }).getByLabel('配合单位').uncheck();
  await app.page.getByLabel('导出状态').selectOption('逾期');
  await saveScreenshot(app.page, 'export');
  await app.page.getByRole('button', { name: '导出任务清单…' }).click();
  await expect(app.page.getByRole('status')).toContainText('已导出 1 个文件：重点任务清单_逾期事项_2026-11-23.xlsx');
  const file = path.join(app.shell!.outDir, '重点任务清单_逾期事项_2026-11-23.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.worksheets[0]!;
  expect(sheet.getCell('A1').value).toBe('附件2');
  // The title says what the list is: the plan's appendix title, then 逾期事项; the date in Chinese.
  expect(sheet.getCell('A2').value).toBe('新昌县深化基层卫生健康综合改革重点任务清单（逾期事项）');
  expect(String(sheet.getCell('A3').value)).toContain('截至二〇二六年十一月二十三日');
  expect(sheet.getRow(4).values).toEqual([undefined, '序号', '重点任务', '工作内容', '牵头单位', '完成时限', '状态']);
  const statuses: string[] = [];
  sheet
    .getColumn(6)
    .eachCell((c, r) => r > 4 && typeof c.value === 'string' && !c.value.includes('、') && statuses.push(c.value));
  expect(statuses.length).toBe(7);
  expect(statuses.every((s) => s.startsWith('【逾期】'))).toBe(true);
  await app.page.getByRole('button', { name: '打开文件' }).click();
  await expect.poll(() => app.shell!.opened).toContain(file);
});

test('dispatch sheets: a township gets its work through 各乡镇街道, a unit with none is named and gets no sheet', async ({
  app,
}) => {
  await app.open('导出');
  const picks = app.page.getByRole('list', { name: '选择单位' });
  await picks.getByLabel('沙溪镇').check();
  await picks.getByLabel('县疾病预防控制中心').check();
  await app.page.getByRole('button', { name: '导出分发表…' }).click();
  await expect(app.page.getByRole('status')).toContainText('已导出 1 个文件');
  await expect(app.page.getByRole('status')).toContainText('没有承担的工作内容，未生成：县疾病预防控制中心');
  const file = fs.readdirSync(app.shell!.outDir).find((f) => f.startsWith('按单位分发'))!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(app.shell!.outDir, file));
  expect(wb.worksheets.map((s) => s.name)).toEqual(['沙溪镇']);
  expect(String(wb.worksheets[0]!.getCell('A1').value)).toContain('（沙溪镇）');
  expect((wb.worksheets[0]!.getRow(3).values as unknown[]).includes('角色')).toBe(true);
});

test('fill-in templates for two townships go into the chosen folder, one file each', async ({ app }) => {
  await app.open('导出');
  const picks = app.page.getByRole('list', { name: '选择单位' });
  await picks.getByLabel('沙溪镇').check();
  await picks.getByLabel('儒岙镇').check();
  await app.page.getByRole('button', { name: '导出填报模板…' }).click();
  await expect(app.page.getByRole('status')).toContainText('已导出 2 个文件');
  const files = fs.readdirSync(app.shell!.outDir).filter((f) => f.startsWith('填报模板'));
  expect(files.sort()).toEqual([
    '填报模板_2026年第三季度调度_儒岙镇_2026-11-23.xlsx',
    '填报模板_2026年第三季度调度_沙溪镇_2026-11-23.xlsx',
  ]);
});

test('the roster and the round bulletin are exported from the same page', async ({ app }) => {
  await app.open('导出');
  await app.page.getByRole('button', { name: '导出名单…' }).click();
  await expect(app.page.getByRole('status')).toContainText(
    '新昌县深化基层卫生健康综合改革领导小组名单_2026-11-23.xlsx',
  );
  await app.page.getByRole('button', { name: '导出通报…' }).click();
  // The bulletin is a Word 公文, with the statistics saved beside it as its data annex.
  await expect(app.page.getByRole('status')).toContainText('2026年第三季度调度通报_2026-11-23.docx');
  expect(fs.existsSync(path.join(app.shell!.outDir, '2026年第三季度调度通报_2026-11-23.docx'))).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(app.shell!.outDir, '2026年第三季度调度通报_2026-11-23（数据附件）.xlsx'));
  expect(wb.worksheets.map((s) => s.name)).toEqual(['调度通报', '催办清单']);
});

test('the bulletin’s 存在问题、下步工作要求 and issuer are typed on the page, kept with the round and printed', async ({
  app,
}) => {
  await app.page.setViewportSize({ width: 1366, height: 768 });
  await app.open('导出');
  const issuer = app.page.getByLabel('发文机关');
  await expect(issuer).not.toHaveValue('');
  await app.page.getByLabel('存在问题').fill('个别乡镇报送不及时。');
  await app.page.getByLabel('下步工作要求').fill('请于十二月十日前补报。');
  // The 领导小组 select stays inside its card at 1366 wide.
  const card = await app.page.getByRole('region', { name: '领导小组名单 / 调度通报' }).boundingBox();
  const select = await app.page
    .getByLabel('领导小组')
    .locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')
    .boundingBox();
  expect(select!.x + select!.width).toBeLessThanOrEqual(card!.x + card!.width);
  await saveScreenshot(app.page, 'export-bulletin-1366');
  await app.page.getByRole('button', { name: '导出通报…' }).click();
  await expect(app.page.getByRole('status')).toContainText('2026年第三季度调度通报_2026-11-23.docx');
  const docx = await JSZip.loadAsync(
    fs.readFileSync(path.join(app.shell!.outDir, '2026年第三季度调度通报_2026-11-23.docx')),
  );
  const xml = await docx.file('word/document.xml')!.async('string');
  expect(xml).toContain('个别乡镇报送不及时。');
  expect(xml).toContain('请于十二月十日前补报。');
  // Kept with the round: the page opened again shows what was typed.
  await app.open('首页');
  await app.open('导出');
  await expect(app.page.getByLabel('存在问题')).toHaveValue('个别乡镇报送不及时。');
  await app.page.setViewportSize({ width: 1920, height: 1080 });
  await saveScreenshot(app.page, 'export-bulletin-1920');
});

test('全选 ticks the townships at once for dispatch and templates', async ({ app }) => {
  await app.open('导出');
  await app.page.getByRole('button', { name: '全选乡镇（街道）' }).click();
  const picks = app.page.getByRole('list', { name: '选择单位' });
  await expect(picks.getByLabel('沙溪镇')).toBeChecked();
  await expect(picks.getByLabel('儒岙镇')).toBeChecked();
  await expect(picks.getByLabel('县疾病预防控制中心')).not.toBeChecked();
  await app.page.getByRole('button', { name: '全不选' }).click();
  await expect(picks.getByLabel('沙溪镇')).not.toBeChecked();
});
