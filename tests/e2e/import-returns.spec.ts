// Importing township returns: previewed, a bad file named and left out, the rest imported and undone file by file.
import path from 'node:path';
import { expect, runtime, saveScreenshot, test } from './fixtures';

const township = (name: string) => path.resolve(__dirname, '../fixtures/township', name);

test('township returns are previewed, a bad file is named and left out, the rest imported and undone by file', async ({
  app,
}) => {
  await app.open('导入');
  app.shell!.queueOpenFiles([
    township('沙溪镇_2024年二季度推进情况.xlsx'),
    township('回山镇_推进情况.xlsx'),
    township('伪装_文本.xlsx'),
  ]);
  await app.page.getByRole('button', { name: '选择文件…' }).click();

  const shaxi = app.page.getByRole('region', { name: '预览 沙溪镇_2024年二季度推进情况.xlsx' });
  const huishan = app.page.getByRole('region', { name: '预览 回山镇_推进情况.xlsx' });
  const fake = app.page.getByRole('region', { name: '预览 伪装_文本.xlsx' });
  await expect(shaxi.getByLabel('沙溪镇_2024年二季度推进情况.xlsx的填报单位')).toHaveValue(/\d+/);
  await expect(shaxi.getByRole('row')).toHaveCount(9);
  await expect(fake).toContainText('不是有效的 Excel 文件');
  // 回山镇's own task is shown, not dropped and not forced onto a ledger task.
  await expect(huishan.getByLabel('第 5 行对应的任务')).toHaveValue('');
  await expect(huishan).toContainText('开展夏季爱国卫生运动');
  await expect(huishan).toContainText('工作表“填表说明”是隐藏的，已跳过');
  await saveScreenshot(app.page, 'import-returns-preview');
  // At the end of a long preview the import button is still on screen, not far above.
  await huishan.getByRole('row').last().scrollIntoViewIfNeeded();
  await expect(fake).toBeInViewport();
  await expect(app.page.getByRole('button', { name: /^导入 \d+ 条$/ })).toBeInViewport();
  await saveScreenshot(app.page, 'import-returns-preview-end');

  // A 2024 file into the 2026 round is questioned: nothing of it counts until the clerk confirms.
  await expect(shaxi.getByRole('note').first()).toContainText('文件名写的是“2024年二季度”');
  await expect(app.page.getByRole('button', { name: '导入 7 条' })).toBeVisible();
  await shaxi.getByLabel('确认将沙溪镇_2024年二季度推进情况.xlsx导入到所选轮次').check();
  // The demo round already holds 沙溪镇's own report on one item: that row waits for a tick.
  await expect(shaxi.locator('tr.conflict-row')).toHaveCount(1);
  await expect(shaxi.locator('tr.conflict-row')).toContainText('本轮已有（示例数据');
  await expect(app.page.getByRole('button', { name: '导入 14 条' })).toBeVisible();
  await shaxi.getByLabel('导入第 12 行').uncheck();
  await app.page.getByRole('button', { name: '导入 13 条' }).click();
  await expect(app.page.getByRole('status')).toContainText('已导入 13 条推进情况（2 个文件）');

  await app.page.getByRole('tab', { name: '导入记录' }).click();
  const history = app.page.getByRole('table', { name: '导入记录' });
  await expect(history.getByRole('row')).toHaveCount(3);
  await history.getByRole('button', { name: /^撤销导入 回山镇/ }).click();
  await app.page.getByRole('dialog').getByRole('button', { name: '撤销导入' }).click();
  await expect(app.page.getByRole('status')).toContainText('已撤销：导入 回山镇');
  await expect(history.getByRole('row').filter({ hasText: '回山镇' })).toContainText('已撤销');
});

test("a corrected column mapping is used at once and remembered for the township's next return", async ({ app }) => {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('进展');
  s.addRow(['填报单位：沙溪镇']);
  s.addRow(['工作内容', '进展情况', '困难']);
  s.addRow(['严厉打击暴力伤医等涉医违法犯罪行为，维护医务人员合法权益', '检查2次', '警力不足']);
  const file = path.join(app.dataDir, '沙溪镇_三季度.xlsx');
  await wb.xlsx.writeFile(file);

  await app.open('导入');
  app.shell!.queueOpenFiles([file]);
  await app.page.getByRole('button', { name: '选择文件…' }).click();
  const preview = app.page.getByRole('region', { name: '预览 沙溪镇_三季度.xlsx' });
  await preview.locator('.layout-editor summary').click();
  await preview.getByLabel('列“困难”对应').selectOption('problems');
  await expect(preview.locator('.layout-editor summary')).toContainText('已按您的校正读取');
  await app.page.getByRole('button', { name: '导入 1 条' }).click();
  await expect(app.page.getByRole('status')).toContainText('已导入 1 条');

  app.shell!.queueOpenFiles([file]);
  await app.page.getByRole('button', { name: '选择文件…' }).click();
  const again = app.page.getByRole('region', { name: '预览 沙溪镇_三季度.xlsx' });
  await expect(again.locator('.layout-editor summary')).toContainText('沿用上次为该单位校正的列对应');
  // The same file again says what the ledger already says: nothing to write twice.
  await expect(again.getByLabel('沙溪镇_三季度.xlsx的导入摘要')).toContainText('不导入：与本轮已有的相同 1 行');
  await expect(app.page.getByLabel('列“困难”对应')).toHaveValue('problems');
});

test('returns dropped from Explorer are read in main from their paths and committed by token: no file bytes cross', async ({
  app,
}) => {
  test.skip(runtime === 'electron', 'the files are dropped through the harness');
  await app.open('导入');
  const files = [township('回山镇_推进情况.xlsx'), township('儒岙镇_推进情况.csv')];
  await app.dropFiles('[aria-label="拖入推进情况表"]', files);
  const huishan = app.page.getByRole('region', { name: '预览 回山镇_推进情况.xlsx' });
  const ruao = app.page.getByRole('region', { name: '预览 儒岙镇_推进情况.csv' });
  await expect(huishan).toContainText('开展夏季爱国卫生运动');
  await expect(ruao.getByLabel('儒岙镇_推进情况.csv的填报单位')).toHaveValue(/\d+/);
  const analyzed = app.calls().filter((c) => c.channel === 'returns:analyze');
  expect(analyzed.map((c) => (JSON.parse(c.payload) as { paths: string[] }).paths)).toEqual(files.map((f) => [f]));

  const button = app.page.getByRole('button', { name: /^导入 \d+ 条$/ });
  await button.click();
  await expect(app.page.getByRole('status')).toContainText('已导入');
  const [commit] = app.calls().filter((c) => c.channel === 'returns:commit');
  const sent = JSON.parse(commit!.payload) as { files: { token: string; rows: Record<string, unknown>[] }[] };
  expect(sent.files.length).toBeGreaterThan(0);
  for (const file of sent.files) {
    expect(Object.keys(file).sort()).toEqual(['rows', 'token']);
    for (const row of file.rows) expect(Object.keys(row).sort()).toEqual(['overwrite', 'row', 'sheet', 'taskId']);
  }
  // Nothing the page sent carries a file or a report: no base64, no payload anywhere near a file's size.
  for (const call of app.calls()) {
    expect(call.payload, call.channel).not.toContain('dataBase64');
    expect(call.payload.length, call.channel).toBeLessThan(4096);
  }
});
