// The renderer's only door: invoke(channel, payload). No Node, no ipcRenderer, no paths.
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('duban', {
  invoke: (channel: string, payload: unknown) => ipcRenderer.invoke('duban:invoke', channel, payload),
});
