// The renderer's only door: invoke(channel, payload). No Node, no ipcRenderer, no paths.
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('duban', {
  invoke: (channel: string, payload: unknown) => ipcRenderer.invoke('duban:invoke', channel, payload),
  // Menu commands carried out by the page (文件 → 从备份恢复…); only the command's name crosses.
  onMenu: (listener: (command: string) => void) => {
    ipcRenderer.on('duban:menu', (_event, command: unknown) => listener(String(command)));
  },
});
