// The renderer's only door: invoke(channel, payload), and the path of a file dropped from Explorer. No Node, no ipcRenderer.
import { contextBridge, ipcRenderer, webUtils } from 'electron';

contextBridge.exposeInMainWorld('duban', {
  invoke: (channel: string, payload: unknown) => ipcRenderer.invoke('duban:invoke', channel, payload),
  // Menu commands carried out by the page (文件 → 从备份恢复…); only the command's name crosses.
  onMenu: (listener: (command: string) => void) => {
    ipcRenderer.on('duban:menu', (_event, command: unknown) => listener(String(command)));
  },
  // Where a dropped file lives, so main reads it there and its bytes never cross IPC. Only a File the
  // clerk dropped has one: a File the page made itself answers '' (so the page cannot name other files).
  pathForFile: (file: File) => webUtils.getPathForFile(file),
});
