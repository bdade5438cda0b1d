// Electron glue: applies navigationPolicy to the window and its session. Nothing here decides; it wires.
import { dialog, session, shell, type BrowserWindow } from 'electron';
import { externalLinkDecision, mayNavigate } from './security/navigationPolicy';

/** The app asks for no permission (camera, notifications, geolocation…): every request is refused. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export function hardenWindow(window: BrowserWindow, indexUrl: string): void {
  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!mayNavigate(url, indexUrl)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!mayNavigate(event.url, indexUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!mayNavigate(url, indexUrl)) event.preventDefault();
  });
  // window.open, target=_blank and middle-click all come here: never a new window inside the app.
  contents.setWindowOpenHandler(({ url }) => {
    const decision = externalLinkDecision(url);
    if (decision.action === 'ask') {
      void dialog
        .showMessageBox(window, {
          type: 'question',
          buttons: ['在浏览器中打开', '取消'],
          defaultId: 1,
          cancelId: 1,
          title: '打开外部链接',
          message: `是否在浏览器中打开以下网址？\n${decision.url}`,
          detail: `网站：${decision.host}。督办台账不会在程序内打开外部网页。`,
        })
        .then(({ response }) => {
          if (response === 0) void shell.openExternal(decision.url);
        });
    }
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
