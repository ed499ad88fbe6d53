/**
 * The Electron shell: one window, the app:// protocol, the IPC adapter of the contract. Everything
 * else lives in the core (plain Node) so that it runs and is tested without Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, protocol, session, shell } from 'electron';
import { copyFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { startAppHost, type AppHost } from '../core/app-host';
import { consoleLogger } from '../core/logger';
import { lockOnPowerEvents, windowSessions } from './power-lock';
import { checkTarget } from '../core/backup/target';
import { APP_ORIGIN, APP_SCHEME, appResponseHeaders, resolveAppFile } from './app-protocol';
import { hardenSession, hardenWebContents, isTrustedSender, UNTRUSTED_SENDER_REPLY, webPreferencesFor } from './security';

// Every renderer sandboxed, whatever its webPreferences say (checklist item 4).
app.enableSandbox();
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
    webPreferences: webPreferencesFor(path.join(__dirname, 'preload.cjs')),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

async function start(): Promise<void> {
  const logger = consoleLogger();
  // Long work (backups, the export) runs on a worker thread from the bundle beside this one (scripts/build-electron.mjs).
  core = await startAppHost({ dataDir: app.getPath('userData'), logger, workerScript: path.join(__dirname, 'work-worker.cjs'), figuresScript: path.join(__dirname, 'figures-worker.cjs') });

  // Files are read from disk here (not net.fetch of a file: URL, which the request filter cancels).
  protocol.handle(APP_SCHEME, async (request) => {
    const file = await resolveAppFile(rendererRoot, request.url);
    if (file === null) return new Response('Not found', { status: 404, headers: appResponseHeaders(null) });
    return new Response(await readFile(file), { status: 200, headers: appResponseHeaders(file) });
  });

  // Permissions denied, and no network at all: only app:// loads (security.ts).
  hardenSession(session.defaultSession, (what, url) => logger.warn(what, { url }));

  // Each window has its own session (users feature); its id comes from the store, never from the page.
  const windows = windowSessions(core.sessions);

  ipcMain.handle('hearth:invoke', async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame)) return UNTRUSTED_SENDER_REPLY;
    if (typeof name !== 'string' || core === null) return { ok: false, error: { code: 'unknownCall', message: 'Unknown call' } };
    // Who signed in in this window; a sign-in or unlock moves the window's session to a new id.
    return core.dispatch(name, input, windows.callerFor(event.sender.id, name));
  });
  // Host capability: copy a backup to a folder the admin picks (a USB stick), with FAT32 and space checks.
  ipcMain.handle('hearth:saveBackupToFolder', async (event, id: unknown) => {
    if (!isTrustedSender(event.senderFrame) || core === null || typeof id !== 'string' || mainWindow === null) return null;
    // A backup holds everyone's data: only a signed-in admin of this window (the policy of backups.status).
    if (!(await core.dispatch('backups.status', {}, { sessionId: windows.idFor(event.sender.id) })).ok) return null;
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
    if (!isTrustedSender(event.senderFrame) || mainWindow === null) return null;
    const name = typeof suggestedName === 'string' ? suggestedName.replace(/[\\/:*?"<>|]+/g, ' ').slice(0, 120) : 'Hearth';
    const picked = await dialog.showSaveDialog(mainWindow, { defaultPath: `${name}.pdf`, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (picked.canceled || !picked.filePath) return null;
    const pdf = await event.sender.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    writeFileSync(picked.filePath, pdf);
    return picked.filePath;
  });
  core.events.subscribe((e) => mainWindow?.webContents.send('hearth:event', e));
  // The OS lock screen and suspend lock Hearth too (the UI hears 'changed' and shows the lock screen).
  lockOnPowerEvents(powerMonitor, () => core?.lockAllSessions());

  mainWindow = createWindow();
}

// Tests (electron-smoke.test.ts) run the app on a throw-away data folder.
if (process.env.HEARTH_USER_DATA) app.setPath('userData', process.env.HEARTH_USER_DATA);

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
  // Every webContents (the window and anything else Chromium creates): no navigation away from
  // app://hearth, no redirects, no new windows, no webviews; allowlisted https links open outside.
  app.on('web-contents-created', (_e, contents) => {
    hardenWebContents(contents, (url) => shell.openExternal(url), (what, url) => consoleLogger().warn(what, { url }));
  });
  app.whenReady().then(start, (e: unknown) => {
    console.error(e);
    app.exit(1);
  });
  app.on('window-all-closed', () => {
    void core?.close().finally(() => app.quit());
  });
}
