// The dialogs of the real app under test (electron/folderShell.ts): the test queues with plain file writes,
// the app answers from them — the Electron e2e runtime and `--smoke` rely on it, and neither runs here.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderShell, folderShellControl } from '../../../electron/folderShell';
import { makeTempDir } from '../tempDirs';

const filters = [{ name: 'Excel', extensions: ['xlsx'] }];

describe('dialogs scripted through a folder', () => {
  it('answers open dialogs in the order queued, then with nothing', async () => {
    const dir = makeTempDir();
    const control = folderShellControl(dir);
    const app = folderShell(dir);
    control.queueOpenFiles(['/a.xlsx', '/b.xlsx']);
    control.queueOpenFiles(['/c.docx']);
    expect(await app.openFiles({ title: '', filters, multiple: true })).toEqual(['/a.xlsx', '/b.xlsx']);
    expect(await app.openFiles({ title: '', filters, multiple: false })).toEqual(['/c.docx']);
    expect(await app.openFiles({ title: '', filters, multiple: false })).toEqual([]);
  });

  it('saves into out/ under the default name unless an answer (or a cancel) was queued', async () => {
    const dir = makeTempDir();
    const control = folderShellControl(dir);
    const app = folderShell(dir);
    expect(await app.saveFile({ title: '', defaultName: '清单.xlsx', filters })).toBe(
      path.join(control.outDir, '清单.xlsx'),
    );
    control.queueSaveAs(null);
    control.queueSaveAs('另存.xlsx');
    expect(await app.saveFile({ title: '', defaultName: '清单.xlsx', filters })).toBeNull();
    expect(await app.saveFile({ title: '', defaultName: '清单.xlsx', filters })).toBe(
      path.join(control.outDir, '另存.xlsx'),
    );
    expect(await app.chooseFolder({ title: '' })).toBe(control.outDir);
  });

  it('records what would have been opened, for the test to read', async () => {
    const dir = makeTempDir();
    const control = folderShellControl(dir);
    const app = folderShell(dir);
    await app.openPath('/out/清单.xlsx');
    app.showInFolder('/out/模板/沙溪镇.xlsx');
    expect(control.opened()).toEqual(['/out/清单.xlsx', path.dirname('/out/模板/沙溪镇.xlsx')]);
  });
});
