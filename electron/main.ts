// Electron glue: window, single instance, IPC registration. Everything it calls runs in plain Node too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { DomainError } from '../shared/errors';
import { dispatch } from './handlers/dispatch';
import type { AppContext, DesktopShell } from './handlers/context';
import { electronShell } from './electronShell';
import { folderShell, folderShellOut } from './folderShell';
import { buildMenu } from './menu';
import { denyAllPermissions, hardenWindow } from './hardenWindow';
import { isOwnPage } from './security/navigationPolicy';
import { createFileLog, openAppLedger } from './openAppLedger';
import { translateLedgerError } from './db/sqliteErrors';
import { dailyBackupAtStart } from './services/backupLedger';
import { restoreWindowState, trackWindowState } from './windowState';
import { nativeBindingFile } from './native/betterSqlite3';
import { readRecentLedgers, rememberLedger, saveLedgerCopy, switchLedger } from './ledgerFiles';
import { runSmoke, SMOKE_FLAG } from './smoke';

/** The taskbar, shortcuts and notifications name the app by this id (electron-builder.yml appId). */
const APP_ID = 'cn.gov.county.duban';

// Chinese in Chromium too: date pickers, built-in context menus, Accept-Language. Must precede ready.
app.commandLine.appendSwitch('lang', 'zh-CN');
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

/**
 * `--smoke`: one round trip on a fresh ledger in a temp folder, then exit 0/1 (electron/smoke.ts). Never
 * the clerk's ledger: DUBAN_DATA_DIR is used only when it holds no ledger yet.
 */
const smoke = process.argv.includes(SMOKE_FLAG);
if (smoke) console.log('DUBAN-SMOKE: main process started / 主进程已启动');

// Test-only wiring, honoured only in an unpackaged app: dialogs scripted through files in a folder
// (electron/folderShell.ts) and a fixed "today", for the Electron e2e specs (tests/e2e/fixtures.ts).
const testShellDir = app.isPackaged ? undefined : process.env.DUBAN_E2E_SHELL_DIR;
const testToday = app.isPackaged ? undefined : process.env.DUBAN_E2E_TODAY;

/** Tests and IT staff may point the app at another data folder. */
const dataDir = smoke ? smokeDataDir() : process.env.DUBAN_DATA_DIR;
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
  // A throw while starting would otherwise leave the app running with no window and nothing said.
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => fail('无法启动督办台账', err instanceof Error ? err.message : String(err)));
  app.on('window-all-closed', () => {
    ctx?.ledger.db.close();
    app.quit();
  });
}

const rendererIndex = () => path.join(__dirname, '../renderer/index.html');
const rendererUrl = () => pathToFileURL(rendererIndex()).href;

function smokeDataDir(): string {
  const given = process.env.DUBAN_DATA_DIR;
  if (given && !fs.existsSync(path.join(given, 'duban.sqlite'))) return given;
  return fs.mkdtempSync(path.join(os.tmpdir(), 'duban-smoke-'));
}

/** Tells why the app cannot go on and ends it: a dialog for the clerk, stderr and exit 1 in a smoke run. */
function fail(title: string, message: string): void {
  if (smoke) {
    console.error(`DUBAN-SMOKE: ${title}\n${message}`);
    app.exit(1);
    return;
  }
  dialog.showErrorBox(title, message);
  app.quit();
}

async function start(): Promise<void> {
  denyAllPermissions();
  const userData = app.getPath('userData');
  const logDir = path.join(userData, 'logs');
  const defaultLedger = path.join(userData, 'duban.sqlite');
  try {
    // Electron's own better-sqlite3 binary (electron/native/sqliteBinding.ts): missing is said plainly here.
    nativeBindingFile();
  } catch (err) {
    createFileLog(logDir)('error', 'native sqlite binding missing', err);
    fail('无法启动督办台账', err instanceof Error ? err.message : String(err));
    return;
  }
  const shell: DesktopShell = testShellDir
    ? folderShell(testShellDir)
    : smoke
      ? folderShell(path.join(userData, 'smoke-shell'))
      : electronShell(() => mainWindow);
  try {
    ctx = openAppLedger({
      ledgerFile: defaultLedger,
      runtime: 'electron',
      version: app.getVersion(),
      demoIfEmpty: true,
      resourcesDirs: [process.resourcesPath, path.join(app.getAppPath(), 'resources')],
      today: testToday ? () => testToday : undefined,
      logDir,
      shell,
    });
  } catch (err) {
    // A damaged ledger does not land here (the window opens on the recovery screen); a newer, read-only
    // or unreachable one does, and the clerk is told why before the app closes.
    createFileLog(logDir)('error', 'ledger could not be opened', err);
    const known = err instanceof DomainError ? err : translateLedgerError(err, defaultLedger);
    const message =
      known?.message ?? `打开台账“${defaultLedger}”时程序内部出错。请把“帮助 → 打开日志文件夹”中的日志发给技术支持。`;
    fail('无法打开台账', message);
    return;
  }
  const context = ctx;
  dailyBackupAtStart(context, context.today());
  rememberLedger(userData, context.ledgerFile);

  ipcMain.handle('duban:invoke', (event, channel: unknown, payload: unknown) => {
    // Only our own page may call in; anything else that got a frame (it should not) is refused.
    if (!isOwnPage(event.senderFrame?.url, rendererUrl())) {
      return { ok: false, error: { code: 'forbidden', message: '拒绝来自外部页面的请求。' } };
    }
    return dispatch(context, channel, payload);
  });

  const ledgers = ledgerCommands(context, userData, defaultLedger);
  const refreshMenu = () =>
    buildMenu(
      { logDir, ledgerFile: context.ledgerFile, defaultLedger, recent: readRecentLedgers(userData) },
      {
        // The renderer opens the dialog: it lists and restores through the channel map like everything else.
        restoreBackup: () => mainWindow?.webContents.send('duban:menu', 'restore-backup'),
        openLedger: () => void ledgers.openOther().then(refreshMenu),
        saveLedgerAs: () => void ledgers.saveAs().then(refreshMenu),
        openRecent: (file) => void ledgers.open(file).then(refreshMenu),
      },
    );
  refreshMenu();
  createWindow(userData, context, defaultLedger);

  if (smoke && mainWindow) {
    const win = mainWindow;
    win.webContents.once('did-finish-load', () => {
      void runSmoke(win, context, {
        dataDir: userData,
        exportDir: folderShellOut(path.join(userData, 'smoke-shell')),
      }).then(async ({ ok, report }) => {
        console.log(report);
        // Run by hand (督办台账.exe --smoke), the result is shown too: a GUI program has no console on Windows.
        if (!process.env.DUBAN_SMOKE_RUNNER)
          await dialog.showMessageBox(win, {
            type: ok ? 'info' : 'error',
            title: '督办台账 冒烟测试',
            message: ok ? '冒烟测试通过。' : '冒烟测试未通过。',
            detail: report,
            buttons: ['确定'],
          });
        context.ledger.db.close();
        app.exit(ok ? 0 : 1);
      });
    });
  }
}

/** 打开其他台账… / 另存台账为… / 最近打开的台账: dialogs here, the work in ledgerFiles.ts, then a reload. */
function ledgerCommands(context: AppContext, userData: string, defaultLedger: string) {
  const filters = [{ name: '督办台账文件', extensions: ['sqlite'] }];
  const tell = async (type: 'info' | 'error', message: string, detail?: string) => {
    const options = { type, title: '督办台账', message, detail, buttons: ['确定'] };
    if (mainWindow) await dialog.showMessageBox(mainWindow, options);
    else await dialog.showMessageBox(options);
  };
  const open = async (file: string) => {
    if (!fs.existsSync(file)) {
      await tell('error', `找不到台账文件“${file}”。`, '文件可能已被移动、删除，或所在的U盘、网络盘没有连接。');
      return;
    }
    try {
      await switchLedger(context, file);
    } catch (err) {
      context.log('warn', `switching to ${file} refused`, err);
      await tell('error', '无法打开这份台账，仍在使用原来的台账。', errorText(err, file));
      return;
    }
    rememberLedger(userData, context.ledgerFile);
    mainWindow?.setTitle(windowTitle(context.ledgerFile, defaultLedger));
    mainWindow?.webContents.reload();
  };
  return {
    open,
    openOther: async () => {
      const [file] = await context.shell.openFiles({ title: '打开其他台账', filters, multiple: false });
      if (file) await open(file);
    },
    saveAs: async () => {
      const target = await context.shell.saveFile({
        title: '另存台账为',
        defaultName: `督办台账-${context.today()}.sqlite`,
        filters,
      });
      if (!target) return;
      let saved: string;
      try {
        saved = await saveLedgerCopy(context, target);
      } catch (err) {
        context.log('warn', `save as ${target} failed`, err);
        await tell('error', '台账没有另存成功。', errorText(err, target));
        return;
      }
      rememberLedger(userData, saved);
      rememberLedger(userData, context.ledgerFile);
      const options = {
        type: 'info' as const,
        title: '督办台账',
        message: `台账已另存为“${saved}”。`,
        detail: `当前仍在使用“${context.ledgerFile}”。`,
        buttons: ['继续使用当前台账', '打开另存的台账'],
        defaultId: 0,
        cancelId: 0,
      };
      const { response } = mainWindow
        ? await dialog.showMessageBox(mainWindow, options)
        : await dialog.showMessageBox(options);
      if (response === 1) await open(saved);
    },
  };
}

function errorText(err: unknown, file: string): string {
  const known = err instanceof DomainError ? err : translateLedgerError(err, file);
  return known?.message ?? `处理“${file}”时程序内部出错，详情已写入日志。`;
}

/** 督办台账, naming the ledger when it is not this PC's own (a ledger on a USB stick, say). */
function windowTitle(ledgerFile: string, defaultLedger: string): string {
  return path.resolve(ledgerFile) === path.resolve(defaultLedger) ? '督办台账' : `督办台账 — ${ledgerFile}`;
}

function createWindow(userData: string, context: AppContext, defaultLedger: string): void {
  const state = restoreWindowState(userData);
  mainWindow = new BrowserWindow({
    ...state.bounds,
    minWidth: 1024,
    minHeight: 640,
    title: windowTitle(context.ledgerFile, defaultLedger),
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Chinese fonts where the page names none (the renderer's CSS names them too).
      defaultFontFamily: { standard: 'Microsoft YaHei', sansSerif: 'Microsoft YaHei', serif: 'SimSun' },
      defaultEncoding: 'UTF-8',
      // Middle-click would open a link in a new window; setWindowOpenHandler denies it anyway, this stops it earlier.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) mainWindow.maximize();
  trackWindowState(mainWindow, userData);

  hardenWindow(mainWindow, rendererUrl());

  // The title says which ledger is open; the page's <title> does not replace it.
  mainWindow.on('page-title-updated', (event) => event.preventDefault());
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadFile(rendererIndex());
}
