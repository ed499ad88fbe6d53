/**
 * The command line's PDF of the results report: the self-contained HTML page of reports.export.ts
 * printed by the machine's headless Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH).
 * Nothing is downloaded: without a Chromium the caller refuses with a translated sentence.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium to print with: CHROMIUM_PATH when set (and runnable), else the first known binary; null when none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const runnable = (file: string) => {
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  };
  if (env.CHROMIUM_PATH) return runnable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return CANDIDATES.find(runnable) ?? null;
}

/** Prints the HTML to `outFile` (A4, the page's @page rule) and returns the milliseconds it took. */
export async function printHtmlToPdf(chromium: string, html: string, outFile: string): Promise<number> {
  const started = performance.now();
  const dir = mkdtempSync(path.join(tmpdir(), 'hearth-report-'));
  try {
    const page = path.join(dir, 'report.html');
    writeFileSync(page, html, 'utf8');
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${outFile}`,
      pathToFileURL(page).href,
    ];
    await new Promise<void>((resolve, reject) => {
      execFile(chromium, args, { timeout: 60_000 }, (error, _stdout, stderr) => {
        if (error) reject(new Error(`${path.basename(chromium)}: ${error.message}${stderr ? `\n${String(stderr).slice(-500)}` : ''}`));
        else resolve();
      });
    });
    if (statSync(outFile).size === 0) throw new Error('Chromium wrote an empty PDF');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return performance.now() - started;
}
