// 任务清单 paste that cannot hurt: 粘贴新增 only adds, header rows map columns and are never written as data,
// merged blanks are filled down, and the preview keeps its buttons in view however many warnings it lists.
import { expect, saveScreenshot, test, type DubanApp } from './fixtures';
import { taskList } from './pages/grids';

test.use({ today: '2026-11-23' });

test.beforeEach(async ({ app }) => {
  await app.open('任务清单');
  await expect(app.page.getByTestId('task-count')).toHaveText('显示 45 / 45 项工作内容');
});

/** What Ctrl+V hands the page when the clerk has copied cells in Excel/WPS. */
async function pasteText(app: DubanApp, text: string) {
  await app.page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, text);
}

const pasteDialog = (app: DubanApp) => app.page.getByRole('dialog', { name: '粘贴' });

test('the 粘贴新增 button adds, even with a cell picked: it offers no overwrite', async ({ app }) => {
  await (await taskList(app).cell('围绕全面建设高水平县级医院目标', 'deadline')).click();
  await app.page.getByRole('button', { name: '粘贴新增' }).click();
  const dialog = pasteDialog(app);
  await expect(dialog.getByRole('radio', { name: '新增为工作内容' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /覆盖/ })).toHaveCount(0);
  await dialog.getByLabel('粘贴内容').fill('2027年底前\t推进中');
  await expect(dialog.getByRole('button', { name: /覆盖/ })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: /新增/ })).toBeVisible();
});

test('a copy with a title row and a header pasted on a cell adds rows by the header and overwrites nothing', async ({
  app,
}) => {
  const deadline = await taskList(app).cell('围绕全面建设高水平县级医院目标', 'deadline');
  const content = await taskList(app).cell('完善医共体岗位设置', 'content');
  const contentBefore = await content.textContent();
  await deadline.click();
  await pasteText(
    app,
    [
      '附件：2027年重点任务清单\t\t\t\t',
      '完成时限\t具体工作\t责任部门\t序号\t牵头单位',
      '2027年底前\t建立医共体绩效季度通报机制。\t县财政局\t8\t县医保局',
      '每季度\t推进检查检验结果互认。\t\t9\t',
    ].join('\r\n'),
  );
  const dialog = pasteDialog(app);
  await expect(dialog.getByRole('radio', { name: '新增为工作内容' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /覆盖/ })).toBeDisabled();
  await expect(dialog.getByTestId('overwrite-refused')).toHaveText(
    '粘贴内容第 2 行是表头，只能按表头新增，不覆盖单元格。',
  );
  await expect(dialog.getByTestId('paste-columns')).toContainText('按第 2 行的表头，以上 1 行是标题，不粘贴');
  const preview = dialog.getByRole('table', { name: '粘贴预览' });
  await expect(preview.getByRole('row')).toHaveCount(3);
  // The blank 牵头单位 under a merged cell takes the unit above, and is marked.
  await expect(preview.getByRole('row').nth(2)).toContainText('县医疗保障局 ↓');
  await dialog.getByRole('button', { name: '新增 2 项' }).click();
  await expect(app.page.getByRole('status')).toHaveText('已粘贴 2 项工作内容。');
  await expect(app.page.getByTestId('task-count')).toHaveText('显示 47 / 47 项工作内容');

  await expect(deadline).toHaveText('2026年底前');
  await expect(content).toHaveText(contentBefore ?? '');
  await expect(await taskList(app).cell('建立医共体绩效季度通报机制', 'lead')).toHaveText('县医疗保障局');
  await expect(await taskList(app).cell('建立医共体绩效季度通报机制', 'co')).toHaveText('县财政局');
  await expect(await taskList(app).cell('建立医共体绩效季度通报机制', 'deadline')).toHaveText('2027年底前');
  await expect(await taskList(app).cell('推进检查检验结果互认', 'lead')).toHaveText('县医疗保障局');
  await expect(await taskList(app).cell('推进检查检验结果互认', 'number')).toHaveText('9');
  for (const word of ['序号', '完成时限', '具体工作', '责任部门', '附件'])
    await expect(taskList(app).rows.filter({ hasText: word })).toHaveCount(0);
});

test('a header-less block too wide for the columns right of the cell is offered as new rows', async ({ app }) => {
  await (await taskList(app).cell('围绕全面建设高水平县级医院目标', 'status')).click();
  await pasteText(app, '推进中\t备注一\t多出的一列\r\n');
  const dialog = pasteDialog(app);
  await expect(dialog.getByRole('radio', { name: /覆盖/ })).toBeDisabled();
  await expect(dialog.getByTestId('overwrite-refused')).toContainText('粘贴内容有 3 列');
  await expect(dialog.getByRole('radio', { name: '新增为工作内容' })).toBeChecked();
  await expect(await taskList(app).cell('围绕全面建设高水平县级医院目标', 'status')).toHaveText('未启动');
});

test('with a hundred warnings the preview stays readable and its buttons stay on screen', async ({ app }) => {
  await (await taskList(app).cell('围绕全面建设高水平县级医院目标', 'content')).click();
  const rows = ['工作内容\t牵头单位\t完成时限'];
  for (let i = 1; i <= 80; i++) rows.push(`不明单位的工作${i}。\t县教育局\t2027年底前`);
  for (let i = 1; i <= 20; i++) rows.push(`\t县医保局\t2027年底前`);
  for (let i = 1; i <= 5; i++) rows.push(`可以粘贴的工作${i}。\t县医保局\t每季度`);
  await pasteText(app, rows.join('\r\n'));
  const dialog = pasteDialog(app);
  const warnings = dialog.getByRole('alert', { name: '粘贴提示' });
  await expect(warnings.locator('summary')).toHaveText([
    '单位不在责任单位名单中：80 行（县教育局）',
    '没有工作内容：20 行',
  ]);
  await expect(dialog.getByRole('button', { name: '新增 5 项' })).toBeInViewport();
  await expect(dialog.getByRole('button', { name: '取消' })).toBeInViewport();
  const preview = dialog.getByRole('table', { name: '粘贴预览' });
  await expect(preview.getByRole('row').nth(1)).toBeInViewport();
  const box = await dialog.locator('.paste-preview').boundingBox();
  expect(box?.height ?? 0).toBeGreaterThan(100);
  await saveScreenshot(app.page, 'tasks-paste-many-warnings');
  await warnings.locator('summary').first().click();
  await expect(dialog.getByRole('button', { name: '新增 5 项' })).toBeInViewport();
  await saveScreenshot(app.page, 'tasks-paste-many-warnings-open');
  await app.page.setViewportSize({ width: 1920, height: 1080 });
  await expect(dialog.getByRole('button', { name: '新增 5 项' })).toBeInViewport();
  await saveScreenshot(app.page, 'tasks-paste-many-warnings-1920');
});
