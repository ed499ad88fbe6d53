import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is renderer/e2e/paths.ts). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Screenshots kept by CI: artifacts/ at the repository root. */
export function artifactPath(name: string): string {
  const dir = path.join(ROOT, 'artifacts');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
