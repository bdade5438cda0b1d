// Electron glue: native dialogs and the shell behind the DesktopShell the handlers use.
import { dialog, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { DesktopShell } from './handlers/context';

export function electronShell(window: () => BrowserWindow | null): DesktopShell {
  return {
    async saveFile(options) {
      const win = window();
      const opts = { title: options.title, defaultPath: options.defaultName, filters: options.filters };
      const result = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async openFiles(options) {
      const win = window();
      const opts: OpenDialogOptions = {
        title: options.title,
        filters: options.filters,
        properties: options.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      };
      const result = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return result.canceled ? [] : result.filePaths;
    },
    async chooseFolder(options) {
      const win = window();
      const opts = {
        title: options.title,
        properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
      };
      const result = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async openPath(path) {
      const error = await shell.openPath(path);
      if (error) throw new Error(error);
    },
    showInFolder(path) {
      shell.showItemInFolder(path);
    },
  };
}
