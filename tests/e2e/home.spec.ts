// 首页: the dashboard agrees with the ledger, an overdue item opens in the task list, the due-soon window is a setting.
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, runtime, saveScreenshot, test } from './fixtures';

test.use({ today: '2026-11-23' });

test('the dashboard counts agree with the ledger itself', async ({ app }) => {
  test.skip(runtime === 'electron', '"today" can only be fixed in the browser harness');
  await app.open('首页');
  const db = new Database(path.join(app.dataDir, 'duban.sqlite'), { readonly: true });
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const items = count("SELECT COUNT(*) AS n FROM task WHERE level = 'item'");
  const overdue = count(
    "SELECT COUNT(*) AS n FROM task WHERE level = 'item' AND deadline_date < '2026-11-23' AND status NOT IN ('已完成', '已销号')",
  );
  const inProgress = count("SELECT COUNT(*) AS n FROM task WHERE level = 'item' AND status = '推进中'");
  const expected = count('SELECT COUNT(*) AS n FROM round_unit');
  const reported = count(
    'SELECT COUNT(DISTINCT pr.unit_id) AS n FROM progress_report pr JOIN round_unit ru ON ru.unit_id = pr.unit_id AND ru.round_id = pr.round_id',
  );
  db.close();

  const cards = app.page.getByLabel('任务概况');
  await expect(cards.getByLabel(`工作内容 ${items}`)).toBeVisible();
  await expect(cards.getByLabel(`逾期 ${overdue}`)).toBeVisible();
  await expect(cards.getByLabel(`推进中 ${inProgress}`)).toBeVisible();
  await expect(app.page.getByRole('heading', { name: `逾期未完成（截至 2026-11-23）：${overdue} 项` })).toBeVisible();
  await expect(app.page.getByTestId('current-round')).toContainText(
    `应报 ${expected} 个单位，已报 ${reported} 个，未报 ${expected - reported} 个`,
  );
  await expect(app.page.getByRole('img', { name: '牵头单位完成率柱状图' })).toBeVisible();
  await saveScreenshot(app.page, 'home');
});

test('an overdue item on the dashboard opens in the task list with its details', async ({ app }) => {
  await app.open('首页');
  const first = app.page
    .getByRole('table', { name: /逾期未完成/ })
    .getByRole('link')
    .first();
  const content = (await first.textContent()) ?? '';
  await first.click();
  await expect(app.page.getByRole('heading', { level: 1, name: '任务清单' })).toBeVisible();
  await expect(app.page.getByRole('complementary', { name: '任务详情' })).toContainText(content.slice(0, 20));
  await saveScreenshot(app.page, 'tasks-detail');
});

test('the due-soon window is a setting: widening it turns more lights yellow, and it is kept', async ({ app }) => {
  await app.open('首页');
  const cards = app.page.getByLabel('任务概况');
  const yellowBefore = Number(
    (await cards.locator('.card', { hasText: '临期' }).locator('.card-value').textContent()) ?? 0,
  );
  // Under load a click can reach antd's dropdown while it is still opening; open and pick again then.
  await expect(async () => {
    if (!(await app.page.locator('.ant-select-item-option').first().isVisible())) {
      await app.page.getByLabel('临期天数').click();
    }
    await app.page.locator('.ant-select-item-option', { hasText: '60 天内到期显示黄灯' }).click({ timeout: 3000 });
    await expect(app.page.getByRole('heading', { name: /^60 天内到期/ })).toBeVisible({ timeout: 3000 });
  }).toPass();
  const yellowAfter = Number(
    (await cards.locator('.card', { hasText: '临期' }).locator('.card-value').textContent()) ?? 0,
  );
  expect(yellowAfter).toBeGreaterThan(yellowBefore);
  await app.reload();
  await app.open('首页');
  await expect(app.page.locator('.ant-select', { has: app.page.getByLabel('临期天数') })).toContainText(
    '60 天内到期显示黄灯',
  );
});

test('临期 says what it counts: dated items due soon and recurring items without a report this period', async ({
  app,
}) => {
  await app.open('首页');
  const yellow = Number(
    (await app.page
      .getByLabel('任务概况')
      .locator('.card', { hasText: '临期' })
      .locator('.card-value')
      .textContent()) ?? 0,
  );
  const dated = app.page.getByRole('heading', { name: /^15 天内到期：/ });
  const recurring = app.page.getByRole('heading', { name: /^周期性事项本期未报送：/ });
  const count = async (heading: typeof dated) => Number(/：(\d+) 项/.exec((await heading.textContent()) ?? '')?.[1]);
  const datedCount = await count(dated);
  const recurringCount = await count(recurring);
  expect(datedCount + recurringCount).toBe(yellow);
  await expect(app.page.getByTestId('due-soon-breakdown')).toContainText(
    `临期 ${yellow} 项：${datedCount} 项 15 天内到期；${recurringCount} 项周期性事项`,
  );
  await saveScreenshot(app.page, 'home-due-soon-breakdown');
});

test('a deadline the app could not read as a date is counted on its own and listed with a link', async ({ app }) => {
  await app.open('任务清单');
  const item = await app.page.evaluate(async () => {
    // The bridge answers {ok, data} as dispatch does.
    const list = (
      (await window.duban!.invoke('tasks:view', {})) as unknown as {
        data: { rows: { task: { id: number; level: string; content: string; status: string } }[] };
      }
    ).data;
    const row = list.rows.find(
      (r) => r.task.level === 'item' && r.task.status !== '已完成' && r.task.status !== '已销号',
    )!;
    await window.duban!.invoke('tasks:update', { id: row.task.id, patch: { deadlineText: '明年6月' } });
    return row.task;
  });
  await app.open('首页');
  await expect(app.page.getByLabel('任务概况').getByLabel('时限未识别 1')).toBeVisible();
  await expect(app.page.getByTestId('due-soon-breakdown')).toContainText(
    '另有 1 项完成时限未能识别为日期，不参与预警。',
  );
  const list = app.page.getByRole('table', { name: '完成时限未识别（不参与预警）' });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list).toContainText('明年6月');
  await app.page.getByLabel('任务概况').getByLabel('时限未识别 1').click();
  await list.getByRole('link').click();
  await expect(app.page.getByRole('complementary', { name: '任务详情' })).toContainText(item.content.slice(0, 20));
});
