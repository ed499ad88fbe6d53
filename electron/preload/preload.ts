/**
 * The whole preload: `window.hearth.invoke(name, input)` and `subscribe(listener)`, and the host
 * capabilities in `window.hearthHost`. Sandboxed,
 * context-isolated; it exposes no Node or Electron object to the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

contextBridge.exposeInMainWorld('hearth', {
  invoke: (name: string, input: unknown) => ipcRenderer.invoke('hearth:invoke', name, input),
  subscribe: (listener: (event: unknown) => void) => {
    const handler = (_e: IpcRendererEvent, event: unknown) => listener(event);
    ipcRenderer.on('hearth:event', handler);
    return () => ipcRenderer.removeListener('hearth:event', handler);
  },
});

contextBridge.exposeInMainWorld('hearthHost', {
  saveBackupToFolder: (id: string) => ipcRenderer.invoke('hearth:saveBackupToFolder', id),
  printToPdf: (suggestedName: string) => ipcRenderer.invoke('hearth:printToPdf', suggestedName),
});
