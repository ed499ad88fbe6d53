/**
 * Committed migrations are frozen. migrations/CHECKSUMS lists the SHA-256 of every migration file,
 * one line per file in sha256sum's format (`<sha256>  <file name>`, sorted by name), so that
 * `cd migrations && sha256sum -c CHECKSUMS` checks them too. migrations/checksums.test.ts fails when
 * a file is not listed, was changed, or is listed but gone; `npm run migrations:checksum`
 * (scripts/migrations-checksum.ts) prints the line of a new file.
 *
 * The hash is of the bytes on disk, which are the bytes as committed: .gitattributes keeps
 * `migrations/*.ts` at LF line endings, so a Windows checkout (core.autocrlf) does not change them.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const CHECKSUMS_FILE = 'CHECKSUMS';

/** The migration steps of a folder: every .ts file but the registry, tests and declarations. */
export function migrationFileNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .sort();
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The hash of each migration file of a folder, by file name. */
export function actualChecksums(dir: string): Map<string, string> {
  return new Map(migrationFileNames(dir).map((f) => [f, sha256(readFileSync(path.join(dir, f)))]));
}

export function checksumLine(file: string, hash: string): string {
  return `${hash}  ${file}`;
}

const LINE = /^([0-9a-f]{64}) [ *]([^\s/\\]+)$/;

/** The lines of a CHECKSUMS text, by file name; throws on a line that is not `<sha256>  <file>`. */
export function parseChecksums(text: string): Map<string, string> {
  const out = new Map<string, string>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const m = LINE.exec(line);
    if (!m) throw new Error(`${CHECKSUMS_FILE} line ${i + 1} is not "<sha256>  <file name>": ${JSON.stringify(line)}`);
    const [, hash, file] = m as unknown as [string, string, string];
    if (out.has(file)) throw new Error(`${CHECKSUMS_FILE} lists ${file} twice`);
    out.set(file, hash);
  });
  return out;
}

export interface ChecksumProblems {
  /** Migration files without a line: new ones (add the line) or ones added without it. */
  unlisted: string[];
  /** Listed files whose bytes differ from the recorded hash: edited after they were committed. */
  changed: string[];
  /** Listed files that no longer exist: removed or renamed. */
  gone: string[];
}

export function compareChecksums(listed: ReadonlyMap<string, string>, actual: ReadonlyMap<string, string>): ChecksumProblems {
  return {
    unlisted: [...actual.keys()].filter((f) => !listed.has(f)).sort(),
    changed: [...actual].filter(([f, hash]) => listed.has(f) && listed.get(f) !== hash).map(([f]) => f).sort(),
    gone: [...listed.keys()].filter((f) => !actual.has(f)).sort(),
  };
}

export function hasProblems(p: ChecksumProblems): boolean {
  return p.unlisted.length + p.changed.length + p.gone.length > 0;
}

/** What the engineer reads when the check fails: what is wrong and what to do. */
export function problemsMessage(p: ChecksumProblems, actual: ReadonlyMap<string, string>): string {
  const lines = ['Committed migrations are frozen: migrations/CHECKSUMS does not match the migration files.'];
  for (const f of p.changed) lines.push(`- ${f} was changed after it was committed.`);
  for (const f of p.gone) lines.push(`- ${f} is listed but no longer exists (removed or renamed).`);
  for (const f of p.unlisted) lines.push(`- ${f} has no line in migrations/CHECKSUMS.`);
  if (p.changed.length + p.gone.length > 0) {
    lines.push(
      'A database that already ran a migration never runs it again, so an edit would reach only new installs.',
      'Restore the committed file (git checkout <last commit> -- migrations/<file>) and add a NEW migration',
      '(YYYYMMDD_HHMM_name.ts, registered at the end of migrations/index.ts) that makes the change instead.',
    );
  }
  if (p.unlisted.length > 0) {
    lines.push(
      'A NEW migration adds its line to migrations/CHECKSUMS (sorted, like sha256sum prints it):',
      '  npm run migrations:checksum        (prints the line of each unlisted file)',
      '  or: cd migrations && sha256sum <file>',
      'The line for the file as it is now:',
      ...p.unlisted.map((f) => `  ${checksumLine(f, actual.get(f) ?? '')}`),
    );
  }
  return lines.join('\n');
}
