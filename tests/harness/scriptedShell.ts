// The desktop as a test scripts it: save and open dialogs answered with files in a temp folder, opened files recorded.
import fs from 'node:fs';
import path from 'node:path';
import type { DesktopShell } from '../../electron/handlers/context';

/**
 * The desktop as a test scripts it: a save dialog answers with a file in `outDir` (the default name,
 * unless a test queued another answer), an open dialog with the files a test queued, and opening a
 * file records it instead of starting Excel.
 */
export interface ScriptedShell extends DesktopShell {
  outDir: string;
  queueOpenFiles(files: string[]): void;
  queueSaveAs(answer: string | null): void;
  opened: string[];
  /**
   * Files as dropped from Explorer, by name: where the preload's pathForFile (webUtils.getPathForFile in the
   * app) says a dropped file of that name lives. The harness answers it through its own binding.
   */
  dropPaths: Map<string, string>;
}

export function scriptedShell(outDir: string): ScriptedShell {
  fs.mkdirSync(outDir, { recursive: true });
  const openQueue: string[][] = [];
  const saveQueue: (string | null)[] = [];
  const opened: string[] = [];
  return {
    outDir,
    opened,
    dropPaths: new Map(),
    queueOpenFiles: (files) => openQueue.push(files),
    queueSaveAs: (answer) => saveQueue.push(answer),
    async saveFile(options) {
      const answer = saveQueue.length ? saveQueue.shift()! : options.defaultName;
      return answer === null ? null : path.isAbsolute(answer) ? answer : path.join(outDir, answer);
    },
    async openFiles() {
      return openQueue.shift() ?? [];
    },
    async chooseFolder() {
      return outDir;
    },
    async openPath(p) {
      opened.push(p);
    },
    showInFolder(p) {
      opened.push(path.dirname(p));
    },
  };
}
