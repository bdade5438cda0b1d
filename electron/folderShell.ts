// A desktop scripted through files in a folder, for runs with nobody at the screen: the Electron e2e specs
// (main uses it only when DUBAN_E2E_SHELL_DIR is set and the app is not packaged, see main.ts) and the smoke
// test (`--smoke`). The test process and the app share nothing but the file system, so a spec queues an
// answer with a synchronous file write before it clicks, and no answer can arrive late. Plain Node.
//   open-queue.json  [[files of the next open dialog], …]      save-queue.json  [answer | null, …]
//   opened.json      files "opened in Excel" (or their folders)  out/            where saves land by default
import fs from 'node:fs';
import path from 'node:path';
import type { DesktopShell } from './handlers/context';

const OPEN_QUEUE = 'open-queue.json';
const SAVE_QUEUE = 'save-queue.json';
const OPENED = 'opened.json';

function readList<T>(file: string): T[] {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T[];
  } catch {
    return [];
  }
}

function writeList(file: string, list: unknown[]): void {
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(list));
  fs.renameSync(`${file}.tmp`, file);
}

function shift<T>(file: string): T | undefined {
  const list = readList<T>(file);
  if (list.length === 0) return undefined;
  const first = list.shift();
  writeList(file, list);
  return first;
}

export const folderShellOut = (dir: string) => path.join(dir, 'out');

/** The app's side: dialogs answered from the queues, saves into out/ under the default name. */
export function folderShell(dir: string): DesktopShell {
  const outDir = folderShellOut(dir);
  fs.mkdirSync(outDir, { recursive: true });
  const record = (p: string) => writeList(path.join(dir, OPENED), [...readList<string>(path.join(dir, OPENED)), p]);
  return {
    async saveFile(options) {
      const queued = shift<string | null>(path.join(dir, SAVE_QUEUE));
      const answer = queued === undefined ? options.defaultName : queued;
      return answer === null ? null : path.isAbsolute(answer) ? answer : path.join(outDir, answer);
    },
    async openFiles() {
      return shift<string[]>(path.join(dir, OPEN_QUEUE)) ?? [];
    },
    async chooseFolder() {
      return outDir;
    },
    async openPath(p) {
      record(p);
    },
    showInFolder(p) {
      record(path.dirname(p));
    },
  };
}

/** The test's side: queue answers and read what was opened, with plain synchronous file calls. */
export function folderShellControl(dir: string) {
  fs.mkdirSync(folderShellOut(dir), { recursive: true });
  const push = (name: string, value: unknown) =>
    writeList(path.join(dir, name), [...readList(path.join(dir, name)), value]);
  return {
    outDir: folderShellOut(dir),
    queueOpenFiles: (files: string[]) => push(OPEN_QUEUE, files),
    queueSaveAs: (answer: string | null) => push(SAVE_QUEUE, answer),
    opened: () => readList<string>(path.join(dir, OPENED)),
  };
}
