import { expect, saveScreenshot, test, type DubanApp } from './fixtures';

test.use({ today: '2026-11-23' });

const grid = (app: DubanApp) => app.page.getByTestId('members-grid');

/** A member row found by the text of one of its cells (person name, or unit for unit members). */
function memberRow(app: DubanApp, colId: 'personName' | 'unit', text: string) {
  return grid(app).locator('.ag-row', { has: app.page.locator(`.ag-cell[col-id="${colId}"]`, { hasText: new RegExp(`^${text}$`) }) });
}

/** Units of the unit members (成员) in screen order, as the clerk reads the roster. */
async function unitOrder(app: DubanApp): Promise<string[]> {
  const rows = await grid(app).locator('.ag-row').evaluateAll((els) =>
    els.map((el) => ({ index: Number(el.getAttribute('row-index')), unit: el.querySelector('[col-id="unit"]')?.textContent ?? '' })),
  );
  return rows
    .filter((r) => r.unit && r.unit !== '（无）')
    .sort((a, b) => a.index - b.index)
    .map((r) => r.unit);
}

/** The roster is longer than the grid: rows far down are only rendered once scrolled to. */
async function scrollToEnd(app: DubanApp) {
  await grid(app).locator('.ag-row').first().hover();
  await app.page.mouse.wheel(0, 5000);
}

test.beforeEach(async ({ app }) => {
  await app.open('领导小组');
  await expect(memberRow(app, 'personName', '王奇洲')).toBeVisible();
});

test('a personnel change keeps the old holder as history, shown with 显示历史 after a reload', async ({ app }) => {
  await expect(app.page.getByLabel('领导小组基本信息').getByLabel('名称')).toHaveValue('新昌县深化基层卫生健康综合改革领导小组');
  await app.page.getByRole('button', { name: '人员变动：王奇洲' }).click();
  const dialog = app.page.getByRole('dialog', { name: '人员变动' });
  await dialog.getByLabel('接任人员姓名').fill('李明');
  await dialog.getByLabel('变动日期').fill('2026-09-01');
  await dialog.getByRole('button', { name: '确认变动' }).click();
  await expect(app.page.getByRole('status')).toContainText('由李明接任');
  await expect(memberRow(app, 'personName', '王奇洲')).toHaveCount(0);
  await expect(memberRow(app, 'personName', '李明').locator('[col-id="role"]')).toHaveText('组长');

  await app.reload();
  await app.open('领导小组');
  await expect(memberRow(app, 'personName', '李明').locator('[col-id="term"]')).toHaveText('2026-09-01 起');
  await expect(memberRow(app, 'personName', '王奇洲')).toHaveCount(0);
  await app.page.getByLabel('显示历史').check();
  const old = memberRow(app, 'personName', '王奇洲');
  await expect(old).toHaveClass(/row-ended/);
  await expect(old.locator('[col-id="term"]')).toHaveText('2022-03-01 至 2026-09-01');
  await expect(old.locator('[col-id="order"]')).toHaveText('历史');
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
  const handle = memberRow(app, 'unit', '县人民政府办公室').locator('[col-id="order"] .ag-drag-handle');
  await handle.dragTo(memberRow(app, 'unit', '县委办公室').locator('[col-id="post"]'), { targetPosition: { x: 40, y: 5 } });
  await expect(app.page.getByRole('status')).toHaveText('已调整顺序。');
  expect((await unitOrder(app)).slice(0, 3)).toEqual(['县人民政府办公室', '县委办公室', '县委宣传部']);

  await memberRow(app, 'unit', '县委宣传部').locator('[col-id="post"]').click();
  await app.page.getByRole('button', { name: '上移' }).click();
  await expect(app.page.getByRole('status')).toHaveText('已上移。');

  await app.reload();
  await app.open('领导小组');
  expect((await unitOrder(app)).slice(0, 3)).toEqual(['县人民政府办公室', '县委宣传部', '县委办公室']);
  await expect(memberRow(app, 'unit', '县委宣传部').locator('[col-id="order"]')).toHaveText('4');
});

test('a member is added, corrected in the grid, and removed after confirmation; the group facts are editable', async ({ app }) => {
  await app.page.getByRole('button', { name: '新增成员' }).click();
  const dialog = app.page.getByRole('dialog', { name: '新增成员' });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toContainText('至少要填写姓名或所在单位');
  await dialog.getByRole('combobox').first().selectOption('联络员');
  await dialog.getByLabel('姓名').fill('陈晓');
  await dialog.getByLabel('所在单位').selectOption({ label: '县卫生健康局' });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(memberRow(app, 'personName', '陈晓')).toBeVisible();

  const post = memberRow(app, 'personName', '陈晓').locator('[col-id="post"]');
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
  await expect(memberRow(app, 'personName', '陈晓').locator('[col-id="post"]')).toHaveText('基层卫生股科员');
  await expect(app.page.getByLabel('领导小组基本信息').getByLabel('成立日期')).toHaveValue('2022-04-15');
  await app.page.getByRole('button', { name: '移除：陈晓' }).click();
  await app.page.getByRole('dialog', { name: '移除成员' }).getByRole('button', { name: '移除' }).click();
  await expect(memberRow(app, 'personName', '陈晓')).toHaveCount(0);
});

test('member-unit duties are added, edited and deleted', async ({ app }) => {
  const duties = app.page.getByTestId('duties-grid');
  await expect(duties.locator('.ag-row')).toHaveCount(4);
  await app.page.getByRole('combobox', { name: '成员单位' }).selectOption({ label: '县民政局' });
  await app.page.getByLabel('职责内容').fill('负责医养结合机构备案和养老服务衔接。');
  await app.page.getByRole('button', { name: '新增职责' }).click();
  await expect(app.page.getByRole('status')).toHaveText('已新增“县民政局”的职责。');
  await expect(duties.locator('.ag-row')).toHaveCount(5);
  await saveScreenshot(app.page, 'groups');

  const finance = duties.locator('.ag-row', { hasText: '县财政局' }).locator('[col-id="duty"]');
  await finance.dblclick();
  const editor = app.page.locator('.ag-popup-editor textarea');
  await editor.fill('   ');
  await editor.press('Tab');
  await expect(app.page.getByRole('alert')).toContainText('职责内容不能为空');
  await expect(finance).toHaveText('负责落实基层卫生健康投入保障和以奖代补资金。');
  await expect(finance).toHaveClass(/cell-error/);

  await app.page.getByRole('button', { name: '删除职责：县民政局' }).click();
  await app.page.getByRole('dialog', { name: '删除职责' }).getByRole('button', { name: '删除' }).click();
  await app.reload();
  await app.open('领导小组');
  await expect(app.page.getByTestId('duties-grid').locator('.ag-row')).toHaveCount(4);
});
