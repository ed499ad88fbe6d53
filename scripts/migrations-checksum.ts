/**
 * `npm run migrations:checksum`: prints the migrations/CHECKSUMS line of each migration file that
 * has none yet (a new migration), ready to add to the list:
 *
 *   npm run -s migrations:checksum >> migrations/CHECKSUMS
 *
 * Exit 1, with the reason on stderr, when a listed file was changed or is gone: committed
 * migrations are frozen (scripts/migration-checksums.lib.ts, migrations/checksums.test.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { actualChecksums, CHECKSUMS_FILE, checksumLine, compareChecksums, parseChecksums, problemsMessage } from './migration-checksums.lib';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

function main(): number {
  const listFile = path.join(dir, CHECKSUMS_FILE);
  const listed = existsSync(listFile) ? parseChecksums(readFileSync(listFile, 'utf8')) : new Map<string, string>();
  const actual = actualChecksums(dir);
  const problems = compareChecksums(listed, actual);
  for (const f of problems.unlisted) console.log(checksumLine(f, actual.get(f) ?? ''));
  if (problems.changed.length + problems.gone.length > 0) {
    console.error(problemsMessage({ ...problems, unlisted: [] }, actual));
    return 1;
  }
  if (problems.unlisted.length === 0) console.error('Every migration file has its line in migrations/CHECKSUMS.');
  return 0;
}

process.exitCode = main();
