/**
 * Reading an import's file from disk (the command line; the desktop app reads it the same way
 * before sending its bytes). A file that Excel or LibreOffice has open is refused with a reason
 * (`importLocked`): Windows refuses to read it (EBUSY / EPERM), and on every system the program
 * leaves its owner file beside it ("~$list.xlsx", ".~lock.list.csv#").
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ImportProblem } from './read/problems';

export function lockFilesOf(file: string): string[] {
  const dir = path.dirname(file);
  const base = path.basename(file);
  // Excel's owner file keeps the name's end when it is long: "~$" and the name without its first two characters.
  return [path.join(dir, `~$${base}`), path.join(dir, `~$${base.slice(2)}`), path.join(dir, `.~lock.${base}#`)];
}

/** The bytes of a file to import, or the reason it cannot be read. */
export function readImportFile(file: string): Uint8Array {
  if (lockFilesOf(file).some((f) => existsSync(f))) throw new ImportProblem('importLocked');
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') throw new ImportProblem('importLocked');
    if (code === 'EISDIR') throw new ImportProblem('importWrongKind');
    throw e;
  }
}
