// Undo per page on 领导小组 and 调度轮次: each page's 撤销 (button and Ctrl+Z) takes back its own changes only,
// names them, and survives a reload; 新建领导小组 goes through a dialog and a group is deleted with confirmation.
import { expect, saveScreenshot, test, type DubanApp } from './fixtures';

test.use({ today: '2026-11-23' });

const status = (app: DubanApp) => app.page.getByRole('status');
const groupSelect = (app: DubanApp) => app.page.locator('.ant-select', { has: app.page.getByLabel('选择领导小组') });

async function newGroup(app: DubanApp, name: string) {
  await app.page.getByRole('button', { name: '新建领导小组' }).click();
  const dialog = app.page.getByRole('dialog', { name: '新建领导小组' });
  await expect(dialog.getByLabel('领导小组名称')).toBeFocused();
  await app.page.keyboard.press('Enter');
  await expect(dialog).toContainText('请填写领导小组名称。');
  await dialog.getByLabel('领导小组名称').fill(name);
  await app.page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(groupSelect(app)).toContainText(name);
}

test('新建领导小组 asks for the name; Ctrl+Z on 领导小组 takes it back, and 任务清单 leaves it alone', async ({
  app,
}) => {
  await app.open('领导小组');
  await app.page.getByRole('button', { name: '新建领导小组' }).click();
  const dialog = app.page.getByRole('dialog', { name: '新建领导小组' });
  await dialog.getByLabel('领导小组名称').fill('新昌县深化基层卫生健康综合改革领导小组');
  await dialog
    .getByRole('button', { name: '新 建' })
    .or(dialog.getByRole('button', { name: '新建' }))
    .click();
  await expect(dialog).toContainText('已有名为“新昌县深化基层卫生健康综合改革领导小组”的领导小组');
  await saveScreenshot(app.page, 'groups-new-dialog');
  await dialog.getByRole('button', { name: /取\s*消/ }).click();

  await newGroup(app, '新昌县爱国卫生运动委员会');
  await expect(status(app)).toContainText('已新建“新昌县爱国卫生运动委员会”');
  await expect(app.page.getByRole('button', { name: '撤销：新建领导小组 新昌县爱国卫生运动委员会' })).toBeEnabled();

  // 任务清单 has nothing of its own to undo: the group stays.
  await app.open('任务清单');
  await app.page.locator('.section-banner').first().click();
  await app.page.keyboard.press('Control+z');
  await expect(status(app)).toHaveText('没有可撤销的操作。');

  await app.reload();
  await app.open('领导小组');
  await groupSelect(app).click();
  await expect(app.page.locator('.ant-select-item-option', { hasText: '新昌县爱国卫生运动委员会' })).toBeVisible();
  await app.page.keyboard.press('Escape');
  await app.page.getByRole('heading', { level: 1, name: '领导小组' }).click();
  await app.page.keyboard.press('Control+z');
  await expect(status(app)).toHaveText('已撤销：新建领导小组 新昌县爱国卫生运动委员会');
  await expect(groupSelect(app)).not.toContainText('新昌县爱国卫生运动委员会');
  await expect(app.page.getByRole('button', { name: '重做：新建领导小组 新昌县爱国卫生运动委员会' })).toBeEnabled();
  await app.page.keyboard.press('Control+y');
  await expect(status(app)).toHaveText('已重做：新建领导小组 新昌县爱国卫生运动委员会');
  await saveScreenshot(app.page, 'groups-undo');
});

test('deleting a group asks first; 撤销 brings it back with its members', async ({ app }) => {
  await app.open('领导小组');
  const name = '新昌县深化基层卫生健康综合改革领导小组';
  await expect(groupSelect(app)).toContainText(name);
  await app.page.getByRole('button', { name: '删除领导小组' }).click();
  const confirm = app.page.getByRole('dialog').filter({ hasText: `删除领导小组“${name}”？` });
  await expect(confirm).toContainText('一并移入回收站');
  await saveScreenshot(app.page, 'groups-delete-confirm');
  await confirm.getByRole('button', { name: /取\s*消/ }).click();
  await expect(groupSelect(app)).toContainText(name);

  await app.page.getByRole('button', { name: '删除领导小组' }).click();
  await confirm.getByRole('button', { name: /删\s*除/ }).click();
  await expect(status(app)).toContainText(`已删除“${name}”并移入回收站`);
  await expect(groupSelect(app)).not.toContainText(name);
  await app.page.getByRole('button', { name: '撤销：删除领导小组' }).click();
  await expect(status(app)).toHaveText('已撤销：删除领导小组');
  await expect(groupSelect(app)).toContainText(name);
  await expect(app.page.getByRole('button', { name: '人员变动：王奇洲' })).toBeVisible();
});

test('人员变动 is undone on 领导小组 by name', async ({ app }) => {
  await app.open('领导小组');
  await app.page.getByRole('button', { name: '人员变动：王奇洲' }).click();
  const dialog = app.page.getByRole('dialog', { name: '人员变动' });
  await dialog.getByLabel('接任人员姓名').fill('李明');
  await dialog.getByLabel('变动日期').fill('2026-09-01');
  await dialog.getByRole('button', { name: '确认变动' }).click();
  await expect(status(app)).toContainText('由李明接任');
  await app.page.getByRole('button', { name: '撤销：人员变动：组长 王奇洲 → 李明' }).click();
  await expect(status(app)).toHaveText('已撤销：人员变动：组长 王奇洲 → 李明');
  await expect(app.page.getByRole('button', { name: '人员变动：王奇洲' })).toBeVisible();
});

test('a new round is undone on 调度轮次, and the redo is still there after a reload', async ({ app }) => {
  await app.open('调度轮次');
  await app.page.getByRole('button', { name: '新建调度轮次' }).click();
  const dialog = app.page.getByRole('dialog', { name: '新建调度轮次' });
  await dialog.getByLabel('轮次名称').fill('2026年第四季度调度');
  await dialog.getByLabel('报送截止日期').fill('2027-01-10');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(app.page.getByRole('heading', { level: 2, name: '2026年第四季度调度' })).toBeVisible();

  await app.page.getByRole('button', { name: '撤销：新建调度轮次 2026年第四季度调度' }).click();
  await expect(status(app)).toHaveText('已撤销：新建调度轮次 2026年第四季度调度');
  await expect(app.page.getByRole('navigation', { name: '调度轮次列表' })).not.toContainText('2026年第四季度调度');

  await app.reload();
  await app.open('调度轮次');
  await expect(app.page.getByRole('button', { name: '重做：新建调度轮次 2026年第四季度调度' })).toBeEnabled();
  await saveScreenshot(app.page, 'rounds-undo');
});

test('Ctrl+Z on 任务清单 undoes its own edit, named, and leaves a unit added on 责任单位 since', async ({ app }) => {
  await app.open('任务清单');
  // The two edits as the other pages make them, through the same channels.
  const item = await app.page.evaluate(async () => {
    const bridge = window.duban!;
    const view = (
      (await bridge.invoke('tasks:view', {})) as unknown as {
        data: { rows: { task: { id: number; level: string; number: string } }[] };
      }
    ).data;
    const row = view.rows.find((r) => r.task.level === 'item' && /^\d+/.test(r.task.number ?? ''))!;
    await bridge.invoke('tasks:update', { id: row.task.id, patch: { deadlineText: '2027年6月底前' } });
    await bridge.invoke('units:create', { name: '县档案馆', kind: 'county_department' });
    return row.task;
  });
  await app.reload();
  await app.open('任务清单');
  await app.page.locator('.section-banner').first().click();
  await app.page.keyboard.press('Control+z');
  await expect(status(app)).toHaveText(`已撤销：修改 第${parseInt(item.number, 10)}项 的完成时限`);
  await app.page.keyboard.press('Control+z');
  await expect(status(app)).toHaveText('没有可撤销的操作。');
  const units = await app.page.evaluate(async () => {
    const list = (await window.duban!.invoke('units:list', {})) as unknown as { data: { name: string }[] };
    return list.data.map((u) => u.name);
  });
  expect(units).toContain('县档案馆');
});

test('修改本轮 corrects a round’s name in a dialog, and 撤销 puts the old name back', async ({ app }) => {
  await app.open('调度轮次');
  await expect(app.page.getByRole('heading', { level: 2, name: '2026年第三季度调度' })).toBeVisible();
  await app.page.getByRole('button', { name: '修改本轮' }).click();
  const dialog = app.page.getByRole('dialog', { name: '修改调度轮次' });
  await expect(dialog.getByLabel('轮次名称')).toHaveValue('2026年第三季度调度');
  await dialog.getByLabel('轮次名称').fill('');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toContainText('请填写轮次名称');
  await dialog.getByLabel('轮次名称').fill('2026年第三季度调度（补报）');
  await saveScreenshot(app.page, 'rounds-edit-dialog');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(app.page.getByRole('heading', { level: 2, name: '2026年第三季度调度（补报）' })).toBeVisible();
  const undo = app.page.getByRole('button', { name: '撤销：修改 调度轮次 2026年第三季度调度（补报） 的名称' });
  await undo.click();
  await expect(status(app)).toHaveText('已撤销：修改 调度轮次 2026年第三季度调度（补报） 的名称');
  await expect(app.page.getByRole('heading', { level: 2, name: '2026年第三季度调度' })).toBeVisible();
});
