// A ledger that cannot be opened: the recovery screen restores a good backup or starts empty; 从备份恢复 from the menu.
import fs from 'node:fs';
import path from 'node:path';
import { UNIT_ONLY_IN_BACKUP } from '../harness/ledgerFaults';
import { expect, saveScreenshot, test, type DubanApp } from './fixtures';
import { exactly, unitsGrid } from './pages/grids';

/** The unit's row on 责任单位, found through the page's search as a clerk would. */
async function unitsShown(app: DubanApp, name: string) {
  await app.open('责任单位');
  await app.page.getByPlaceholder('按名称、简称、别名查找').fill(name);
  return unitsGrid(app).anyCells('name', exactly(name));
}

test.describe('a damaged ledger at start', () => {
  test.use({ ledgerFault: 'damaged' });

  test('offers the newest backup that passes its check, restores it, and the app opens with its data', async ({
    app,
  }) => {
    const page = app.page;
    await expect(page.getByText(/duban\.sqlite”已损坏/)).toBeVisible();
    const offer = page.getByRole('region', { name: '最近一份完好的备份' });
    // 11-21 is newer but damaged: reported, not offered; 11-20 is the one offered.
    await expect(offer).toContainText('2026-11-20');
    await expect(offer).toContainText('工作内容 45 项');
    await expect(page.getByText('duban-2026-11-21.sqlite：完整性检查未通过')).toBeVisible();
    await saveScreenshot(page, 'recovery-damaged-ledger');

    await offer.getByRole('button', { name: '用这份备份恢复台账' }).click();
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    await expect(page.getByRole('status').filter({ hasText: '已从' })).toContainText('2026-11-20');
    await saveScreenshot(page, 'recovery-restored');
    await expect(await unitsShown(app, UNIT_ONLY_IN_BACKUP)).toBeVisible();

    // The damaged file is kept beside the ledger under a new name, never deleted.
    const kept = fs.readdirSync(app.dataDir).filter((f) => f.startsWith('duban.sqlite.damaged-'));
    expect(kept).toHaveLength(1);
  });
});

test.describe('an empty ledger file at start', () => {
  test.use({ ledgerFault: 'empty' });

  test('is not turned into a demo ledger; the clerk can start an empty ledger and the file is kept', async ({
    app,
  }) => {
    const page = app.page;
    await expect(page.getByText('是空文件（0 字节）')).toBeVisible();
    await page.getByRole('button', { name: '另起一个空台账…' }).click();
    await page.getByRole('dialog', { name: '另起一个空台账' }).getByRole('button', { name: '另起空台账' }).click();
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    await expect(page.getByRole('status').filter({ hasText: '已另起一个空台账' })).toBeVisible();
    const kept = fs.readdirSync(app.dataDir).filter((f) => f.startsWith('duban.sqlite.damaged-'));
    expect(kept.map((f) => fs.statSync(path.join(app.dataDir, f)).size)).toEqual([0]);
    await app.open('责任单位');
    await expect(unitsGrid(app).anyCells('name')).toHaveCount(0);
  });
});

test.describe('a backup that cannot be written', () => {
  test.use({ ledgerFault: 'backups-unwritable' });

  test('is told to the clerk in Chinese above the page, naming the folder, until she closes it', async ({ app }) => {
    const warning = app.page.getByRole('alert').filter({ hasText: '今天的自动备份没有完成' });
    await expect(warning).toContainText(path.join(app.dataDir, 'backups'));
    await saveScreenshot(app.page, 'recovery-backup-failed');
    await warning.getByRole('button', { name: '关闭提示' }).click();
    await expect(warning).toHaveCount(0);
  });
});

test('文件 → 从备份恢复… restores a backup, and restoring the backup it saved first brings the edit back', async ({
  app,
}) => {
  const page = app.page;
  await app.menu('restore-backup');
  const dialog = page.getByRole('dialog', { name: '从备份恢复' });
  // Today's daily backup, taken at start.
  await expect(dialog.getByRole('row', { name: /每日自动备份/ })).toHaveCount(1);
  await dialog.getByRole('button', { name: '立即备份' }).click();
  await expect(dialog.getByRole('status')).toContainText('已备份当前台账');
  await expect(dialog.getByRole('row', { name: /手动备份/ })).toHaveCount(1);
  await dialog.getByRole('button', { name: '关闭' }).click();

  // An edit made after the backup: the restore takes it away, undoing the restore brings it back.
  await page.evaluate(() => window.duban!.invoke('units:create', { name: '县档案馆', kind: 'county_department' }));
  await expect(await unitsShown(app, '县档案馆')).toBeVisible();

  await app.menu('restore-backup');
  await expect(dialog.getByRole('row', { name: /手动备份/ })).toBeVisible();
  await saveScreenshot(page, 'recovery-backups-dialog');
  await dialog
    .getByRole('row', { name: /手动备份/ })
    .getByRole('button', { name: /恢复/ })
    .click();
  const confirm = page.getByRole('dialog', { name: '从备份恢复台账' });
  await expect(confirm).toContainText('当前台账会先另存为备份');
  await saveScreenshot(page, 'recovery-confirm');
  await confirm.getByRole('button', { name: '恢复', exact: true }).click();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
  await expect(page.getByRole('status').filter({ hasText: '已从' })).toContainText('恢复前的台账已另存为备份');
  await expect(await unitsShown(app, '县档案馆')).toHaveCount(0);

  await app.menu('restore-backup');
  await dialog
    .getByRole('row', { name: /从备份恢复前/ })
    .getByRole('button', { name: /恢复/ })
    .click();
  await page.getByRole('dialog', { name: '从备份恢复台账' }).getByRole('button', { name: '恢复', exact: true }).click();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
  await expect(await unitsShown(app, '县档案馆')).toBeVisible();
});
