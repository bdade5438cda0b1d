// Electron glue: the window opens at the size and place it was closed at, if that screen is still attached.
import fs from 'node:fs';
import path from 'node:path';
import { screen, type BrowserWindow, type Rectangle } from 'electron';

interface WindowState {
  bounds: Partial<Rectangle> & { width: number; height: number };
  maximized: boolean;
}

const DEFAULT: WindowState = { bounds: { width: 1366, height: 768 }, maximized: false };
const file = (dir: string) => path.join(dir, 'window-state.json');

/** The last size and place, unless that place is on a screen no longer attached (a laptop off its dock). */
export function restoreWindowState(dir: string): WindowState {
  try {
    const saved = JSON.parse(fs.readFileSync(file(dir), 'utf8')) as WindowState;
    const { x, y, width, height } = saved.bounds;
    if (x === undefined || y === undefined) return saved;
    const visible = screen.getAllDisplays().some((d) => {
      const a = d.workArea;
      return x < a.x + a.width && x + width > a.x && y < a.y + a.height && y + height > a.y;
    });
    return visible ? saved : { ...saved, bounds: { width, height } };
  } catch {
    return DEFAULT;
  }
}

export function trackWindowState(win: BrowserWindow, dir: string): void {
  const save = () => {
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      fs.writeFileSync(file(dir), JSON.stringify(state));
    } catch {
      // Losing the window position is not worth an error for the clerk.
    }
  };
  win.on('close', save);
}
