// Importing a policy document: reviewed beside its text, saved as one import, undone; .doc refused; split, merge.
import fs from 'node:fs';
import path from 'node:path';
import { expect, runtime, saveScreenshot, test } from './fixtures';
import { taskList } from './pages/grids';

const fixture = (name: string) => path.resolve(__dirname, '../fixtures/documents', name);

test('a policy document is read, reviewed beside its text, saved as one import, and undone from 导入记录', async ({
  app,
}) => {
  await app.open('导入');
  await app.page.getByRole('tab', { name: '政策文件（实施方案）' }).click();
  app.shell!.queueOpenFiles([fixture('wenshui-measures-2023-57.docx')]);
  await app.page.getByRole('button', { name: '选择文件…' }).click();

  await expect(app.page.getByLabel('文号')).toHaveValue('文卫体字〔2023〕57号');
  await expect(app.page.getByLabel('成文日期')).toHaveValue('2023-11-10');
  const tasks = app.page.getByRole('list', { name: '读取的任务' });
  const measure = tasks
    .getByRole('listitem')
    .filter({ has: app.page.locator('input.title[value="建立定期汇报协商机制"]') });
  await measure.locator('.number').click();
  await expect(app.page.getByLabel('文件原文').locator('mark')).toContainText('建立定期汇报协商机制');
  await expect(measure.locator('.review-task-fields input').nth(2)).toHaveValue('每年至少汇报1次');
  await expect(app.page.getByRole('list', { name: '新的责任单位' })).toContainText('基层股');
  await saveScreenshot(app.page, 'import-document-review');

  // Leave one measure out: it must not reach the ledger.
  const leftOut = tasks.getByRole('checkbox', { name: /^保存 （四）完善调查研究工作机制/ });
  await leftOut.click();
  await expect(leftOut).not.toBeChecked();
  await app.page.getByRole('button', { name: '保存到台账' }).click();
  // Measures that name no lead unit are saved only after the clerk says so.
  await app.page.getByRole('dialog', { name: '还有需要核对的项' }).getByRole('button', { name: '仍然保存' }).click();
  await expect(app.page.getByRole('status')).toContainText('已保存到台账');

  await app.open('任务清单');
  await app.page.getByLabel('按文件筛选').selectOption({
    label:
      '文卫体字〔2023〕57号 贯彻落实以基层为重点的新时代党的卫生与健康工作方针推动基层医疗卫生事业高质量发展的若干措施',
  });
  await expect(taskList(app).column('task').filter({ hasText: '建立定期汇报协商机制' })).toHaveCount(1);
  await expect(taskList(app).column('task').filter({ hasText: '完善调查研究工作机制' })).toHaveCount(0);
  // 导出 offers the list of the document being viewed, not the ledger's first document.
  await app.open('导出');
  await expect(app.page.getByLabel('导出文件').locator('option:checked')).toHaveText(/贯彻落实以基层为重点/);

  await app.open('导入');
  await app.page.getByRole('tab', { name: '导入记录' }).click();
  await app.page.getByRole('button', { name: /^撤销导入文件：/ }).click();
  await app.page.getByRole('dialog').getByRole('button', { name: '撤销导入' }).click();
  await expect(app.page.getByRole('status')).toContainText('已撤销：导入文件：');
  await app.open('任务清单');
  await expect(app.page.getByTestId('task-count')).toHaveText('显示 45 / 45 项工作内容');
});

test('a .doc file dropped from Explorer is refused with a message saying how to convert it', async ({ app }) => {
  test.skip(runtime === 'electron', 'the file is dropped through the harness');
  const doc = path.join(app.dataDir, '旧方案.doc');
  fs.writeFileSync(doc, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  await app.open('导入');
  await app.page.getByRole('tab', { name: '政策文件（实施方案）' }).click();
  await app.dropFiles('.drop-zone', [doc]);
  await expect(app.page.getByRole('alert')).toContainText('旧方案.doc');
  await expect(app.page.getByRole('alert')).toContainText('.docx');
});

test('a document dropped from Explorer is read in main from its path: no file bytes cross', async ({ app }) => {
  test.skip(runtime === 'electron', 'the file is dropped through the harness');
  await app.open('导入');
  await app.page.getByRole('tab', { name: '政策文件（实施方案）' }).click();
  const docx = fixture('wenshui-measures-2023-57.docx');
  await app.dropFiles('.drop-zone', [docx]);
  await expect(app.page.getByLabel('文号')).toHaveValue('文卫体字〔2023〕57号');
  const sent = app.calls().filter((c) => c.channel === 'documents:analyze');
  expect(sent.map((c) => JSON.parse(c.payload))).toEqual([{ path: docx }]);
  // Nothing the page sent carries a file: no base64 field, no payload anywhere near a file's size.
  for (const call of app.calls()) {
    expect(call.payload, call.channel).not.toContain('dataBase64');
    expect(call.payload.length, call.channel).toBeLessThan(4096);
  }

  // A file moved away between the drop and the read is named, with what to do.
  const gone = path.join(app.dataDir, '已移走的方案.docx');
  await app.page.getByRole('button', { name: '放弃', exact: true }).click();
  await app.dropFiles('.drop-zone', [gone]);
  await expect(app.page.getByRole('alert')).toContainText('找不到文件“已移走的方案.docx”');
});

test('in review, an item can be split into sentences and merged back into the item above', async ({ app }) => {
  await app.open('导入');
  await app.page.getByRole('tab', { name: '政策文件（实施方案）' }).click();
  app.shell!.queueOpenFiles([fixture('ordos-capacity-plan.txt')]);
  await app.page.getByRole('button', { name: '选择文件…' }).click();
  const items = app.page.getByRole('list', { name: '读取的任务' }).getByRole('listitem');
  const before = await items.count();
  await app.page.getByRole('button', { name: '拆分' }).first().click();
  const afterSplit = await items.count();
  expect(afterSplit).toBeGreaterThan(before);
  await expect(app.page.getByText(/^已选 \d+ 项任务$/)).toBeVisible();
  const merge = app.page.getByRole('list', { name: '读取的任务' }).getByRole('button', { name: '合并到上一项' });
  await merge.first().click();
  await expect(items).toHaveCount(afterSplit - 1);
  await saveScreenshot(app.page, 'import-document-split');
});
