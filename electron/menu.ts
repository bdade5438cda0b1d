import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron';

/** Menu commands the renderer carries out (it gets them over 'duban:menu'). */
export interface MenuCommands {
  restoreBackup: () => void;
}

export function buildMenu(paths: { dataDir: string; logDir: string }, commands: MenuCommands): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        { label: '从备份恢复…', id: 'restore-backup', click: () => commands.restoreBackup() },
        { type: 'separator' },
        { label: '打开数据文件夹', click: () => void shell.openPath(paths.dataDir) },
        { type: 'separator' },
        { label: '退出', role: 'quit', accelerator: 'Alt+F4' },
      ],
    },
    {
      label: '编辑',
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
      label: '视图',
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
      label: '帮助',
      submenu: [
        { label: '打开日志文件夹', click: () => void shell.openPath(paths.logDir) },
        { label: `关于督办台账（版本 ${app.getVersion()}）`, enabled: false },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
