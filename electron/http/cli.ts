/**
 * `npm run hearth -- <command>`: the command line for people and scripts. It lives beside the HTTP
 * host because both are plain-Node hosts of the same core (no Electron).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startCore, DATABASE_FILE } from '../core/start';
import { resolveDataDir } from '../core/paths';
import { consoleLogger } from '../core/logger';
import { DatabaseFromFutureError } from '../core/db/migrate';
import { BUILT_IN_ADMIN } from '../core/context';
import { startHttpHost } from './server';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIST = path.join(ROOT, 'dist', 'renderer');

const HELP = `Hearth — the desk of a community help centre

Usage: npm run hearth -- <command> [options]

Commands:
  serve [--port N] [--data-dir DIR]   Start browser mode on 127.0.0.1 and print the URL to open
  demo --data-dir DIR [--centre NAME] [--language en|ru|uk|pl|el]
                                      Create a database filled with demo data
  migrate [--data-dir DIR]            Bring the database up to the current schema
  info [--data-dir DIR]               Show the data folder, schema version and counts
  help                                Show this text

The data folder is --data-dir, else $HEARTH_DATA_DIR, else the per-user data folder of the OS.
`;

function fail(message: string): never {
  console.error(`hearth: ${message}`);
  process.exit(1);
}

async function open(dataDir: string) {
  try {
    return await startCore({ dataDir, logger: consoleLogger() });
  } catch (e) {
    if (e instanceof DatabaseFromFutureError) fail(`${e.message} Update Hearth to open it; the file was not changed.`);
    throw e;
  }
}

async function main(argv: string[]): Promise<void> {
  const [command = 'help', ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      centre: { type: 'string' },
      language: { type: 'string' },
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
      const core = await open(dataDir);
      const host = await startHttpHost({ core, staticDir: RENDERER_DIST, port });
      console.log(`Hearth data folder: ${dataDir}`);
      console.log(`Hearth is running. Open this address in your browser: ${host.openUrl}`);
      const stop = async () => {
        await host.close();
        await core.close();
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
        { centreName: values.centre ?? 'Центр помощи жителям Сылвы', country: 'RU', currency: 'RUB', language, demo: true },
        { actor: BUILT_IN_ADMIN },
      );
      if (!result.ok) fail(`${result.error.code}: ${result.error.message}`);
      const counts = await core.dispatch('app.counts', {}, { actor: BUILT_IN_ADMIN });
      await core.close();
      console.log(`Demo database created in ${dataDir}`);
      if (counts.ok) console.log(JSON.stringify(counts.value));
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
