/**
 * `npm run hearth -- <command>`: the command line for people and scripts. It lives beside the HTTP
 * host because both are plain-Node hosts of the same core (no Electron).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
import { inThreadWork } from '../core/work/runner';
import { verifyBackup } from '../core/backup/verify';
import { verifyChainSqlite, type AuditAnchor } from '../core/features/audit/audit.chain';
import { readBackupHeader } from '../core/backup/container';
import { checkTarget } from '../core/backup/target';
import { writeFullExport } from '../core/export/full-export';
import { EXPORT_DIR } from '../core/data-folder';
import { systemClock } from '../core/clock';
import { APP_VERSION } from '../core/version';
import { DEMO_ADMIN_PASSWORD, demoUsersIn } from '../core/demo/users.demo';
import { demoCentre } from '../core/demo/words';
import { CITY_CENTRE, CITY_SEED, generateCity } from '../core/demo/city/city';
import { progressLine } from '../core/demo/city/progress';
import { errorTranslate, isLanguage, translator, type CoreTranslator } from '../core/i18n';
import { errorText } from '../../shared/api/error-text';
import { isErrorCode, type ApiErrorBody } from '../../shared/api/errors';
import type { Dispatch } from '../core/dispatch';
import { backupErrorToAppError } from '../core/backup/manager';
import { LANGUAGES, type Language } from '../../shared/domain/settings';
import { aggregatesCsv, aggregatesJson, aggregatesSheets, aggregatesXlsx } from '../core/features/reports/aggregates.export';
import type { AggregatesReport } from '../../shared/domain/aggregates';
import { reportDocument, reportHtml, reportXlsx, resultsCsv } from '../core/features/reports/reports.export';
import { findChromium, printHtmlToPdf } from '../core/features/reports/reports.pdf';
import type { ResultsReport } from '../../shared/domain/reports';
import { IMPORT_ENCODINGS, IMPORT_KINDS } from '../../shared/domain/imports';
import { readImportFile } from '../core/features/import/file';
import { ImportProblem } from '../core/features/import/read/problems';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built screens; HEARTH_RENDERER_DIST puts them elsewhere (the test of `serve` before any build uses it, so as not to remove the checkout's). */
export const RENDERER_DIST = process.env.HEARTH_RENDERER_DIST ?? path.join(ROOT, 'dist', 'renderer');

/** The usage text: commands and options as typed, what they do in the user's language. */
function help(): string {
  const item = (usage: string, key: string) => {
    const [first = '', ...more] = t(`cli:help.${key}`).split('\n');
    const pad = ' '.repeat(38);
    const head = usage.length < 36 ? `  ${usage.padEnd(36)}${first}` : `  ${usage}\n${pad}${first}`;
    return [head, ...more.map((line) => pad + line)].join('\n');
  };
  return [
    t('cli:help.title'),
    '',
    t('cli:help.usage'),
    '',
    t('cli:help.commands'),
    item('serve [--port N] [--data-dir DIR] [--script-admin] [--lan]', 'serve'),
    item('backup --to DIR [--encrypt] [--data-dir DIR]', 'backup'),
    item('verify FILE [--passphrase-env]', 'verify'),
    item('restore FILE [--data-dir DIR]', 'restore'),
    item('export --to DIR [--data-dir DIR]', 'export'),
    item('demo --data-dir DIR [--centre NAME] [--language en|ru|uk|pl|el] [--scale village|city] [--seed N]', 'demo'),
    item('migrate [--data-dir DIR]', 'migrate'),
    item('info [--data-dir DIR]', 'info'),
    item('audit verify [--data-dir DIR] [--backup FILE]', 'audit'),
    item('report aggregates --from YYYY-MM-DD --to YYYY-MM-DD --format csv|xlsx|json --out FILE [--threshold N] [--language xx] [--data-dir DIR]', 'reportAggregates'),
    item('report results --from YYYY-MM-DD --to YYYY-MM-DD --format json|csv|xlsx|pdf --out FILE [--language xx] [--data-dir DIR]', 'report'),
    item('import residents|volunteers|requests|cashbook|stock FILE [--mapping FILE] [--encoding X] [--dry-run] [--json] [--data-dir DIR]', 'import'),
    item('help', 'help'),
    '',
    t('cli:help.dataDir'),
    t('cli:help.language'),
    '',
  ].join('\n');
}

/**
 * `serve` right after `npm ci` (before `npm run build:renderer`): the screens are built once here,
 * so the README's commands work in any order. Without Vite (an installation without the build
 * tools) it says which command builds them.
 */
function ensureRendererBuilt(): void {
  if (existsSync(path.join(RENDERER_DIST, 'index.html'))) return;
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) fail(t('cli:serve.notBuilt'));
  console.log(t('cli:serve.building'));
  const built = spawnSync(process.execPath, [vite, 'build', '--config', path.join('renderer', 'vite.config.ts'), '--outDir', RENDERER_DIST, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0 || !existsSync(path.join(RENDERER_DIST, 'index.html'))) fail(t('cli:serve.notBuilt'));
}

/** `verify` of an encrypted backup without its passphrase: the structure is fine, the contents unchecked. */
const EXIT_ENCRYPTED_UNCHECKED = 3;
/** The `detail` of that case in verify's JSON (for scripts: English, whatever the language). */
const ENCRYPTED_UNCHECKED = 'encrypted: set HEARTH_BACKUP_PASSPHRASE and give --passphrase-env to check the contents (only its header and size were checked)';

/**
 * The language of the messages: --language, else HEARTH_LANGUAGE, else the centre's language once
 * a database is open (`centreLanguage`), else the locale of the environment (LC_ALL, LC_MESSAGES,
 * LANG: "uk_UA.UTF-8" → uk), else English. JSON output and exit codes are the same in every
 * language.
 */
let t: CoreTranslator = translator('en');
let languageChosen = false;

function environmentLanguage(env: NodeJS.ProcessEnv): Language | null {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const code = /^([a-z]{2})(?:[_.@-]|$)/i.exec(locale)?.[1]?.toLowerCase();
  return isLanguage(code) ? code : null;
}

function chooseLanguage(flag: string | undefined, env: NodeJS.ProcessEnv): void {
  const fromEnv = env.HEARTH_LANGUAGE || undefined;
  const given = flag ?? fromEnv;
  t = translator(environmentLanguage(env) ?? 'en');
  if (given === undefined) return;
  if (!isLanguage(given)) fail(t('cli:unknownLanguage', { languages: LANGUAGES.join(', '), value: given }));
  t = translator(given);
  languageChosen = true;
}

/** The centre's language, once a database is open, unless --language or HEARTH_LANGUAGE chose one. */
function centreLanguage(language: unknown): void {
  if (!languageChosen && isLanguage(language)) t = translator(language);
}

function centreLanguageOf(sqlite: Database.Database): void {
  try {
    centreLanguage(sqlite.prepare("select value from settings where key = 'language'").pluck().get());
  } catch {
    // An old or damaged database: keep the language there is.
  }
}

async function centreLanguageFrom(core: { dispatch: Dispatch }): Promise<void> {
  const status = await core.dispatch('app.status', {}, { actor: BUILT_IN_ADMIN }).catch(() => null);
  if (status?.ok) centreLanguage((status.value as { settings?: { language?: unknown } | null }).settings?.language);
}

/**
 * The error of a call (its envelope's body), or one thrown by the backup code, as a sentence in the
 * CLI's language; an unexpected failure keeps its own (English) message after it, for support.
 */
function reason(e: ApiErrorBody | unknown): string {
  const body = !(e instanceof Error) && isApiErrorBody(e) ? e : backupErrorToAppError(e).toBody();
  const text = errorText(errorTranslate(t), { body });
  return body.code === 'internal' ? `${text} (${body.message})` : text;
}

function isApiErrorBody(e: unknown): e is ApiErrorBody {
  return typeof e === 'object' && e !== null && isErrorCode((e as { code?: unknown }).code) && typeof (e as { message?: unknown }).message === 'string';
}

/** A problem that verifyBackup found, as a sentence. */
function problemText(problem: string | undefined): string {
  return t.exists(`cli:problems.${problem}`) ? t(`cli:problems.${problem}`) : t('cli:problems.damaged');
}

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
  if (e instanceof DatabaseFromFutureError) fail(t('cli:fromFuture'));
  if (e instanceof DatabaseInUseError) fail(t('cli:inUse', { pid: e.pid }));
  throw e;
}

async function open(dataDir: string) {
  try {
    const core = await startCore({ dataDir, logger: consoleLogger() });
    await centreLanguageFrom(core);
    return core;
  } catch (e) {
    explain(e);
  }
}

/** A read-only connection to the live file: snapshots (VACUUM INTO) and exports work while Hearth runs. */
function openReadOnly(dataDir: string): Database.Database {
  const file = path.join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) fail(t('cli:noDatabase', { dir: dataDir }));
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  centreLanguageOf(sqlite);
  return sqlite;
}

async function askPassphrase(): Promise<string> {
  const fromEnv = process.env.HEARTH_BACKUP_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv.length > 0) return fromEnv;
  if (!process.stdin.isTTY) fail(t('cli:passphrase.noTerminal'));
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const first = await rl.question(t('cli:passphrase.ask'));
  const second = await rl.question(t('cli:passphrase.repeat'));
  rl.close();
  if (first !== second) fail(t('cli:passphrase.differ'));
  if (first.length < 8) fail(t('cli:passphrase.short'));
  return first;
}

function printDemoUsers(language: Language | null): void {
  console.log(t('cli:demo.users'));
  for (const u of [{ name: 'admin', role: 'admin', password: DEMO_ADMIN_PASSWORD, pin: null }, ...demoUsersIn(language)]) {
    console.log(`  ${u.role.padEnd(12)} ${u.name.padEnd(20)} ${t('cli:demo.password', { password: u.password })}${u.pin ? `  ${t('cli:demo.pin', { pin: u.pin })}` : ''}`);
  }
}

/**
 * `report aggregates`: the funder-safe tables of a period (reports.aggregates, as the built-in
 * admin) written to --out as CSV, XLSX or JSON, labels in --language or the centre's language.
 */
async function reportAggregates(dataDir: string, values: { from?: string | undefined; to?: string | undefined; format?: string | undefined; out?: string | undefined; threshold?: string | undefined; language?: string | undefined }): Promise<void> {
  const format = values.format ?? 'csv';
  if (values.from === undefined || values.to === undefined || values.out === undefined || !['csv', 'xlsx', 'json'].includes(format)) fail(t('cli:report.aggregatesUsage'));
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  const core = await open(dataDir);
  try {
    const status = await core.dispatch('app.status', {}, { actor: BUILT_IN_ADMIN });
    const settings = status.ok ? (status.value as { settings: { centreName: string; language: Language } | null }).settings : null;
    const answer = await core.dispatch('reports.aggregates', { from: values.from, to: values.to, ...(threshold === undefined ? {} : { threshold }) }, { actor: BUILT_IN_ADMIN });
    if (!answer.ok) fail(reason(answer.error));
    const report = answer.value as AggregatesReport;
    const language: Language = isLanguage(values.language) ? values.language : (settings?.language ?? 'en');
    const out = path.resolve(values.out);
    mkdirSync(path.dirname(out), { recursive: true });
    if (format === 'json') writeFileSync(out, JSON.stringify(aggregatesJson(report, language), null, 2) + '\n', 'utf8');
    else {
      const sheets = aggregatesSheets(report, language, settings?.centreName ?? '');
      writeFileSync(out, format === 'xlsx' ? await aggregatesXlsx(sheets) : Buffer.from(aggregatesCsv(sheets), 'utf8'));
    }
    console.log(t('cli:report.aggregatesDone', { file: out }));
  } finally {
    await core.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command = 'help', ...rest] = argv;
  chooseLanguage(undefined, process.env);
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
      scale: { type: 'string' },
      seed: { type: 'string' },
      from: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      threshold: { type: 'string' },
      mapping: { type: 'string' },
      encoding: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  chooseLanguage(values.language, process.env);
  const dataDir = resolveDataDir(values['data-dir']);

  switch (command) {
    case 'serve': {
      const port = values.port !== undefined ? Number(values.port) : 0;
      if (!Number.isInteger(port) || port < 0 || port > 65535) fail(t('cli:serve.badPort', { value: values.port }));
      ensureRendererBuilt();
      const app = await startAppHost({ dataDir, logger: consoleLogger() }).catch(explain);
      await centreLanguageFrom(app);
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
      console.log(t('cli:serve.dataFolder', { dir: dataDir }));
      if (app.recovery()) console.log(t('cli:serve.recovery', { detail: app.recovery()?.detail }));
      console.log(t('cli:serve.running', { url: host.openUrl }));
      if (host.allowLan) {
        console.log(t('cli:serve.lan'));
        const addresses = lanAddresses();
        if (addresses.length === 0) console.log(`  ${t('cli:serve.noLanAddress')}`);
        for (const a of addresses) console.log(`  http://${a}:${host.port}/?token=${encodeURIComponent(host.token)}`);
      }
      // The last line of the start (scripts and the tests wait for it): everything above is printed.
      console.log(t('cli:serve.stop'));
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
      if (values['data-dir'] === undefined) fail(t('cli:needs.dataDirDemo'));
      if (existsSync(path.join(dataDir, DATABASE_FILE))) fail(t('cli:demo.exists', { file: path.join(dataDir, DATABASE_FILE) }));
      const scale = values.scale ?? 'village';
      if (scale !== 'village' && scale !== 'city') fail(t('cli:demo.badScale', { value: scale }));
      if (scale === 'city') {
        const seed = values.seed !== undefined ? Number(values.seed) : CITY_SEED;
        if (!Number.isSafeInteger(seed)) fail(t('cli:demo.badSeed', { value: values.seed }));
        const line = progressLine();
        const made = await generateCity({ dataDir, seed, progress: line.update }).finally(line.done);
        centreLanguage(CITY_CENTRE.language);
        console.log(t('cli:demo.city', { seconds: made.seconds.toFixed(0), cpu: made.cpuSeconds.toFixed(0), file: made.file, size: (made.bytes / 1024 ** 2).toFixed(0) }));
        console.log(JSON.stringify(made.rows));
        printDemoUsers(null);
        return;
      }
      const language: Language = isLanguage(values.language) ? values.language : 'ru';
      const core = await open(dataDir);
      const result = await core.dispatch(
        'setup.complete',
        { ...demoCentre(language), ...(values.centre !== undefined ? { centreName: values.centre } : {}), demo: true, adminPassword: DEMO_ADMIN_PASSWORD },
        { actor: BUILT_IN_ADMIN },
      );
      if (!result.ok) fail(t('cli:demo.failed', { reason: reason(result.error) }));
      centreLanguage(language);
      const counts = await core.dispatch('app.counts', {}, { actor: BUILT_IN_ADMIN });
      await core.close();
      console.log(t('cli:demo.created', { dir: dataDir }));
      if (counts.ok) console.log(JSON.stringify(counts.value));
      printDemoUsers(language);
      return;
    }
    case 'backup': {
      if (values.to === undefined) fail(t('cli:needs.to', { command: 'backup' }));
      const target = path.resolve(values.to);
      mkdirSync(target, { recursive: true });
      // Opened first: the centre's language is then the one of the passphrase prompts.
      const sqlite = openReadOnly(dataDir);
      const passphrase = values.encrypt ? await askPassphrase() : undefined;
      const size = statSync(path.join(dataDir, DATABASE_FILE)).size;
      for (const w of checkTarget(target, size)) {
        console.warn(w.code === 'fat32Limit' ? t('cli:backup.fat32') : t('cli:backup.lowSpace', { mib: Math.round(w.freeBytes / 1024 ** 2) }));
      }
      // In this thread: nothing else here waits for an answer (the app makes its backups on its long-work thread).
      const manager = createBackupManager({ dataDir, clock: systemClock(), logger: consoleLogger(), appVersion: APP_VERSION, work: inThreadWork() });
      try {
        const made = await manager.create('manual', { passphrase, targetDir: target });
        manager.recordOutsideCopy(target);
        console.log(t(made.encrypted ? 'cli:backup.madeEncrypted' : 'cli:backup.made', { file: made.file, size: made.size, residents: made.residents, requests: made.requests }));
      } catch (e) {
        fail(t('cli:backup.failed', { reason: reason(e) }));
      } finally {
        sqlite.close();
      }
      return;
    }
    case 'verify': {
      const file = positionals[0];
      if (file === undefined) fail(t('cli:needs.file', { command: 'verify' }));
      const passphrase = values['passphrase-env'] ? process.env.HEARTH_BACKUP_PASSPHRASE : undefined;
      const result = await verifyBackup(path.resolve(file), passphrase ? { passphrase } : {});
      // passphraseRequired comes only after the structure passed (magic, header checksum, exact size).
      // The contents cannot be checked without the key (the GCM tag and payloadSha256 both need it),
      // so this is neither "intact" (0) nor "damaged" (1).
      const unchecked = result.problem === 'passphraseRequired';
      const detail = unchecked ? ENCRYPTED_UNCHECKED : (result.detail ?? null);
      console.log(JSON.stringify({ ok: result.ok, problem: result.problem ?? null, detail, header: result.header }, null, 2));
      if (unchecked) console.error(`hearth: ${t('cli:verify.encryptedUnchecked')}`);
      else if (!result.ok) console.error(`hearth: ${t('cli:verify.refused', { reason: problemText(result.problem) })}`);
      process.exitCode = result.ok ? 0 : unchecked ? EXIT_ENCRYPTED_UNCHECKED : 1;
      return;
    }
    case 'restore': {
      const file = positionals[0];
      if (file === undefined) fail(t('cli:needs.file', { command: 'restore' }));
      const source = path.resolve(file);
      if (!existsSync(source)) fail(t('cli:restore.missing', { file: source }));
      const passphrase = process.env.HEARTH_BACKUP_PASSPHRASE || undefined;
      // Checked before Hearth opens the data folder: opening it takes hearth.lock, may migrate and
      // adds the day's plan tasks, and the file is then copied into backups/. A refused restore must
      // leave the folder as it was. (The plain copy made while checking goes into the data folder,
      // not the shared temp folder, and is deleted at once; the host checks the file again.)
      const check = await verifyBackup(source, { ...(existsSync(dataDir) ? { tempDir: dataDir } : {}), ...(passphrase ? { passphrase } : {}) });
      if (!check.ok) fail(t('cli:restore.refused', { code: restoreRefusal(check.problem), reason: problemText(check.problem) }));
      const app = await startAppHost({ dataDir, logger: consoleLogger(), autoBackup: false }).catch(explain);
      await centreLanguageFrom(app);
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
        if (result.ok) console.log(`${t('cli:restore.done', { id })} ${JSON.stringify(result.value)}`);
        else refused = t('cli:restore.refused', { code: result.error.code, reason: reason(result.error) });
      } catch (e) {
        refused = t('cli:restore.failed', { reason: reason(e) });
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
      if (values.to === undefined) fail(t('cli:needs.to', { command: 'export' }));
      const target = path.resolve(values.to);
      mkdirSync(target, { recursive: true });
      const sqlite = openReadOnly(dataDir);
      try {
        const name = `hearth-export-${new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}.zip`;
        const schema = (sqlite.prepare('select name from schema_migrations order by name desc limit 1').pluck().get() as string | undefined) ?? '';
        const centre = (sqlite.prepare("select value from settings where key = 'centreName'").pluck().get() as string | undefined) ?? null;
        const manifest = await writeFullExport(sqlite, path.join(target, name), { createdAt: new Date().toISOString(), appVersion: APP_VERSION, schemaVersion: schema, centreName: centre });
        console.log(t('cli:export.done', { count: manifest.tables.length, file: path.join(target, name) }));
      } finally {
        sqlite.close();
      }
      return;
    }
    case 'migrate': {
      const core = await open(dataDir);
      const status = await core.dispatch('app.status', {}, { actor: BUILT_IN_ADMIN });
      await core.close();
      if (status.ok) console.log(t('cli:migrate.done', { dir: dataDir, version: (status.value as { schemaVersion: string }).schemaVersion }));
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
      if (positionals[0] !== 'verify') fail(t('cli:audit.usage'));
      // The anchor: from a backup file given (e.g. one kept on a USB stick, out of reach of whoever
      // can change the data folder), else the one the data folder's backup log keeps.
      let anchor: AuditAnchor | null;
      if (values.backup !== undefined) {
        const header = await readBackupHeader(path.resolve(values.backup)).catch((e: unknown) => fail(t('cli:audit.unreadable', { file: values.backup, reason: reason(e) })));
        if (!header.auditHead) fail(t('cli:audit.noHead', { file: values.backup }));
        anchor = { ...header.auditHead, backupAt: header.createdAt };
      } else {
        anchor = readAuditAnchor(dataDir);
      }
      const sqlite = openReadOnly(dataDir);
      try {
        const result = verifyChainSqlite(sqlite, anchor);
        if (result.firstBroken === null) {
          console.log(t('cli:audit.ok', { count: result.count }));
        } else {
          const id = result.firstBroken.id;
          console.log(t(result.firstBroken.reason === 'link' ? 'cli:audit.brokenLink' : 'cli:audit.brokenChanged', { id, count: result.count }));
        }
        const a = result.anchor;
        if (a === null) console.log(t('cli:audit.noAnchor'));
        else if (a.ok) console.log(t('cli:audit.anchorOk', { count: a.count, backupAt: a.backupAt }));
        else if (a.reason === 'shorter') console.log(t('cli:audit.anchorShorter', { count: a.count, backupAt: a.backupAt }));
        else console.log(t('cli:audit.anchorRewritten', { count: a.count, backupAt: a.backupAt }));
        if (!result.ok) process.exitCode = 1;
      } finally {
        sqlite.close();
      }
      return;
    }
    case 'report': {
      // Issue 14: `report results` (the results in numbers) and `report aggregates` (funder-safe tables).
      if (positionals[0] === 'aggregates') return reportAggregates(dataDir, values);
      await reportCommand(positionals, values, dataDir);
      return;
    }
    case 'import': {
      await importCommand(dataDir, positionals, values);
      return;
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(help());
      return;
    default:
      console.error(help());
      fail(t('cli:unknownCommand', { command }));
  }
}

const REPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;

/**
 * `report results`: the results report of a period as the built-in admin sees it (money included),
 * in the language asked (else the centre's), the same numbers as the screen: JSON (the call's
 * answer), CSV (features/reports/table.ts, as the screen's CSV), XLSX and PDF (the screen's
 * sections; the PDF printed by this computer's Chromium, never downloaded).
 */
async function reportCommand(positionals: string[], values: { from?: string | undefined; to?: string | undefined; format?: string | undefined; out?: string | undefined }, dataDir: string): Promise<void> {
  if (positionals[0] !== 'results') fail(`${t('cli:report.usage')}\n${t('cli:report.aggregatesUsage')}`);
  const format = values.format ?? 'json';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) fail(t('cli:report.badFormat', { value: format }));
  if (values.from === undefined || values.to === undefined) fail(t('cli:report.needsPeriod'));
  if (values.out === undefined) fail(t('cli:report.needsOut'));
  // A PDF needs the machine's Chromium: refused before anything is opened.
  const chromium = format === 'pdf' ? findChromium() : null;
  if (format === 'pdf' && chromium === null) fail(t('cli:report.noChromium'));
  const core = await open(dataDir);
  const answer = await core.dispatch('reports.results', { from: values.from, to: values.to, language: t.language }, { actor: BUILT_IN_ADMIN });
  const status = await core.dispatch('app.status', {}, { actor: BUILT_IN_ADMIN });
  await core.close();
  if (!answer.ok) fail(reason(answer.error));
  const report = answer.value as ResultsReport;
  const centreName = status.ok ? ((status.value as { settings?: { centreName?: string } | null }).settings?.centreName ?? '') : '';
  const file = path.resolve(values.out);
  if (format === 'json') {
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  } else if (format === 'csv') {
    writeFileSync(file, resultsCsv(report, t));
  } else if (format === 'xlsx') {
    writeFileSync(file, await reportXlsx(reportDocument(report, t.language, centreName)));
  } else {
    await printHtmlToPdf(chromium!, reportHtml(reportDocument(report, t.language, centreName)), file).catch((e: unknown) =>
      fail(t('cli:report.pdfFailed', { reason: e instanceof Error ? e.message : String(e) })),
    );
  }
  console.log(t('cli:report.done', { from: report.from, to: report.to, file }));
}

/**
 * `import residents|volunteers|requests|cashbook|stock FILE`: the same calls as the wizard (preview → dry run → run), as the built-in
 * administrator. Without --mapping the columns are mapped as guessed from the header. With --json
 * the last line is one JSON object: created, updated, duplicates, rejected, rejectedRows [{ row, reason }].
 */
async function importCommand(dataDir: string, positionals: string[], values: { mapping?: string | undefined; encoding?: string | undefined; 'dry-run'?: boolean | undefined; json?: boolean | undefined }): Promise<void> {
  const [kind, file] = positionals;
  if (kind === undefined || file === undefined) fail(t('cli:import.usage'));
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) fail(t('cli:import.notYet', { kind, kinds: IMPORT_KINDS.join(', ') }));
  const encoding = values.encoding;
  if (encoding !== undefined && !(IMPORT_ENCODINGS as readonly string[]).includes(encoding)) fail(t('cli:import.encoding', { value: encoding, encodings: IMPORT_ENCODINGS.join(', ') }));
  let bytes: Uint8Array;
  try {
    bytes = readImportFile(path.resolve(file));
  } catch (e) {
    if (e instanceof ImportProblem) fail(t(`common:validation.${e.problem}`));
    fail(t('cli:import.unreadable', { file, reason: (e as Error).message }));
  }
  let given: unknown = null;
  if (values.mapping !== undefined) {
    try {
      given = JSON.parse(readFileSync(path.resolve(values.mapping), 'utf8'));
    } catch (e) {
      fail(t('cli:import.badMapping', { file: values.mapping, reason: (e as Error).message }));
    }
  }
  const core = await startCore({ dataDir, logger: consoleLogger(), work: inThreadWork() }).catch((e: unknown) => explain(e));
  await centreLanguageFrom(core);
  try {
    const actor = { actor: BUILT_IN_ADMIN };
    const source = { kind: kind as (typeof IMPORT_KINDS)[number], file: { fileName: path.basename(file), base64: Buffer.from(bytes).toString('base64'), ...(encoding ? { encoding } : {}) } };
    // A file that cannot be imported says why (its field message), not only that something needs attention.
    const refusal = (e: ApiErrorBody) => (e.fields?.[0] ? t(`common:${e.fields[0].message}`) : reason(e));
    const preview = await core.dispatch('import.preview', source, actor);
    if (!preview.ok) fail(refusal(preview.error));
    const p = preview.value as { guessed: Record<string, string>; encoding: string | null; separator: string | null; rowCount: number };
    // Amounts and words are read in the centre's language (the CLI's) unless the mapping file says.
    const mapping = given ?? { columns: p.guessed, nameOrder: 'auto', language: t.language };
    if (!values.json) console.log(t('cli:import.read', { count: p.rowCount, encoding: p.encoding ?? 'xlsx', separator: p.separator === '\t' ? 'TAB' : (p.separator ?? '—'), columns: Object.entries(p.guessed).map(([h, f]) => `${h} → ${f}`).join(', ') }));
    const answer = await core.dispatch(values['dry-run'] ? 'import.dryRun' : 'import.run', { ...source, mapping }, actor);
    if (!answer.ok) fail(refusal(answer.error));
    const r = answer.value as { created: number; updated: number; duplicates: number; rejected: number; rows: { row: number; outcome: string; reason: string | null; column: string | null; text?: string | null }[] };
    const why = (x: { reason: string | null; column: string | null; text?: string | null }) => [x.column, x.reason ? t(`common:${x.reason}`, x.text != null ? { text: x.text } : {}) : ''].filter(Boolean).join(': ');
    const rejectedRows = r.rows.filter((x) => x.outcome === 'rejected').map((x) => ({ row: x.row, reason: why(x) }));
    if (values.json) {
      console.log(JSON.stringify({ dryRun: values['dry-run'] === true, created: r.created, updated: r.updated, duplicates: r.duplicates, rejected: r.rejected, rejectedRows }));
    } else {
      for (const x of r.rows) if (x.outcome === 'rejected' || x.outcome === 'duplicate') console.log(t('cli:import.row', { row: x.row, reason: why(x) || x.outcome }));
      console.log(t(values['dry-run'] ? 'cli:import.dryRunDone' : 'cli:import.done', { created: r.created, updated: r.updated, duplicates: r.duplicates, rejected: r.rejected }));
    }
    if (r.rejected > 0) process.exitCode = 2;
  } finally {
    await core.close();
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  fail(t('cli:unexpected', { message: e instanceof Error ? e.message : String(e) }));
});
