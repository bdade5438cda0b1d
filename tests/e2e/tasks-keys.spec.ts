// 任务清单 keys as in Excel/WPS: Enter after an edit moves down; Ctrl+C copies the focused cell or the
// ticked rows as tab-separated text and an HTML table, read back here from the clipboard itself.
import { expect, runtime, test, type DubanApp } from './fixtures';
import { taskList } from './pages/grids';

test.use({ today: '2026-11-23', permissions: ['clipboard-read', 'clipboard-write'] });

test.beforeEach(async ({ app }) => {
  await app.open('任务清单');
  await expect(app.page.getByTestId('task-count')).toHaveText('显示 45 / 45 项工作内容');
});

/**
 * What the clipboard holds, as Excel would read it. The browser harness serves the app from a plain http
 * origin, where pages may not read the clipboard, so it is read from a page on a secure origin instead.
 */
async function readClipboard(app: DubanApp): Promise<{ text: string; html: string }> {
  const read = async () => {
    const [item] = await navigator.clipboard.read();
    const as = async (type: string) => (item?.types.includes(type) ? (await item.getType(type)).text() : '');
    return { text: await as('text/plain'), html: await as('text/html') };
  };
  if (runtime === 'electron') return app.page.evaluate(read);
  const reader = await app.page.context().newPage();
  await reader.route('http://localhost/clipboard', (r) =>
    r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>clipboard</title>' }),
  );
  await reader.goto('http://localhost/clipboard');
  await reader.bringToFront();
  const payload = await reader.evaluate(read);
  await reader.close();
  await app.page.bringToFront();
  return payload;
}

test('Enter after editing a 工作内容 saves it and moves to the cell below, as in Excel', async ({ app }) => {
  const content = await taskList(app).cell('围绕全面建设高水平县级医院目标', 'content');
  const below = await taskList(app).cell('完善医共体岗位设置', 'content');
  await content.dblclick();
  const textarea = taskList(app).popupTextEditor();
  await textarea.fill('围绕全面建设高水平县级医院目标，推进县级医院提标扩能。');
  await textarea.press('Enter');
  await expect(app.page.getByRole('status')).toHaveText('已保存。');
  await expect(content).toHaveText('围绕全面建设高水平县级医院目标，推进县级医院提标扩能。');
  await expect(taskList(app).focusedCell()).toHaveCount(1);
  await expect(below).toHaveClass(/ag-cell-focus/);
});

test('a deadline is edited with the keyboard alone: type, Enter saves and moves down', async ({ app }) => {
  const deadline = await taskList(app).cell('围绕全面建设高水平县级医院目标', 'deadline');
  const below = await taskList(app).cell('完善医共体岗位设置', 'deadline');
  await deadline.click();
  await app.page.keyboard.press('2');
  const input = app.page.getByRole('dialog', { name: '完成时限' }).getByLabel('完成时限文字');
  await input.pressSequentially('027年6月底前');
  await input.press('Enter');
  await expect(deadline).toHaveText('2027年6月底前');
  await expect(below).toHaveClass(/ag-cell-focus/);
});

test('Ctrl+C on a focused cell puts its text on the clipboard as text and as an HTML cell', async ({ app }) => {
  await (await taskList(app).cell('围绕全面建设高水平县级医院目标', 'deadline')).click();
  await app.page.keyboard.press('Control+C');
  await expect(app.page.getByRole('status')).toHaveText('已复制“完成时限”单元格。');
  const { text, html } = await readClipboard(app);
  expect(text).toBe('2026年底前\r\n');
  expect(html).toMatch(/<td[^>]*>2026年底前<\/td>/);
});

test('Ctrl+C with ticked rows copies them under a header row, ready for Excel/WPS', async ({ app }) => {
  const list = taskList(app);
  await list.checkbox(list.row('围绕全面建设高水平县级医院目标')).check();
  await list.checkbox(list.row('完善医共体岗位设置')).check();
  await app.page.keyboard.press('Control+C');
  await expect(app.page.getByRole('status')).toHaveText('已复制勾选的 2 行（含表头），可在 Excel/WPS 中粘贴。');
  const { text, html } = await readClipboard(app);
  const rows = text.replace(/\r\n$/, '').split('\r\n');
  expect(rows).toHaveLength(3);
  expect(rows[0]?.split('\t')).toEqual([
    '灯',
    '序号',
    '重点任务',
    '工作内容',
    '牵头单位',
    '配合单位',
    '完成时限',
    '状态',
    '最新进展',
  ]);
  expect(rows[1]?.split('\t').slice(1, 8)).toEqual([
    '1.',
    '1.建设高水平县域医共体',
    expect.stringMatching(/^围绕全面建设高水平县级医院目标/),
    '县卫生健康局',
    expect.any(String),
    '2026年底前',
    '未启动',
  ]);
  expect(rows[2]).toContain('完善医共体岗位设置');
  expect(html).toContain('<th');
  expect(html.match(/<tr>/g)).toHaveLength(3);
  // Marked as text, so Excel keeps 序号 "1." and dates as written.
  expect(html).toContain("mso-number-format:'\\@'");
});

test('rows copied with Ctrl+C and pasted back with Ctrl+V on a cell are offered as new rows, never over the cell', async ({
  app,
}) => {
  const list = taskList(app);
  await list.checkbox(list.row('围绕全面建设高水平县级医院目标')).check();
  await list.checkbox(list.row('完善医共体岗位设置')).check();
  await app.page.keyboard.press('Control+C');
  await expect(app.page.getByRole('status')).toHaveText(/^已复制勾选的 2 行/);
  await list.checkbox(list.row('围绕全面建设高水平县级医院目标')).uncheck();
  await list.checkbox(list.row('完善医共体岗位设置')).uncheck();
  const target = await list.cell('强化医防协同', 'content');
  const before = await target.textContent();
  await target.click();
  await app.page.keyboard.press('Control+V');
  const dialog = app.page.getByRole('dialog', { name: '粘贴' });
  await expect(dialog.getByRole('radio', { name: '新增为工作内容' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /覆盖/ })).toBeDisabled();
  await expect(dialog.getByRole('table', { name: '粘贴预览' }).getByRole('row')).toHaveCount(3);
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(target).toHaveText(before ?? '');
});
