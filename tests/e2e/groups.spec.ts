// 领导小组 page: personnel changes kept as history, members reordered, added and removed, duties edited.
import { expect, saveScreenshot, test, type DubanApp } from './fixtures';
import { dutiesGrid, exactly, membersGrid } from './pages/grids';

test.use({ today: '2026-11-23' });

/** A member row found by the text of one of its cells (person name, or unit for unit members). */
const memberRow = (app: DubanApp, colId: 'personName' | 'unit', text: string) =>
  membersGrid(app).rowWhere(colId, exactly(text));
/** A cell of a member row. */
const memberCell = (app: DubanApp, colId: 'personName' | 'unit', text: string, column: string) =>
  membersGrid(app).cellIn(memberRow(app, colId, text), column);

/** Units of the unit members (成员) in screen order, as the clerk reads the roster. */
async function unitOrder(app: DubanApp): Promise<string[]> {
  return (await membersGrid(app).columnInScreenOrder('unit')).filter((unit) => unit && unit !== '（无）');
}

/** The roster is longer than the grid: rows far down are only rendered once scrolled to. */
async function scrollToEnd(app: DubanApp) {
  await membersGrid(app).rows.first().hover();
  await app.page.mouse.wheel(0, 5000);
}

test.beforeEach(async ({ app }) => {
  await app.open('领导小组');
  await expect(memberRow(app, 'personName', '王奇洲')).toBeVisible();
});

test('a personnel change keeps the old holder as history, shown with 显示历史 after a reload', async ({ app }) => {
  await expect(app.page.getByLabel('领导小组基本信息').getByLabel('名称')).toHaveValue(
    '新昌县深化基层卫生健康综合改革领导小组',
  );
  await app.page.getByRole('button', { name: '人员变动：王奇洲' }).click();
  const dialog = app.page.getByRole('dialog', { name: '人员变动' });
  await dialog.getByLabel('接任人员姓名').fill('李明');
  await dialog.getByLabel('变动日期').fill('2026-09-01');
  await dialog.getByRole('button', { name: '确认变动' }).click();
  await expect(app.page.getByRole('status')).toContainText('由李明接任');
  await expect(memberRow(app, 'personName', '王奇洲')).toHaveCount(0);
  await expect(memberCell(app, 'personName', '李明', 'role')).toHaveText('组长');

  await app.reload();
  await app.open('领导小组');
  await expect(memberCell(app, 'personName', '李明', 'term')).toHaveText('2026-09-01 起');
  await expect(memberRow(app, 'personName', '王奇洲')).toHaveCount(0);
  await app.page.getByLabel('显示历史').check();
  const old = memberRow(app, 'personName', '王奇洲');
  await expect(old).toHaveClass(/row-ended/);
  await expect(membersGrid(app).cellIn(old, 'term')).toHaveText('2022-03-01 至 2026-09-01');
  await expect(membersGrid(app).cellIn(old, 'order')).toHaveText('历史');
  await expect(old.getByRole('button', { name: /人员变动/ })).toHaveCount(0);
  await saveScreenshot(app.page, 'groups-history');
});

test('a change dated before the term began is refused in the dialog and nothing changes', async ({ app }) => {
  await app.page.getByRole('button', { name: '人员变动：王奇洲' }).click();
  const dialog = app.page.getByRole('dialog', { name: '人员变动' });
  await dialog.getByLabel('接任人员姓名').fill('李明');
  await dialog.getByLabel('变动日期').fill('2020-01-01');
  await dialog.getByRole('button', { name: '确认变动' }).click();
  await expect(dialog.getByRole('alert')).toContainText('应晚于现任人员的任职日期 2022-03-01');
  await dialog.getByRole('button', { name: '取消' }).click();
  await app.page.getByLabel('显示历史').check();
  await expect(memberRow(app, 'personName', '李明')).toHaveCount(0);
});

test('members are reordered by dragging and with 上移/下移; the order survives a reload', async ({ app }) => {
  const start = await unitOrder(app);
  expect(start.slice(0, 3)).toEqual(['县委办公室', '县人民政府办公室', '县委宣传部']);
  const handle = membersGrid(app).dragHandle(memberCell(app, 'unit', '县人民政府办公室', 'order'));
  await handle.dragTo(memberCell(app, 'unit', '县委办公室', 'post'), {
    targetPosition: { x: 40, y: 5 },
  });
  await expect(app.page.getByRole('status')).toHaveText('已调整顺序。');
  expect((await unitOrder(app)).slice(0, 3)).toEqual(['县人民政府办公室', '县委办公室', '县委宣传部']);

  await memberCell(app, 'unit', '县委宣传部', 'post').click();
  await app.page.getByRole('button', { name: '上移' }).click();
  await expect(app.page.getByRole('status')).toHaveText('已上移。');

  await app.reload();
  await app.open('领导小组');
  expect((await unitOrder(app)).slice(0, 3)).toEqual(['县人民政府办公室', '县委宣传部', '县委办公室']);
  await expect(memberCell(app, 'unit', '县委宣传部', 'order')).toHaveText('4');
});

test('a member is added, corrected in the grid, and removed after confirmation; the group facts are editable', async ({
  app,
}) => {
  await app.page.getByRole('button', { name: '新增成员' }).click();
  const dialog = app.page.getByRole('dialog', { name: '新增成员' });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toContainText('至少要填写姓名或所在单位');
  await dialog.getByRole('combobox').first().selectOption('联络员');
  await dialog.getByLabel('姓名').fill('陈晓');
  await dialog.getByLabel('所在单位').selectOption({ label: '县卫生健康局' });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(memberRow(app, 'personName', '陈晓')).toBeVisible();

  const post = memberCell(app, 'personName', '陈晓', 'post');
  await post.dblclick();
  await post.locator('input').fill('基层卫生股科员');
  await post.locator('input').press('Enter');
  await expect(app.page.getByRole('status')).toHaveText('已保存成员修改。');

  const info = app.page.getByLabel('领导小组基本信息');
  await info.getByLabel('成立日期').fill('2022-04-15');
  await info.getByRole('button', { name: '保存基本信息' }).click();
  await expect(app.page.getByRole('status')).toHaveText('已保存领导小组基本信息。');

  await app.reload();
  await app.open('领导小组');
  await expect(memberRow(app, 'personName', '王奇洲')).toBeVisible();
  await scrollToEnd(app);
  await expect(memberCell(app, 'personName', '陈晓', 'post')).toHaveText('基层卫生股科员');
  await expect(app.page.getByLabel('领导小组基本信息').getByLabel('成立日期')).toHaveValue('2022-04-15');
  await app.page.getByRole('button', { name: '移除：陈晓' }).click();
  await app.page.getByRole('dialog', { name: '移除成员' }).getByRole('button', { name: '移除' }).click();
  await expect(memberRow(app, 'personName', '陈晓')).toHaveCount(0);
});

test('member-unit duties are added, edited and deleted', async ({ app }) => {
  const duties = dutiesGrid(app);
  await expect(duties.rows).toHaveCount(4);
  await app.page.getByRole('combobox', { name: '成员单位' }).selectOption({ label: '县民政局' });
  await app.page.getByLabel('职责内容').fill('负责医养结合机构备案和养老服务衔接。');
  await app.page.getByRole('button', { name: '新增职责' }).click();
  await expect(app.page.getByRole('status')).toHaveText('已新增“县民政局”的职责。');
  await expect(duties.rows).toHaveCount(5);
  await saveScreenshot(app.page, 'groups');

  const finance = duties.cellIn(duties.rows.filter({ hasText: '县财政局' }), 'duty');
  await finance.dblclick();
  const editor = duties.popupTextEditor();
  await editor.fill('   ');
  await editor.press('Tab');
  await expect(app.page.getByRole('alert')).toContainText('职责内容不能为空');
  await expect(finance).toHaveText('负责落实基层卫生健康投入保障和以奖代补资金。');
  await expect(finance).toHaveClass(/cell-error/);

  await app.page.getByRole('button', { name: '删除职责：县民政局' }).click();
  await app.page.getByRole('dialog', { name: '删除职责' }).getByRole('button', { name: '删除' }).click();
  await app.reload();
  await app.open('领导小组');
  await expect(dutiesGrid(app).rows).toHaveCount(4);
});
