/**
 * `npm run check:i18n`: checks shared/i18n/locales/<lng>/<namespace>.json in every language against
 * English (rules in scripts/i18n-check.lib.ts), and that every language has the keys the code relies
 * on: common:errors.<code> for each error code, and each validation key that shared/, electron/ or
 * renderer/ names (scripts/i18n-usage.ts; not with --locales, which checks other files). Exit 1 on
 * any error; warnings (possibly untranslated text) are printed but do not fail unless --strict is given.
 *
 *   tsx scripts/check-i18n.ts [--locales <dir>] [--strict] [--verbose]
 *
 * --strict fails on warnings too; --verbose prints every warning (by default the first
 * MAX_WARNINGS and a count per file).
 *
 * The allow-list of texts that may equal English is <locales>/../same-as-english.json (a JSON array
 * of "namespace:key" strings); a missing file counts as an empty list.
 *
 * The glossary is <locales>/../GLOSSARY.md: its ```glossary block names each language's one word per
 * concept and the variants it bans; a value that uses a banned variant is an error (no file: no check).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LANGUAGES } from '../shared/domain/settings';
import { checkGlossary, checkLocales, checkUsage, parseGlossary, type GlossaryEntry, type Locales } from './i18n-check.lib';
import { collectUsage } from './i18n-usage';

const SOURCE = 'en';
const MAX_WARNINGS = 20;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function main(): number {
  const { values } = parseArgs({
    options: {
      locales: { type: 'string' },
      strict: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const dir = path.resolve(values.locales ?? path.join(root, 'shared', 'i18n', 'locales'));
  const shown = path.relative(process.cwd(), dir) || '.';
  const sourceDir = path.join(dir, SOURCE);

  if (!existsSync(sourceDir) || !statSync(sourceDir).isDirectory()) {
    console.error(
      `i18n check failed: no ${SOURCE} locale folder at ${path.join(shown, SOURCE)}. ` +
        `English is the source language: add ${path.join(shown, SOURCE, '<namespace>.json')} first.`,
    );
    return 1;
  }

  const problems: string[] = [];
  const locales: Locales = {};
  for (const lng of readdirSync(dir).sort()) {
    const lngDir = path.join(dir, lng);
    if (!statSync(lngDir).isDirectory()) continue;
    const files: Record<string, unknown> = {};
    for (const name of readdirSync(lngDir).sort()) {
      if (!name.endsWith('.json')) {
        problems.push(`${lng}/${name}: not a .json file`);
        continue;
      }
      try {
        files[name.slice(0, -'.json'.length)] = JSON.parse(readFileSync(path.join(lngDir, name), 'utf8'));
      } catch (e) {
        problems.push(`${lng}/${name}: invalid JSON (${(e as Error).message})`);
      }
    }
    locales[lng] = files;
  }

  const allowListFile = path.join(dir, '..', 'same-as-english.json');
  let sameAsEnglish: string[] = [];
  if (existsSync(allowListFile)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(allowListFile, 'utf8'));
      if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) throw new Error('expected an array of "namespace:key" strings');
      sameAsEnglish = parsed;
    } catch (e) {
      problems.push(`${path.relative(process.cwd(), allowListFile)}: ${(e as Error).message}`);
    }
  }

  // The glossary (<locales>/../GLOSSARY.md): a banned variant of a term in its language is an error.
  const glossaryFile = path.join(dir, '..', 'GLOSSARY.md');
  let glossary: GlossaryEntry[] = [];
  if (existsSync(glossaryFile)) {
    try {
      glossary = parseGlossary(readFileSync(glossaryFile, 'utf8'));
    } catch (e) {
      problems.push(`${path.relative(process.cwd(), glossaryFile)}: ${(e as Error).message}`);
    }
  }

  const result = checkLocales(locales, { source: SOURCE, languages: LANGUAGES, sameAsEnglish });
  const banned = checkGlossary(locales, glossary);
  // The keys the code relies on: every error code, every validation key the source files name.
  const used = values.locales === undefined ? checkUsage(locales, collectUsage(root), [SOURCE, ...LANGUAGES.filter((l) => l !== SOURCE)]) : [];
  const errors = [...problems, ...result.errors.map((p) => p.message), ...used.map((p) => p.message), ...banned.map((p) => p.message)];
  const warnings = result.warnings.map((p) => p.message);

  if (warnings.length) {
    const shownWarnings = values.verbose ? warnings : warnings.slice(0, MAX_WARNINGS);
    console.warn(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}:`);
    for (const w of shownWarnings) console.warn(`  warning: ${w}`);
    if (shownWarnings.length < warnings.length) {
      const perFile = new Map<string, number>();
      for (const p of result.warnings) {
        const file = p.ns ? `${p.lng}/${p.ns}.json` : p.lng;
        perFile.set(file, (perFile.get(file) ?? 0) + 1);
      }
      console.warn(`  … ${warnings.length - shownWarnings.length} more (--verbose shows them all). Per file:`);
      console.warn(`  ${[...perFile].map(([file, n]) => `${file} ${n}`).join(', ')}`);
    }
  }
  if (errors.length || (values.strict && warnings.length)) {
    console.error(`i18n check failed: ${errors.length} problem${errors.length === 1 ? '' : 's'} in ${shown}`);
    for (const e of errors) console.error(`  ${e}`);
    if (!errors.length) console.error('  (--strict: warnings count as problems)');
    return 1;
  }
  console.log(
    `i18n OK: ${result.languages} languages, ${result.namespaces} namespaces, ${result.keys} keys` +
      (warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'})` : ''),
  );
  return 0;
}

process.exitCode = main();
