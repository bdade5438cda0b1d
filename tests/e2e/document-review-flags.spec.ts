// Reviewing a policy document with flagged items: marked, counted, asked once; the same document recognised again.
import path from 'node:path';
import { expect, saveScreenshot, test, type DubanApp } from './fixtures';

const fixture = (name: string) => path.resolve(__dirname, '../fixtures/documents', name);

async function pickDocument(app: DubanApp, name: string) {
  app.shell!.queueOpenFiles([fixture(name)]);
  await app.page.getByRole('button', { name: '选择文件…' }).click();
  // Reading a .docx runs in a reader worker; on a loaded machine that alone can take several seconds.
  await expect(app.page.getByRole('list', { name: '读取的任务' })).toBeVisible({ timeout: 30_000 });
}

test('flagged items are marked and counted, saving them asks once; the same document again is recognised, 取消 changes nothing, 更新 shows what changed', async ({
  app,
}) => {
  const page = app.page;
  await app.open('导入');
  await page.getByRole('tab', { name: '政策文件（实施方案）' }).click();
  await pickDocument(app, 'xinchang-reform-plan.docx');

  // The three phases of 实施步骤 name no unit: counted in the header, coloured, the reason on the row.
  const flagBar = page.getByLabel('需核对的项');
  await expect(flagBar).toHaveText(/^3 项缺牵头单位/);
  const summary = await flagBar.locator('strong').innerText();
  const tasks = page.getByRole('list', { name: '读取的任务' });
  const flagged = tasks.locator('.review-task.flagged');
  await expect(tasks.locator('.review-task.flag-noLead')).toHaveCount(3);
  await expect(flagged.first()).toHaveAttribute('title', /缺牵头单位/);
  await expect(flagged.first().getByRole('list', { name: '需核对的原因' })).toContainText('缺牵头单位');
  await flagBar.getByRole('button', { name: '下一处' }).click();
  await expect(page.getByLabel('文件原文').locator('mark')).toContainText('启动阶段');
  await saveScreenshot(page, 'document-review-flags');

  // A unit the ledger does not know (and that is not ticked to be added) is 单位未识别.
  const itemId = await tasks
    .locator('.review-task.level-item:not(.excluded):not(.flagged)')
    .first()
    .getAttribute('data-task-id');
  const coUnits = tasks.locator(`[data-task-id="${itemId}"] .review-task-fields input`).nth(1);
  const written = await coUnits.inputValue();
  await coUnits.fill(`${written}、县星际管理局`);
  await expect(flagBar).toContainText(/^3 项缺牵头单位 · 1 项单位未识别/);
  await expect(tasks.locator('.review-task.flag-unknownUnit')).toContainText('“县星际管理局”不在责任单位名单中');
  await coUnits.fill(written);
  await expect(flagBar.locator('strong')).toHaveText(summary);

  // 只看这些项 leaves the flagged rows only.
  const flaggedRows = await flagged.count();
  await flagBar.getByRole('checkbox', { name: '只看这些项' }).check();
  await expect(tasks.locator(':scope > li')).toHaveCount(flaggedRows);
  await expect(tasks.locator(':scope > li:not(.flagged)')).toHaveCount(0);
  await flagBar.getByRole('checkbox', { name: '只看这些项' }).uncheck();

  // Saving asks once, naming the counts; 返回核对 saves nothing.
  await page.getByRole('button', { name: '保存到台账' }).click();
  const ask = page.getByRole('dialog', { name: '还有需要核对的项' });
  await expect(ask).toContainText(summary);
  await ask.getByRole('button', { name: '返回核对' }).click();
  await expect(ask).toHaveCount(0);
  await page.getByRole('button', { name: '保存到台账' }).click();
  await ask.getByRole('button', { name: '仍然保存' }).click();
  await expect(page.getByRole('status')).toContainText('已保存到台账');
  await expect(page.getByRole('status')).toContainText(`其中 ${summary}`);
  // The demo ledger already has this plan's group: kept, not created twice, and the clerk is told.
  await expect(page.getByRole('status')).toContainText(
    '领导小组“新昌县深化基层卫生健康综合改革领导小组”台账中已有，沿用已有的',
  );
  const documents = page.getByRole('table', { name: '台账中的政策文件' });
  await expect(documents.getByRole('row')).toHaveCount(3);
  const ledgerBefore = await documents.innerText();

  // The same file again: recognised, nothing can be saved until the clerk chooses; 取消 leaves the ledger as it was.
  await pickDocument(app, 'xinchang-reform-plan.docx');
  const prompt = page.getByRole('region', { name: '文件已在台账中' });
  await expect(prompt).toContainText(
    /该文件已在台账中：《新昌县深化基层卫生健康综合改革实施方案》（导入于 \d{4}-\d{2}-\d{2}）/,
  );
  await expect(page.getByRole('button', { name: '保存到台账' })).toBeDisabled();
  await saveScreenshot(page, 'document-review-duplicate');
  await prompt.getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('button', { name: '选择文件…' })).toBeVisible();
  await expect.poll(() => documents.innerText()).toBe(ledgerBefore);

  // 更新已有文件: unchanged at first; a new deadline for one item is one change, updated in place.
  await pickDocument(app, 'xinchang-reform-plan.docx');
  await prompt.getByRole('button', { name: '更新已有文件' }).click();
  const diff = page.getByRole('region', { name: '与台账中的文件比较' });
  await expect(diff).toContainText('新增 0 项 · 修改 0 项 · 删除 0 项');
  await tasks.locator(`[data-task-id="${itemId}"] .review-task-fields input`).nth(2).fill('2027年底前');
  await expect(diff).toContainText('预览在比较之后又有修改');
  await expect(page.getByRole('button', { name: '更新台账' })).toBeDisabled();
  await diff.getByRole('button', { name: '重新比较' }).click();
  await expect(diff).toContainText('新增 0 项 · 修改 1 项 · 删除 0 项');
  await expect(diff.getByRole('list', { name: '修改的任务' })).toContainText('完成时限');
  await expect(diff.getByRole('list', { name: '修改的任务' })).toContainText('2027年底前');
  await saveScreenshot(page, 'document-review-diff');
  await page.getByRole('button', { name: '更新台账' }).click();
  await page.getByRole('dialog', { name: '还有需要核对的项' }).getByRole('button', { name: '仍然保存' }).click();
  await expect(page.getByRole('status')).toContainText('已更新台账中的文件：新增 0 项、修改 1 项、移入回收站 0 项');
  // Still one copy of the document, not a second one.
  await expect(documents.getByRole('row')).toHaveCount(3);
});
