// The window's security rules as behaviour: who may call the main process, where the window may go,
// what a link may open, which permissions a page gets, and the fuses the installer flips.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { externalLinkDecision, isOwnPage, mayNavigate } from '../../../electron/security/navigationPolicy';

const INDEX =
  'file:///C:/Program%20Files/%E7%9D%A3%E5%8A%9E%E5%8F%B0%E8%B4%A6/resources/app.asar/dist/renderer/index.html';

describe('who may call the main process', () => {
  it('our own page, on any route', () => {
    expect(isOwnPage(INDEX, INDEX)).toBe(true);
    expect(isOwnPage(`${INDEX}#/tasks`, INDEX)).toBe(true);
  });
  it('no other page, not even another local file', () => {
    expect(isOwnPage('file:///C:/Users/clerk/Downloads/通知.html', INDEX)).toBe(false);
    expect(isOwnPage(INDEX.replace('index.html', 'other.html'), INDEX)).toBe(false);
    expect(isOwnPage('https://example.com/', INDEX)).toBe(false);
    expect(isOwnPage(undefined, INDEX)).toBe(false);
    expect(isOwnPage('not a url', INDEX)).toBe(false);
    expect(mayNavigate('file:///C:/evil/index.html', INDEX)).toBe(false);
  });
});

describe('links', () => {
  it('a web address is offered to the browser after asking; anything else is refused', () => {
    expect(externalLinkDecision('https://www.gov.cn/zhengce/')).toEqual({
      action: 'ask',
      url: 'https://www.gov.cn/zhengce/',
      host: 'www.gov.cn',
    });
    for (const url of [
      'javascript:alert(1)',
      'file:///C:/Windows/System32/cmd.exe',
      'data:text/html,<b>x</b>',
      'ms-msdt:/id',
      'https://user:pw@evil.example/',
      'nonsense',
    ]) {
      expect(externalLinkDecision(url), url).toEqual({ action: 'deny' });
    }
  });
});

// The glue itself, with Electron replaced by recording fakes: what it does when a page tries things.
const fakes = vi.hoisted(() => ({
  permissionRequest: null as null | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
  permissionCheck: null as null | (() => boolean),
  asked: [] as string[],
  opened: [] as string[],
  answer: 1,
}));
vi.mock('electron', () => ({
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof fakes.permissionRequest) => (fakes.permissionRequest = h),
      setPermissionCheckHandler: (h: typeof fakes.permissionCheck) => (fakes.permissionCheck = h),
    },
  },
  dialog: {
    showMessageBox: async (_w: unknown, o: { message: string }) => {
      fakes.asked.push(o.message);
      return { response: fakes.answer };
    },
  },
  shell: { openExternal: async (url: string) => void fakes.opened.push(url) },
}));

function fakeWindow() {
  const contents = Object.assign(new EventEmitter(), {
    openHandler: null as null | ((d: { url: string }) => { action: string }),
  });
  (contents as unknown as { setWindowOpenHandler: (h: typeof contents.openHandler) => void }).setWindowOpenHandler = (
    h,
  ) => (contents.openHandler = h);
  return { window: { webContents: contents }, contents };
}

function tryEvent(contents: EventEmitter, name: string, ...args: unknown[]): boolean {
  let prevented = false;
  const event = { preventDefault: () => (prevented = true), url: args[0] };
  contents.emit(name, event, ...args);
  return prevented;
}

describe('the app window', () => {
  beforeEach(() => {
    fakes.asked.length = 0;
    fakes.opened.length = 0;
  });

  it('refuses every permission a page asks for', async () => {
    const { denyAllPermissions } = await import('../../../electron/hardenWindow');
    denyAllPermissions();
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read'])
      fakes.permissionRequest!(null, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false]);
    expect(fakes.permissionCheck!()).toBe(false);
  });

  it('stays on its page, opens no window, attaches no webview, and asks before a web link goes to the browser', async () => {
    const { hardenWindow } = await import('../../../electron/hardenWindow');
    const { window, contents } = fakeWindow();
    hardenWindow(window as never, INDEX);
    expect(tryEvent(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(tryEvent(contents, 'will-navigate', `${INDEX}#/rounds`)).toBe(false);
    expect(tryEvent(contents, 'will-frame-navigate', 'file:///C:/evil.html')).toBe(true);
    expect(tryEvent(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(tryEvent(contents, 'will-attach-webview')).toBe(true);

    expect(contents.openHandler!({ url: 'file:///C:/Windows/System32/cmd.exe' })).toEqual({ action: 'deny' });
    expect(fakes.asked).toEqual([]);
    fakes.answer = 1; // 取消
    expect(contents.openHandler!({ url: 'https://www.gov.cn/' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(fakes.asked).toHaveLength(1));
    expect(fakes.opened).toEqual([]);
    fakes.answer = 0; // 在浏览器中打开
    contents.openHandler!({ url: 'https://www.gov.cn/' });
    await vi.waitFor(() => expect(fakes.opened).toEqual(['https://www.gov.cn/']));
  });
});

describe('the code base', () => {
  const root = path.resolve(__dirname, '../../..');
  const GLUE = [
    'electron/electronShell.ts',
    'electron/hardenWindow.ts',
    'electron/main.ts',
    'electron/menu.ts',
    'electron/preload.ts',
    'electron/windowState.ts',
  ];

  it("only the Electron glue imports 'electron'", () => {
    const importers: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const rel = `${dir}/${e.name}`;
        if (e.isDirectory()) walk(rel);
        else if (
          /\.tsx?$/.test(e.name) &&
          /from ['"]electron['"]|require\(['"]electron['"]\)/.test(fs.readFileSync(path.join(root, rel), 'utf8'))
        )
          importers.push(rel);
      }
    };
    for (const dir of ['electron', 'shared', 'renderer/src']) walk(dir);
    expect(importers.sort().filter((f) => !GLUE.includes(f))).toEqual([]);
  });

  it('the installer flips the fuses: no run-as-node, no NODE_OPTIONS or --inspect, only our integrity-checked asar', () => {
    const yml = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    const block = /^electronFuses:\n((?: {2}.+\n?)+)/m.exec(yml)?.[1] ?? '';
    const fuses = Object.fromEntries(
      block
        .trim()
        .split('\n')
        .map((l) => l.trim().split(/:\s*/)),
    );
    expect(fuses).toMatchObject({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
    });
  });
});
