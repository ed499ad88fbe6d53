/**
 * The Electron shell: one window, the app:// protocol, the IPC adapter of the contract. Everything
 * else lives in the core (plain Node) so that it runs and is tested without Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell } from 'electron';
import { copyFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startAppHost, type AppHost } from '../core/app-host';
import { consoleLogger } from '../core/logger';
import { BUILT_IN_ADMIN } from '../core/context';
import { checkTarget } from '../core/backup/target';
import { APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, isSafeExternalUrl, isTrustedSender, resolveAppPath } from './app-protocol';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const rendererRoot = path.join(__dirname, '..', 'dist', 'renderer');
let mainWindow: BrowserWindow | null = null;
let core: AppHost | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(APP_ORIGIN)) event.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

async function start(): Promise<void> {
  const logger = consoleLogger();
  core = await startAppHost({ dataDir: app.getPath('userData'), logger });

  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(rendererRoot, request.url);
    if (file === null) return new Response('Forbidden', { status: 403 });
    const target = existsSync(file) ? file : path.join(rendererRoot, 'index.html');
    const response = await net.fetch(pathToFileURL(target).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });

  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  ipcMain.handle('hearth:invoke', async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) return { ok: false, error: { code: 'forbidden', message: 'Untrusted sender' } };
    if (typeof name !== 'string' || core === null) return { ok: false, error: { code: 'unknownCall', message: 'Unknown call' } };
    return core.dispatch(name, input, { actor: BUILT_IN_ADMIN });
  });
  // Host capability: copy a backup to a folder the admin picks (a USB stick), with FAT32 and space checks.
  ipcMain.handle('hearth:saveBackupToFolder', async (event, id: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url) || core === null || typeof id !== 'string' || mainWindow === null) return null;
    const source = core.backups.resolveId(id);
    const picked = await dialog.showOpenDialog(mainWindow, { properties: ['openDirectory', 'createDirectory'] });
    const folder = picked.filePaths[0];
    if (picked.canceled || folder === undefined) return null;
    const warnings = checkTarget(folder, statSync(source).size).map((w) => w.code);
    if (warnings.includes('fat32Limit') || warnings.includes('lowSpace')) return { folder, warnings };
    copyFileSync(source, path.join(folder, id));
    core.backups.recordOutsideCopy(folder);
    return { folder, warnings };
  });
  // Host capability: the open document (task sheets, route list) as an A4 PDF, saved where the user picks.
  ipcMain.handle('hearth:printToPdf', async (event, suggestedName: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url) || mainWindow === null) return null;
    const name = typeof suggestedName === 'string' ? suggestedName.replace(/[\\/:*?"<>|]+/g, ' ').slice(0, 120) : 'Hearth';
    const picked = await dialog.showSaveDialog(mainWindow, { defaultPath: `${name}.pdf`, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (picked.canceled || !picked.filePath) return null;
    const pdf = await event.sender.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    writeFileSync(picked.filePath, pdf);
    return picked.filePath;
  });
  core.events.subscribe((e) => mainWindow?.webContents.send('hearth:event', e));

  mainWindow = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  // A second instance never opens the same database: the running window is focused instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.whenReady().then(start, (e: unknown) => {
    console.error(e);
    app.exit(1);
  });
  app.on('window-all-closed', () => {
    void core?.close().finally(() => app.quit());
  });
}
