/**
 * `npm run hearth -- <command>`: the command line for people and scripts. It lives beside the HTTP
 * host because both are plain-Node hosts of the same core (no Electron).
 */
import { copyFileSync, existsSync, mkdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import Database from 'better-sqlite3';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startCore, DATABASE_FILE } from '../core/start';
import { resolveDataDir } from '../core/paths';
import { consoleLogger } from '../core/logger';
import { DatabaseFromFutureError } from '../core/db/migrate';
import { BUILT_IN_ADMIN } from '../core/context';
import { startHttpHost } from './server';
import { lanAddresses } from './host-check';
import { startAppHost } from '../core/app-host';
import { DatabaseInUseError } from '../core/db/safety';
import { createBackupManager, readAuditAnchor } from '../core/backup/manager';
import { verifyBackup } from '../core/backup/verify';
import { verifyChainSqlite, type AuditAnchor } from '../core/features/audit/audit.chain';
import { readBackupHeader } from '../core/backup/container';
import { checkTarget } from '../core/backup/target';
import { writeFullExport } from '../core/export/full-export';
import { EXPORT_DIR } from '../core/data-folder';
import { systemClock } from '../core/clock';
import { APP_VERSION } from '../core/version';
import { DEMO_ADMIN_PASSWORD, DEMO_USERS } from '../core/demo/users.demo';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIST = path.join(ROOT, 'dist', 'renderer');

const HELP = `Hearth — the desk of a community help centre

Usage: npm run hearth -- <command> [options]

Commands:
  serve [--port N] [--data-dir DIR] [--script-admin]
                                      Start browser mode on 127.0.0.1 and print the URL to open;
                                      --script-admin: a Bearer-token script acts as the first admin
                                      without signing in (otherwise it signs in with auth.signIn)
                                      --lan: also let other computers of the local network open it
                                      (as the admin's setting does); sign-in is then always required
  backup --to DIR [--encrypt] [--data-dir DIR]
                                      Make a verified backup into DIR (a USB stick, another disk);
                                      --encrypt asks for a passphrase (or reads HEARTH_BACKUP_PASSPHRASE)
  verify FILE [--passphrase-env]      Check a backup; exit code 1 when damaged, tampered with or not a backup;
                                      3: encrypted and no passphrase, so only its header and size were checked
  restore FILE [--data-dir DIR]       Restore a backup (Hearth must be closed); the current data is backed up first
  export --to DIR [--data-dir DIR]    Everything as a ZIP of CSV files with a manifest
  demo --data-dir DIR [--centre NAME] [--language en|ru|uk|pl|el]
                                      Create a database filled with demo data (prints the demo
                                      users' passwords and PINs)
  migrate [--data-dir DIR]            Bring the database up to the current schema
  info [--data-dir DIR]               Show the data folder, schema version and counts
  audit verify [--data-dir DIR] [--backup FILE]
                                      Check the audit log's hash chain: prints OK and the number of
                                      entries, or the first changed or missing entry (exit code 1);
                                      and that the log still holds the end the newest backup (or FILE)
                                      recorded: exit code 1 when it was cut or rewritten since
  help                                Show this text

The data folder is --data-dir, else $HEARTH_DATA_DIR, else the per-user data folder of the OS.
`;

/** `verify` of an encrypted backup without its passphrase: the structure is fine, the contents unchecked. */
const EXIT_ENCRYPTED_UNCHECKED = 3;
const ENCRYPTED_UNCHECKED = 'encrypted: set HEARTH_BACKUP_PASSPHRASE and give --passphrase-env to check the contents (only its header and size were checked)';

/** The same codes the app's restore gives (backupErrorToAppError). */
function restoreRefusal(problem: string | undefined): string {
  return problem === 'wrongPassphrase' || problem === 'passphraseRequired' ? problem : 'backupDamaged';
}

/** Removes a folder if it is empty (one this command made and left unused). */
function rmdirQuietly(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty, or already gone: leave it.
  }
}

function fail(message: string): never {
  console.error(`hearth: ${message}`);
  process.exit(1);
}

function explain(e: unknown): never {
  if (e instanceof DatabaseFromFutureError) fail(`${e.message} Update Hearth to open it; the file was not changed.`);
  if (e instanceof DatabaseInUseError) fail(e.message);
  throw e;
}

async function open(dataDir: string) {
  try {
    return await startCore({ dataDir, logger: consoleLogger() });
  } catch (e) {
    explain(e);
  }
}

/** A read-only connection to the live file: snapshots (VACUUM INTO) and exports work while Hearth runs. */
function openReadOnly(dataDir: string): Database.Database {
  const file = path.join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) fail(`there is no database in ${dataDir}`);
  return new Database(file, { readonly: true, fileMustExist: true });
}

async function askPassphrase(): Promise<string> {
  const fromEnv = process.env.HEARTH_BACKUP_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv.length > 0) return fromEnv;
  if (!process.stdin.isTTY) fail('set HEARTH_BACKUP_PASSPHRASE to encrypt without a terminal');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const first = await rl.question('Passphrase (at least 8 characters): ');
  const second = await rl.question('Repeat the passphrase: ');
  rl.close();
  if (first !== second) fail('the passphrases differ');
  if (first.length < 8) fail('the passphrase is shorter than 8 characters');
  return first;
}

async function main(argv: string[]): Promise<void> {
  const [command = 'help', ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      centre: { type: 'string' },
      language: { type: 'string' },
      to: { type: 'string' },
      encrypt: { type: 'boolean' },
      'passphrase-env': { type: 'boolean' },
      'script-admin': { type: 'boolean' },
      lan: { type: 'boolean' },
      backup: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const dataDir = resolveDataDir(values['data-dir']);

  switch (command) {
    case 'serve': {
      const port = values.port !== undefined ? Number(values.port) : 0;
      if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not "${values.port}"`);
      if (!existsSync(path.join(RENDERER_DIST, 'index.html'))) fail('the user interface is not built: run `npm run build:renderer` first');
      const app = await startAppHost({ dataDir, logger: consoleLogger() }).catch(explain);
      const host = await startHttpHost({
        core: app,
        staticDir: RENDERER_DIST,
        port,
        scriptAdmin: values['script-admin'] === true,
        // Local network only when the admin allowed it (hosting.setAllowLan) or --lan is given.
        allowLan: values.lan === true || (await app.dispatch('hosting.get', {}, { actor: BUILT_IN_ADMIN }).then((r) => r.ok && (r.value as { allowLan?: unknown }).allowLan === true)),
        downloads: {
          folders: { backups: app.backups.dir, exports: path.join(dataDir, EXPORT_DIR) },
          onDownloaded: (kind) => {
            if (kind === 'backups') app.backups.recordOutsideCopy('download');
          },
        },
      });
      console.log(`Hearth data folder: ${dataDir}`);
      if (app.recovery()) console.log(`WARNING: the database failed its check (${app.recovery()?.detail}). Open Hearth to restore a backup.`);
      console.log(`Hearth is running. Open this address in your browser: ${host.openUrl}`);
      if (host.allowLan) {
        console.log('WARNING: other computers of the local network can open Hearth; everyone must sign in. Addresses:');
        const addresses = lanAddresses();
        if (addresses.length === 0) console.log('  (this computer has no local-network address right now)');
        for (const a of addresses) console.log(`  http://${a}:${host.port}/?token=${encodeURIComponent(host.token)}`);
      }
      // The last line of the start (scripts and the tests wait for it): everything above is printed.
      console.log('Press Ctrl+C to stop Hearth.');
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        await host.close();
        await app.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return;
    }
    case 'demo': {
      if (values['data-dir'] === undefined) fail('demo needs --data-dir DIR (a new folder for the demo database)');
      if (existsSync(path.join(dataDir, DATABASE_FILE))) fail(`${path.join(dataDir, DATABASE_FILE)} already exists; choose an empty folder`);
      const language = (values.language ?? 'ru') as 'en' | 'ru' | 'uk' | 'pl' | 'el';
      const core = await open(dataDir);
      const result = await core.dispatch(
        'setup.complete',
        { centreName: values.centre ?? 'Центр помощи жителям Сылвы', country: 'RU', currency: 'RUB', language, demo: true, adminPassword: DEMO_ADMIN_PASSWORD },
        { actor: BUILT_IN_ADMIN },
      );
      if (!result.ok) fail(`${result.error.code}: ${result.error.message}`);
      const counts = await core.dispatch('app.counts', {}, { actor: BUILT_IN_ADMIN });
      await core.close();
      console.log(`Demo database created in ${dataDir}`);
      if (counts.ok) console.log(JSON.stringify(counts.value));
      console.log('Demo users (also shown on the sign-in screen while the centre runs on demo data):');
      for (const u of [{ name: 'admin', role: 'admin', password: DEMO_ADMIN_PASSWORD, pin: null }, ...DEMO_USERS]) {
        console.log(`  ${u.role.padEnd(12)} ${u.name.padEnd(20)} password: ${u.password}${u.pin ? `  PIN: ${u.pin}` : ''}`);
      }
      return;
    }
    case 'backup': {
      if (values.to === undefined) fail('backup needs --to DIR');
      const target = path.resolve(values.to);
      mkdirSync(target, { recursive: true });
      const passphrase = values.encrypt ? await askPassphrase() : undefined;
      const sqlite = openReadOnly(dataDir);
      const size = statSync(path.join(dataDir, DATABASE_FILE)).size;
      for (const w of checkTarget(target, size)) {
        console.warn(w.code === 'fat32Limit' ? 'Warning: the target is FAT32, which cannot hold files of 4 GiB or more.' : `Warning: the target has only ${Math.round(w.freeBytes / 1024 ** 2)} MiB free.`);
      }
      const manager = createBackupManager({ dataDir, clock: systemClock(), logger: consoleLogger(), appVersion: APP_VERSION });
      try {
        const made = await manager.create(sqlite, 'manual', { passphrase, targetDir: target });
        manager.recordOutsideCopy(target);
        console.log(`Backup verified and written: ${made.file} (${made.size} bytes${made.encrypted ? ', encrypted' : ''}; ${made.residents} residents, ${made.requests} requests)`);
      } catch (e) {
        fail(`backup failed: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        sqlite.close();
      }
      return;
    }
    case 'verify': {
      const file = positionals[0];
      if (file === undefined) fail('verify needs a FILE');
      const passphrase = values['passphrase-env'] ? process.env.HEARTH_BACKUP_PASSPHRASE : undefined;
      const result = await verifyBackup(path.resolve(file), passphrase ? { passphrase } : {});
      // passphraseRequired comes only after the structure passed (magic, header checksum, exact size).
      // The contents cannot be checked without the key (the GCM tag and payloadSha256 both need it),
      // so this is neither "intact" (0) nor "damaged" (1).
      const unchecked = result.problem === 'passphraseRequired';
      const detail = unchecked ? ENCRYPTED_UNCHECKED : (result.detail ?? null);
      console.log(JSON.stringify({ ok: result.ok, problem: result.problem ?? null, detail, header: result.header }, null, 2));
      if (unchecked) console.error(`hearth: ${ENCRYPTED_UNCHECKED}`);
      process.exitCode = result.ok ? 0 : unchecked ? EXIT_ENCRYPTED_UNCHECKED : 1;
      return;
    }
    case 'restore': {
      const file = positionals[0];
      if (file === undefined) fail('restore needs a FILE');
      const source = path.resolve(file);
      if (!existsSync(source)) fail(`${source} does not exist`);
      const passphrase = process.env.HEARTH_BACKUP_PASSPHRASE || undefined;
      // Checked before Hearth opens the data folder: opening it takes hearth.lock, may migrate and
      // adds the day's plan tasks, and the file is then copied into backups/. A refused restore must
      // leave the folder as it was. (The plain copy made while checking goes into the data folder,
      // not the shared temp folder, and is deleted at once; the host checks the file again.)
      const check = await verifyBackup(source, { ...(existsSync(dataDir) ? { tempDir: dataDir } : {}), ...(passphrase ? { passphrase } : {}) });
      if (!check.ok) fail(`restore refused (${restoreRefusal(check.problem)}): ${check.detail ?? ''}`);
      const app = await startAppHost({ dataDir, logger: consoleLogger(), autoBackup: false }).catch(explain);
      let id = path.basename(source);
      let copied: string | null = null;
      let refused: string | null = null;
      const madeDir = !existsSync(app.backups.dir);
      try {
        if (path.resolve(app.backups.dir, id) !== source) {
          mkdirSync(app.backups.dir, { recursive: true });
          // Never overwrite a backup already kept under the same name.
          const ext = path.extname(source);
          for (let n = 2; existsSync(path.join(app.backups.dir, id)); n++) id = `${path.basename(source, ext)}-${n}${ext}`;
          copied = path.join(app.backups.dir, id);
          copyFileSync(source, copied);
        }
        const result = await app.dispatch('backups.restore', { id, ...(passphrase ? { passphrase } : {}) }, { actor: BUILT_IN_ADMIN });
        if (result.ok) console.log(`Restored ${id}. ${JSON.stringify(result.value)}`);
        else refused = `restore refused (${result.error.code}): ${result.error.message}`;
      } catch (e) {
        refused = `restore failed: ${e instanceof Error ? e.message : String(e)}`;
      } finally {
        // fail() exits at once, skipping any finally: the lock and the copy go first.
        if (refused !== null && copied !== null) rmSync(copied, { force: true });
        if (refused !== null && madeDir) rmdirQuietly(app.backups.dir);
        await app.close();
      }
      if (refused !== null) fail(refused);
      return;
    }
    case 'export': {
      if (values.to === undefined) fail('export needs --to DIR');
      const target = path.resolve(values.to);
      mkdirSync(target, { recursive: true });
      const sqlite = openReadOnly(dataDir);
      try {
        const name = `hearth-export-${new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}.zip`;
        const schema = (sqlite.prepare('select name from schema_migrations order by name desc limit 1').pluck().get() as string | undefined) ?? '';
        const centre = (sqlite.prepare("select value from settings where key = 'centreName'").pluck().get() as string | undefined) ?? null;
        const manifest = await writeFullExport(sqlite, path.join(target, name), { createdAt: new Date().toISOString(), appVersion: APP_VERSION, schemaVersion: schema, centreName: centre });
        console.log(`Exported ${manifest.tables.length} tables to ${path.join(target, name)}`);
      } finally {
        sqlite.close();
      }
      return;
    }
    case 'migrate': {
      const core = await open(dataDir);
      const status = await core.dispatch('app.status', {}, { actor: BUILT_IN_ADMIN });
      await core.close();
      if (status.ok) console.log(`Database in ${dataDir} is at schema ${(status.value as { schemaVersion: string }).schemaVersion}`);
      return;
    }
    case 'info': {
      const core = await open(dataDir);
      const status = await core.dispatch('app.status', {}, { actor: BUILT_IN_ADMIN });
      const counts = await core.dispatch('app.counts', {}, { actor: BUILT_IN_ADMIN });
      await core.close();
      console.log(JSON.stringify({ dataDir, database: path.join(dataDir, DATABASE_FILE), status: status.ok ? status.value : null, counts: counts.ok ? counts.value : null }, null, 2));
      return;
    }
    case 'audit': {
      if (positionals[0] !== 'verify') fail('usage: audit verify [--data-dir DIR] [--backup FILE]');
      // The anchor: from a backup file given (e.g. one kept on a USB stick, out of reach of whoever
      // can change the data folder), else the one the data folder's backup log keeps.
      let anchor: AuditAnchor | null;
      if (values.backup !== undefined) {
        const header = await readBackupHeader(path.resolve(values.backup)).catch((e: unknown) => fail(`${values.backup}: ${e instanceof Error ? e.message : String(e)}`));
        if (!header.auditHead) fail(`${values.backup} has no record of the audit log (made by an older Hearth, or before any entry)`);
        anchor = { ...header.auditHead, backupAt: header.createdAt };
      } else {
        anchor = readAuditAnchor(dataDir);
      }
      const sqlite = openReadOnly(dataDir);
      try {
        const result = verifyChainSqlite(sqlite, anchor);
        if (result.firstBroken === null) {
          console.log(`OK: the audit log's ${result.count} entries form an unbroken chain`);
        } else {
          const id = result.firstBroken.id;
          const why = result.firstBroken.reason === 'link' ? 'does not follow the entry before it (one was removed or inserted)' : 'was changed';
          console.log(`BROKEN: audit entry ${id} ${why}; the ${result.count} entries before it are intact`);
        }
        const a = result.anchor;
        if (a === null) console.log('No backup has recorded the log\'s end yet: removing the newest entries would go unnoticed.');
        else if (a.ok) console.log(`Anchor OK: entry ${a.count} is the one the backup of ${a.backupAt} recorded`);
        else if (a.reason === 'shorter') console.log(`ANCHOR: the backup of ${a.backupAt} recorded ${a.count} entries; the log now has fewer (the newest were removed)`);
        else console.log(`ANCHOR: entry ${a.count} is not the one the backup of ${a.backupAt} recorded (the log was rewritten)`);
        if (!result.ok) process.exitCode = 1;
      } finally {
        sqlite.close();
      }
      return;
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return;
    default:
      console.error(HELP);
      fail(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  fail(e instanceof Error ? e.message : String(e));
});
