// Electron glue: window, single instance, IPC registration. Everything it calls runs in plain Node too.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { DomainError } from '../shared/errors';
import { dispatch } from './handlers/dispatch';
import type { AppContext } from './handlers/context';
import { localToday } from './handlers/context';
import { electronShell } from './electronShell';
import { buildMenu } from './menu';
import { denyAllPermissions, hardenWindow } from './hardenWindow';
import { isOwnPage } from './security/navigationPolicy';
import { createFileLog, openAppLedger } from './openAppLedger';
import { translateLedgerError } from './db/sqliteErrors';
import { dailyBackupAtStart } from './services/backupLedger';
import { restoreWindowState, trackWindowState } from './windowState';

/** Tests and IT staff may point the app at another data folder. */
const dataDir = process.env.DUBAN_DATA_DIR;
if (dataDir) app.setPath('userData', dataDir);

let mainWindow: BrowserWindow | null = null;
let ctx: AppContext | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start);
  app.on('window-all-closed', () => {
    ctx?.ledger.db.close();
    app.quit();
  });
}

const rendererIndex = () => path.join(__dirname, '../renderer/index.html');
const rendererUrl = () => pathToFileURL(rendererIndex()).href;

async function start(): Promise<void> {
  denyAllPermissions();
  const userData = app.getPath('userData');
  const ledgerFile = path.join(userData, 'duban.sqlite');
  try {
    ctx = openAppLedger({
      ledgerFile,
      runtime: 'electron',
      version: app.getVersion(),
      demoIfEmpty: true,
      resourcesDirs: [process.resourcesPath, path.join(app.getAppPath(), 'resources')],
      shell: electronShell(() => mainWindow),
    });
  } catch (err) {
    // A damaged ledger does not land here (the window opens on the recovery screen); a newer, read-only
    // or unreachable one does, and the clerk is told why before the app closes.
    createFileLog(path.join(userData, 'logs'))('error', 'ledger could not be opened', err);
    const known = err instanceof DomainError ? err : translateLedgerError(err, ledgerFile);
    const message = known?.message ?? `打开台账“${ledgerFile}”时程序内部出错。请把“帮助 → 打开日志文件夹”中的日志发给技术支持。`;
    dialog.showErrorBox('无法打开台账', message);
    app.quit();
    return;
  }
  const context = ctx;
  dailyBackupAtStart(context, localToday());

  ipcMain.handle('duban:invoke', (event, channel: unknown, payload: unknown) => {
    // Only our own page may call in; anything else that got a frame (it should not) is refused.
    if (!isOwnPage(event.senderFrame?.url, rendererUrl())) {
      return { ok: false, error: { code: 'forbidden', message: '拒绝来自外部页面的请求。' } };
    }
    return dispatch(context, channel, payload);
  });

  buildMenu(
    { dataDir: userData, logDir: path.join(userData, 'logs') },
    // The renderer opens the dialog: it lists and restores through the channel map like everything else.
    { restoreBackup: () => mainWindow?.webContents.send('duban:menu', 'restore-backup') },
  );
  createWindow(userData);
}

function createWindow(userData: string): void {
  const state = restoreWindowState(userData);
  mainWindow = new BrowserWindow({
    ...state.bounds,
    minWidth: 1024,
    minHeight: 640,
    title: '督办台账',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Middle-click would open a link in a new window; setWindowOpenHandler denies it anyway, this stops it earlier.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) mainWindow.maximize();
  trackWindowState(mainWindow, userData);

  hardenWindow(mainWindow, rendererUrl());

  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadFile(rendererIndex());
}
