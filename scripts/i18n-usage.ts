/**
 * The translation keys the code relies on, read from the source files (scripts/check-i18n.ts and
 * its test): every error code of the contract, and every validation key named in shared/ (the
 * contract's schemas), electron/ (the core's own refusals) and renderer/ (the forms' checks).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ERROR_CODES } from '../shared/api/errors';
import { validationKeysIn, type Usage } from './i18n-check.lib';

export const SOURCE_FOLDERS = ['shared', 'electron', 'renderer'] as const;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'e2e' && !entry.name.startsWith('.')) out.push(...sourceFiles(file));
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      out.push(file);
    }
  }
  return out.sort();
}

/** The error codes and the validation keys (each with the first file that names it). */
export function collectUsage(root: string, folders: readonly string[] = SOURCE_FOLDERS): Usage {
  const keys = new Map<string, string>();
  for (const folder of folders) {
    for (const file of sourceFiles(path.join(root, folder))) {
      for (const key of validationKeysIn(readFileSync(file, 'utf8'))) if (!keys.has(key)) keys.set(key, path.relative(root, file));
    }
  }
  return { errorCodes: ERROR_CODES, keys };
}
