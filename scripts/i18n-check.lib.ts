/**
 * Pure checks for the locale files (ARCHITECTURE.md, i18n). No file system here: scripts/check-i18n.ts
 * reads shared/i18n/locales/<lng>/<namespace>.json and hands the parsed JSON to `checkLocales`.
 *
 * English is the source. For every other language, in every namespace:
 * - the same keys as English, no more, no fewer (plural keys compared by their base key);
 * - every plural key has exactly the categories `Intl.PluralRules(lng)` lists for that language.
 *   `_zero` is an optional extra in every language (i18next uses it for count === 0 whatever the
 *   language's rules); when English has one and a translation does not, that is a warning;
 * - a plural form whose category covers several numbers (ru `_one`: 1, 21, 31, …) shows {{count}};
 * - values are non-empty strings; the {{variables}} are the ones English uses; `$t(key)` nesting
 *   points at a key that exists;
 * - a value identical to English is a warning ("possibly untranslated") unless it has no letters
 *   or "ns:key" is on the allow-list (shared/i18n/same-as-english.json).
 */

import { fold } from '../shared/domain/text';

/** Parsed namespace files of one language: namespace → JSON. */
export type LanguageFiles = Record<string, unknown>;
/** Every language: lng → namespace → JSON. */
export type Locales = Record<string, LanguageFiles>;

export interface I18nProblem {
  level: 'error' | 'warning';
  lng: string;
  /** Namespace, or '' for a problem with a whole language. */
  ns: string;
  key?: string;
  /** The full line to print, e.g. "ru/common.json: missing key nav.title". */
  message: string;
}

export interface CheckOptions {
  /** The source language; default 'en'. */
  source?: string;
  /** Languages that must be present; the check also covers any other language it is given. */
  languages?: readonly string[];
  /** "ns:key" entries allowed to equal English (a plural may be listed by its base key). */
  sameAsEnglish?: Iterable<string>;
}

export interface CheckResult {
  errors: I18nProblem[];
  warnings: I18nProblem[];
  /** Number of languages checked, of English namespaces, and of English keys (a plural counts once). */
  languages: number;
  namespaces: number;
  keys: number;
}

export const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_SUFFIXES)[number];
const PLURAL_KEY = /^(.+?)_(ordinal_)?(zero|one|two|few|many|other)$/;

type PluralType = 'cardinal' | 'ordinal';

interface PluralGroup {
  type: PluralType;
  /** Category → [full key, value]. */
  forms: Map<PluralCategory, { key: string; value: string }>;
}

/** One namespace file, flattened and sorted into plain keys and plural groups. */
interface Namespace {
  plain: Map<string, string>;
  /** Keyed by logical id: the base key, plus " (ordinal)" for ordinal plurals. */
  plurals: Map<string, PluralGroup & { base: string }>;
  /** Every flat key with a string value (plain keys and plural forms). */
  all: Map<string, string>;
  /** Keys present with an invalid value (already reported; not reported again as missing). */
  invalid: Set<string>;
}

// ---------------------------------------------------------------------------------------------
// Helpers, exported for the tests
// ---------------------------------------------------------------------------------------------

/** The {{variables}} of a value: `{{name}}`, `{{- html}}`, `{{count, number}}` → name, html, count. */
export function interpolationVariables(value: string): Set<string> {
  const names = new Set<string>();
  for (const match of value.matchAll(/\{\{\s*(?:-\s*)?([^,}]+?)\s*(?:,[^}]*)?\}\}/g)) names.add(match[1]!);
  return names;
}

/** The keys referenced with `$t(key)` or `$t(key, { … })`, as written (maybe "ns:key"). */
export function nestingReferences(value: string): string[] {
  const refs: string[] = [];
  for (const match of value.matchAll(/\$t\(\s*([^,)]+?)\s*[,)]/g)) refs.push(match[1]!.replace(/^(['"])(.*)\1$/, '$2'));
  return refs;
}

/** True when the value has a letter outside its {{variables}} and $t(…) references. */
export function hasLetters(value: string): boolean {
  return /\p{L}/u.test(value.replace(/\{\{[^}]*\}\}/g, '').replace(/\$t\([^)]*\)/g, ''));
}

/** The plural categories a language needs, as `Intl.PluralRules` reports them (zero … other order). */
export function pluralCategories(lng: string, type: PluralType = 'cardinal'): PluralCategory[] {
  const categories = new Intl.PluralRules(lng, { type }).resolvedOptions().pluralCategories as PluralCategory[];
  return [...categories].sort((x, y) => PLURAL_SUFFIXES.indexOf(x) - PLURAL_SUFFIXES.indexOf(y));
}

/**
 * Categories that more than one whole number falls into (so their text must show {{count}}),
 * with the first few of those numbers.
 */
function sharedCategories(lng: string, type: PluralType): Map<PluralCategory, number[]> {
  const rules = new Intl.PluralRules(lng, { type });
  const seen = new Map<PluralCategory, number[]>();
  for (let n = 0; n <= 1000; n++) {
    const category = rules.select(n) as PluralCategory;
    if (!seen.has(category)) seen.set(category, []);
    seen.get(category)!.push(n);
  }
  return new Map([...seen].filter(([, numbers]) => numbers.length > 1));
}

const suffix = (type: PluralType, category: PluralCategory) => (type === 'ordinal' ? `_ordinal_${category}` : `_${category}`);
const logicalId = (base: string, type: PluralType) => (type === 'ordinal' ? `${base} (ordinal)` : base);
const list = (items: Iterable<string>) => [...items].map((v) => `{{${v}}}`).join(', ');

// ---------------------------------------------------------------------------------------------

export function checkLocales(locales: Locales, options: CheckOptions = {}): CheckResult {
  const source = options.source ?? 'en';
  const errors: I18nProblem[] = [];
  const warnings: I18nProblem[] = [];
  const report = (level: I18nProblem['level'], lng: string, ns: string, text: string, key?: string) =>
    (level === 'error' ? errors : warnings).push({
      level,
      lng,
      ns,
      ...(key === undefined ? {} : { key }),
      message: ns ? `${lng}/${ns}.json: ${text}` : `${lng}: ${text}`,
    });
  const error = (lng: string, ns: string, text: string, key?: string) => report('error', lng, ns, text, key);
  const warn = (lng: string, ns: string, text: string, key?: string) => report('warning', lng, ns, text, key);

  const required = options.languages ?? [];
  const languages = [...new Set([source, ...required, ...Object.keys(locales)])];
  const result = (namespaces = 0, keys = 0): CheckResult => ({
    errors,
    warnings,
    languages: languages.filter((lng) => locales[lng]).length,
    namespaces,
    keys,
  });

  const sourceFiles = locales[source];
  if (!sourceFiles || Object.keys(sourceFiles).length === 0) {
    error(source, '', `no ${source} locale files: ${source} is the source language, every other language is checked against it`);
    return result();
  }
  for (const lng of languages) {
    if (!locales[lng]) error(lng, '', 'locale folder missing');
    else if (!Intl.PluralRules.supportedLocalesOf(lng).length) warn(lng, '', 'Intl.PluralRules does not know this language: plural forms cannot be checked');
  }

  // Parse every file once.
  const parsed = new Map<string, Map<string, Namespace>>();
  for (const lng of languages) {
    const files = locales[lng];
    if (!files) continue;
    const byNs = new Map<string, Namespace>();
    for (const ns of Object.keys(files).sort()) {
      const file = parseNamespace(files[ns], (text, key) => error(lng, ns, text, key));
      if (file) byNs.set(ns, file);
    }
    parsed.set(lng, byNs);
  }
  const en = parsed.get(source)!;

  // Checks within each file: plural categories, {{count}}, nesting.
  for (const [lng, byNs] of parsed) {
    const shared = { cardinal: sharedCategories(lng, 'cardinal'), ordinal: sharedCategories(lng, 'ordinal') };
    for (const [ns, file] of byNs) {
      for (const key of file.plain.keys()) {
        if (file.plurals.has(key)) error(lng, ns, `key ${key} is both a plain string and a plural (${key}_…)`, key);
      }
      for (const [id, group] of file.plurals) {
        const needed = pluralCategories(lng, group.type);
        const present = [...group.forms.keys()];
        for (const category of needed) {
          if (group.forms.has(category) || file.invalid.has(group.base + suffix(group.type, category))) continue;
          error(lng, ns, `plural key ${id} is missing ${suffix(group.type, category)}`, group.base);
        }
        for (const category of present) {
          if (category === 'zero' || needed.includes(category)) continue;
          error(
            lng,
            ns,
            `plural key ${id} has ${suffix(group.type, category)}, which ${lng} does not use (${lng} needs ${needed.map((c) => suffix(group.type, c)).join(', ')})`,
            group.base,
          );
        }
        for (const [category, form] of group.forms) {
          const numbers = category === 'zero' ? undefined : shared[group.type].get(category);
          if (numbers && !interpolationVariables(form.value).has('count')) {
            const examples = `${numbers.slice(0, 3).join(', ')}, …`;
            error(lng, ns, `${form.key} is used for several numbers in ${lng} (${examples}) but does not show {{count}}`, form.key);
          }
        }
      }
      for (const [key, value] of file.all) {
        for (const ref of nestingReferences(value)) {
          const [refNs, refKey] = ref.includes(':') ? [ref.slice(0, ref.indexOf(':')), ref.slice(ref.indexOf(':') + 1)] : [ns, ref];
          const target = byNs.get(refNs);
          if (!target || !(target.plain.has(refKey) || target.plurals.has(refKey) || target.plurals.has(logicalId(refKey, 'ordinal')))) {
            error(lng, ns, `key ${key} refers to $t(${ref}), which does not exist in ${lng}`, key);
          }
        }
      }
    }
  }

  // Each translation against English.
  const allowList = new Set(options.sameAsEnglish ?? []);
  for (const [lng, byNs] of parsed) {
    if (lng === source) continue;
    for (const [ns, enFile] of en) {
      const file = byNs.get(ns);
      if (!file) {
        if (locales[lng] && !(ns in locales[lng]!)) error(lng, ns, `file missing (en/${ns}.json has ${enFile.all.size} keys)`);
        continue;
      }
      compareNamespace(lng, ns, enFile, file);
    }
    for (const ns of byNs.keys()) {
      if (!en.has(ns) && sourceFiles[ns] === undefined) error(lng, ns, `namespace not in ${source} (no ${source}/${ns}.json)`);
    }
  }

  // Allow-list entries that point nowhere.
  for (const entry of allowList) {
    const [ns, key] = entry.includes(':') ? [entry.slice(0, entry.indexOf(':')), entry.slice(entry.indexOf(':') + 1)] : ['', entry];
    const file = en.get(ns);
    if (!file || !(file.all.has(key) || file.plurals.has(key))) {
      warn(source, '', `same-as-english allow-list entry "${entry}" is not an ${source} key ("namespace:key")`);
    }
  }

  // Report file by file: languages in order, then namespaces, then as found.
  const order = (p: I18nProblem) => [languages.indexOf(p.lng), p.ns] as const;
  const byFile = (a: I18nProblem, b: I18nProblem) => {
    const [la, na] = order(a);
    const [lb, nb] = order(b);
    return la - lb || (na < nb ? -1 : na > nb ? 1 : 0);
  };
  errors.sort(byFile);
  warnings.sort(byFile);

  let keys = 0;
  for (const file of en.values()) keys += file.plain.size + file.plurals.size;
  return result(en.size, keys);

  function compareNamespace(lng: string, ns: string, enFile: Namespace, file: Namespace) {
    // Plain keys.
    for (const [key, enValue] of enFile.plain) {
      const value = file.plain.get(key);
      if (value === undefined) {
        if (file.plurals.has(key)) error(lng, ns, `key ${key} is a plural in ${lng} but a plain string in ${source}`, key);
        else if (!file.invalid.has(key)) error(lng, ns, `missing key ${key}`, key);
        continue;
      }
      compareVariables(lng, ns, key, interpolationVariables(enValue), [[key, value]]);
      sameAsSource(lng, ns, key, key, enValue, value);
    }
    for (const key of file.plain.keys()) {
      if (!enFile.plain.has(key) && !enFile.plurals.has(key)) error(lng, ns, `extra key ${key} (not in ${source})`, key);
    }

    // Plural keys: the categories were checked per language above; here the key sets and texts.
    for (const [id, enGroup] of enFile.plurals) {
      const group = file.plurals.get(id);
      if (!group) {
        if (file.plain.has(enGroup.base) && enGroup.type === 'cardinal') {
          error(lng, ns, `key ${id} is a plain string in ${lng} but a plural in ${source}`, enGroup.base);
        } else error(lng, ns, `missing plural key ${id}`, enGroup.base);
        continue;
      }
      if (enGroup.forms.has('zero') && !group.forms.has('zero')) {
        warn(lng, ns, `plural key ${id} has no ${suffix(group.type, 'zero')} (${source} has one)`, enGroup.base);
      }
      const enVariables = new Set([...enGroup.forms.values()].flatMap((f) => [...interpolationVariables(f.value)]));
      compareVariables(
        lng,
        ns,
        id,
        enVariables,
        [...group.forms.values()].map((f) => [f.key, f.value]),
        true,
      );
      for (const [category, form] of group.forms) {
        const enForm = enGroup.forms.get(category);
        if (enForm) sameAsSource(lng, ns, form.key, enGroup.base, enForm.value, form.value);
      }
    }
    for (const [id, group] of file.plurals) {
      if (!enFile.plurals.has(id) && !(group.type === 'cardinal' && enFile.plain.has(group.base))) error(lng, ns, `extra plural key ${id} (not in ${source})`, group.base);
    }
  }

  /**
   * A plain key has exactly English's variables. A plural's forms may each use a part of English's
   * variables (plus {{count}}), and together they use all of them.
   */
  function compareVariables(
    lng: string,
    ns: string,
    id: string,
    enVariables: Set<string>,
    forms: Array<[key: string, value: string]>,
    plural = false,
  ) {
    const used = new Set<string>();
    for (const [key, value] of forms) {
      const variables = interpolationVariables(value);
      const extra = [...variables].filter((v) => !enVariables.has(v) && !(plural && v === 'count'));
      if (extra.length) error(lng, ns, `${key} uses ${list(extra)}, which ${source} does not (${source} has ${list(enVariables) || 'none'})`, key);
      for (const v of variables) used.add(v);
    }
    const missing = [...enVariables].filter((v) => !used.has(v));
    if (missing.length) error(lng, ns, `${plural ? 'plural key ' : ''}${id} lacks ${list(missing)} (${source} has it)`, id);
  }

  function sameAsSource(lng: string, ns: string, key: string, base: string, enValue: string, value: string) {
    if (value !== enValue || !hasLetters(value)) return;
    if (allowList.has(`${ns}:${key}`) || allowList.has(`${ns}:${base}`)) return;
    warn(lng, ns, `${key} is the same as in ${source}: "${value}" (possibly untranslated; allow it in same-as-english.json as "${ns}:${key}")`, key);
  }
}

/** Flattens one namespace file; reports values that are not non-empty strings. */
function parseNamespace(json: unknown, problem: (text: string, key?: string) => void): Namespace | null {
  if (!isObject(json)) {
    problem('must contain a JSON object');
    return null;
  }
  const file: Namespace = { plain: new Map(), plurals: new Map(), all: new Map(), invalid: new Set() };
  const visit = (node: Record<string, unknown>, prefix: string) => {
    for (const [name, value] of Object.entries(node)) {
      const key = prefix + name;
      if (isObject(value)) {
        visit(value, `${key}.`);
        continue;
      }
      if (typeof value !== 'string') {
        problem(`value of ${key} must be a string, not ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`, key);
        file.invalid.add(key);
        continue;
      }
      if (value.trim() === '') {
        problem(`empty value for key ${key}`, key);
        file.invalid.add(key);
        continue;
      }
      file.all.set(key, value);
      const plural = PLURAL_KEY.exec(key);
      if (!plural) {
        file.plain.set(key, value);
        continue;
      }
      const [, base, ordinal, category] = plural as unknown as [string, string, string | undefined, PluralCategory];
      const type: PluralType = ordinal ? 'ordinal' : 'cardinal';
      const id = logicalId(base, type);
      let group = file.plurals.get(id);
      if (!group) file.plurals.set(id, (group = { base, type, forms: new Map() }));
      group.forms.set(category, { key, value });
    }
  };
  visit(json, '');
  return file;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------
// Keys the code uses
// ---------------------------------------------------------------------------------------------

/**
 * The validation keys a source file names, as full keys: 'validation.date' (the contract's
 * schemas and the forms; the common namespace) → common:validation.date, and
 * 'tasks:validation.hours' as written. Only whole string literals count, not a prefix such as
 * `startsWith('validation.')`.
 */
export function validationKeysIn(source: string): string[] {
  const keys = new Set<string>();
  for (const match of source.matchAll(/(['"`])(?:([a-z][A-Za-z]*):)?(validation(?:\.[A-Za-z][A-Za-z0-9]*)+)\1/g)) {
    keys.add(`${match[2] ?? 'common'}:${match[3]}`);
  }
  return [...keys];
}

export interface Usage {
  /** Every error code of the contract (ERROR_CODES): each needs common:errors.<code>. */
  errorCodes: readonly string[];
  /** Full keys ("ns:validation.x") the source files use, with where each was found. */
  keys: ReadonlyMap<string, string>;
}

/** Errors for each code or used key that a language lacks (English included). */
export function checkUsage(locales: Locales, usage: Usage, languages: readonly string[]): I18nProblem[] {
  const problems: I18nProblem[] = [];
  const has = (lng: string, ns: string, key: string) => {
    let node: unknown = locales[lng]?.[ns];
    for (const part of key.split('.')) node = isObject(node) ? node[part] : undefined;
    return typeof node === 'string' && node.trim() !== '';
  };
  const wanted: Array<[ns: string, key: string, why: string]> = [
    ...usage.errorCodes.map((code): [string, string, string] => ['common', `errors.${code}`, `error code ${code}`]),
    ...[...usage.keys].map(([full, where]): [string, string, string] => [full.slice(0, full.indexOf(':')), full.slice(full.indexOf(':') + 1), `used in ${where}`]),
  ];
  for (const lng of languages) {
    for (const [ns, key, why] of wanted) {
      if (!has(lng, ns, key)) problems.push({ level: 'error', lng, ns, key, message: `${lng}/${ns}.json: missing key ${key} (${why})` });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The glossary: banned variants of each language's terms (shared/i18n/GLOSSARY.md)
// ---------------------------------------------------------------------------------------------

/** One line of the glossary's ```glossary block: in `lng`, `concept` is called `term`; `banned` must not appear. */
export interface GlossaryEntry {
  lng: string;
  concept: string;
  term: string;
  banned: string[];
  /** Line number in the Markdown file, for messages. */
  line: number;
}

/** The concept whose banned variants are apostrophe characters, matched between two letters. */
export const APOSTROPHE_CONCEPT = 'apostrophe';

/**
 * Reads the fenced ```glossary block(s) of GLOSSARY.md. Each line: `lng | concept | term | banned; banned`.
 * Blank lines and lines starting with # are skipped; "—" or an empty fourth column means nothing banned.
 * Throws on a malformed line (the check reports it as an error).
 */
export function parseGlossary(markdown: string): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  const lines = markdown.split(/\r?\n/);
  let inBlock = false;
  let blocks = 0;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!inBlock && /^```glossary\s*$/.test(line)) {
      inBlock = true;
      blocks++;
      return;
    }
    if (inBlock && line.startsWith('```')) {
      inBlock = false;
      return;
    }
    if (!inBlock || line === '' || line.startsWith('#')) return;
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length !== 4 || !cells[0] || !cells[1] || !cells[2]) {
      throw new Error(`line ${index + 1}: expected "lng | concept | term | banned; banned", got "${line}"`);
    }
    const banned = cells[3] === '—' || cells[3] === '-' ? [] : cells[3]!.split(';').map((b) => b.trim()).filter((b) => b !== '');
    entries.push({ lng: cells[0]!, concept: cells[1]!, term: cells[2]!, banned, line: index + 1 });
  });
  if (inBlock) throw new Error('the ```glossary block is not closed');
  if (blocks === 0) throw new Error('no ```glossary block');
  return entries;
}

/**
 * A matcher for one banned variant. Words are compared folded (shared/domain/text.ts `fold`: case,
 * Greek and Latin accents, ё/е, and every kind of apostrophe, so Ukrainian ' and ’ are alike). A word
 * ending in * matches any ending (a stem: «опек*» finds «опекой», not «попечение», because a match
 * must start at a word's start); several words must follow each other (pl «stał* opiek*»).
 */
export function bannedMatcher(variant: string): RegExp {
  const words = fold(variant).split(/\s+/).filter((w) => w !== '');
  const pattern = words
    .map((w) => {
      const stem = w.endsWith('*');
      const escaped = (stem ? w.slice(0, -1) : w).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      return stem ? `${escaped}[\\p{L}\\p{N}]*` : escaped;
    })
    .join('[^\\p{L}\\p{N}]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'u');
}

/** Errors for every value of a language that uses a variant its glossary bans. */
export function checkGlossary(locales: Locales, glossary: readonly GlossaryEntry[]): I18nProblem[] {
  const problems: I18nProblem[] = [];
  const byLanguage = new Map<string, Array<{ entry: GlossaryEntry; variant: string; test: (value: string) => boolean }>>();
  for (const entry of glossary) {
    for (const variant of entry.banned) {
      let test: (value: string) => boolean;
      if (entry.concept === APOSTROPHE_CONCEPT) {
        const char = new RegExp(`\\p{L}[${variant.replace(/[\\\]^-]/g, '\\$&')}]\\p{L}`, 'u');
        test = (value) => char.test(value.normalize('NFC'));
      } else {
        const re = bannedMatcher(variant);
        test = (value) => re.test(fold(value));
      }
      const list = byLanguage.get(entry.lng) ?? [];
      list.push({ entry, variant, test });
      byLanguage.set(entry.lng, list);
    }
  }
  for (const [lng, rules] of byLanguage) {
    const files = locales[lng];
    if (!files) continue;
    for (const [ns, json] of Object.entries(files)) {
      const values: Array<[string, string]> = [];
      const visit = (node: unknown, prefix: string) => {
        if (typeof node === 'string') values.push([prefix, node]);
        else if (isObject(node)) for (const [k, v] of Object.entries(node)) visit(v, prefix ? `${prefix}.${k}` : k);
      };
      visit(json, '');
      for (const [key, value] of values) {
        for (const { entry, variant, test } of rules) {
          if (!test(value)) continue;
          problems.push({
            level: 'error',
            lng,
            ns,
            key,
            message: `${lng}/${ns}.json: ${key} uses «${variant}», which the glossary bans for "${entry.concept}" (write «${entry.term}»; GLOSSARY.md line ${entry.line})`,
          });
        }
      }
    }
  }
  return problems;
}
