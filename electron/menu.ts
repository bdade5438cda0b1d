// Electron glue: the Chinese menu bar (文件 with the ledger files and backups, 编辑, 视图, 帮助 with the log folder).
import path from 'node:path';
import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron';

/** Menu commands: the renderer carries out restore (it gets it over 'duban:menu'), main the ledger files. */
export interface MenuCommands {
  restoreBackup: () => void;
  openLedger: () => void;
  saveLedgerAs: () => void;
  openRecent: (file: string) => void;
}

export interface MenuState {
  logDir: string;
  /** The ledger open now, this PC's own (%APPDATA%\督办台账\duban.sqlite), and the ones opened before. */
  ledgerFile: string;
  defaultLedger: string;
  recent: string[];
}

/** A path as a menu label: on Windows '&' marks an access key, so a literal one is doubled. */
const label = (text: string) => text.replace(/&/g, '&&');

export function buildMenu(state: MenuState, commands: MenuCommands): void {
  const same = (a: string, b: string) => path.resolve(a).toLowerCase() === path.resolve(b).toLowerCase();
  const others = [state.defaultLedger, ...state.recent]
    .filter((f, i, all) => all.findIndex((g) => same(f, g)) === i)
    .filter((f) => !same(f, state.ledgerFile));
  const recentItems: MenuItemConstructorOptions[] = others.length
    ? others.map((file) => ({
        label: label(same(file, state.defaultLedger) ? `本机台账（${file}）` : file),
        click: () => commands.openRecent(file),
      }))
    : [{ label: '（无）', enabled: false }];
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件(&F)',
      submenu: [
        { label: '打开其他台账…', id: 'open-ledger', click: () => commands.openLedger() },
        { label: '最近打开的台账', id: 'recent-ledgers', submenu: recentItems },
        { label: '另存台账为…', id: 'save-ledger-as', click: () => commands.saveLedgerAs() },
        { type: 'separator' },
        { label: '从备份恢复…', id: 'restore-backup', click: () => commands.restoreBackup() },
        { type: 'separator' },
        { label: '打开数据文件夹', click: () => void shell.openPath(path.dirname(state.ledgerFile)) },
        { label: '在文件夹中显示当前台账', click: () => shell.showItemInFolder(state.ledgerFile) },
        { type: 'separator' },
        { label: '退出', role: 'quit', accelerator: 'Alt+F4' },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图(&V)',
      submenu: [
        { label: '重新加载', role: 'reload' },
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '帮助(&H)',
      submenu: [
        { label: '打开日志文件夹', click: () => void shell.openPath(state.logDir) },
        { label: `关于督办台账（版本 ${app.getVersion()}）`, enabled: false },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
