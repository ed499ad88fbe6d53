import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LANGUAGES as APP_LANGUAGES } from '../shared/domain/settings';
import { ERROR_CODES } from '../shared/api/errors';
import {
  bannedMatcher,
  checkGlossary,
  checkLocales,
  checkUsage,
  parseGlossary,
  validationKeysIn,
  hasLetters,
  interpolationVariables,
  nestingReferences,
  pluralCategories,
  type CheckOptions,
  type Locales,
} from './i18n-check.lib';
import { collectUsage } from './i18n-usage';
import { fold } from '../shared/domain/text';

const LANGUAGES = ['en', 'ru', 'uk', 'pl', 'el'] as const;

/** Five languages that pass: every key, every plural form each language needs. */
function good(): Locales {
  const common = (texts: {
    title: string;
    hello: string;
    save: string;
    more: string;
    count: Record<string, string>;
  }) => ({
    app: { name: 'Hearth' },
    frontDesk: { title: texts.title },
    hello: texts.hello,
    save: texts.save,
    more: texts.more,
    dot: '·',
    requests: Object.fromEntries(Object.entries(texts.count).map(([category, text]) => [`count_${category}`, text])),
  });
  const requests = (title: string) => ({ title, back: '$t(common:save)' });
  return {
    en: {
      common: common({
        title: 'Front desk',
        hello: 'Hello, {{name}}',
        save: 'Save',
        more: '$t(save) and more',
        count: { one: 'One request', other: '{{count}} requests' },
      }),
      requests: requests('Requests'),
    },
    ru: {
      common: common({
        title: 'Приёмная',
        hello: 'Здравствуйте, {{name}}',
        save: 'Сохранить',
        more: '$t(save) и ещё',
        count: { one: '{{count}} заявка', few: '{{count}} заявки', many: '{{count}} заявок', other: '{{count}} заявки' },
      }),
      requests: requests('Заявки'),
    },
    uk: {
      common: common({
        title: 'Приймальня',
        hello: 'Вітаємо, {{name}}',
        save: 'Зберегти',
        more: '$t(save) і ще',
        count: { one: '{{count}} заявка', few: '{{count}} заявки', many: '{{count}} заявок', other: '{{count}} заявки' },
      }),
      requests: requests('Заявки'),
    },
    pl: {
      common: common({
        title: 'Recepcja',
        hello: 'Dzień dobry, {{name}}',
        save: 'Zapisz',
        more: '$t(save) i więcej',
        count: { one: '{{count}} prośba', few: '{{count}} prośby', many: '{{count}} próśb', other: '{{count}} prośby' },
      }),
      requests: requests('Prośby'),
    },
    el: {
      common: common({
        title: 'Υποδοχή',
        hello: 'Γεια σας, {{name}}',
        save: 'Αποθήκευση',
        more: '$t(save) και άλλα',
        count: { one: 'Ένα αίτημα', other: '{{count}} αιτήματα' },
      }),
      requests: requests('Αιτήματα'),
    },
  };
}

const options: CheckOptions = { languages: LANGUAGES, sameAsEnglish: ['common:app.name'] };
const check = (locales: Locales, extra: CheckOptions = {}) => checkLocales(locales, { ...options, ...extra });
const errors = (locales: Locales, extra: CheckOptions = {}) => check(locales, extra).errors.map((p) => p.message);
const warnings = (locales: Locales, extra: CheckOptions = {}) => check(locales, extra).warnings.map((p) => p.message);

/** The JSON object of one namespace file, to edit in a test (loosely typed: it is JSON). */
const file = (locales: Locales, lng: string, ns: string) => locales[lng]![ns] as Record<string, any>;

describe('checkLocales', () => {
  it('accepts five complete languages', () => {
    const result = check(good());
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    // common: app.name, frontDesk.title, hello, save, more, dot, requests.count; requests: title, back.
    expect(result).toMatchObject({ languages: 5, namespaces: 2, keys: 9 });
  });

  it('reports a key missing from a translation', () => {
    const locales = good();
    delete file(locales, 'ru', 'common').frontDesk.title;
    expect(errors(locales)).toEqual(['ru/common.json: missing key frontDesk.title']);
  });

  it('reports a key that English does not have', () => {
    const locales = good();
    file(locales, 'pl', 'common').frontDesk.subtitle = 'Podtytuł';
    expect(errors(locales)).toEqual(['pl/common.json: extra key frontDesk.subtitle (not in en)']);
  });

  it('reports a missing plural form in Russian', () => {
    const locales = good();
    delete file(locales, 'ru', 'common').requests.count_few;
    expect(errors(locales)).toEqual(['ru/common.json: plural key requests.count is missing _few']);
  });

  it('reports a plural form that English does not use', () => {
    const locales = good();
    file(locales, 'en', 'common').requests.count_few = '{{count}} requests';
    expect(errors(locales)).toEqual([
      'en/common.json: plural key requests.count has _few, which en does not use (en needs _one, _other)',
    ]);
  });

  it('reports a plural form that Greek does not use, and one missing from Polish', () => {
    const locales = good();
    file(locales, 'el', 'common').requests.count_many = '{{count}} αιτήματα';
    delete file(locales, 'pl', 'common').requests.count_many;
    expect(errors(locales)).toEqual([
      'pl/common.json: plural key requests.count is missing _many',
      'el/common.json: plural key requests.count has _many, which el does not use (el needs _one, _other)',
    ]);
  });

  it('allows _zero in any language; warns when English has it and a translation does not', () => {
    const locales = good();
    file(locales, 'ru', 'common').requests.count_zero = 'Заявок нет';
    expect(errors(locales)).toEqual([]);
    expect(warnings(locales)).toEqual([]);
    file(locales, 'en', 'common').requests.count_zero = 'No requests';
    expect(errors(locales)).toEqual([]);
    expect(warnings(locales)).toEqual([
      'uk/common.json: plural key requests.count has no _zero (en has one)',
      'pl/common.json: plural key requests.count has no _zero (en has one)',
      'el/common.json: plural key requests.count has no _zero (en has one)',
    ]);
  });

  it('reports a form used for several numbers that does not show {{count}} (ru _one is 1, 21, 31…)', () => {
    const locales = good();
    file(locales, 'ru', 'common').requests.count_one = 'Одна заявка';
    expect(errors(locales)).toEqual([
      'ru/common.json: requests.count_one is used for several numbers in ru (1, 21, 31, …) but does not show {{count}}',
    ]);
  });

  it('reports interpolation variables that differ from English', () => {
    const locales = good();
    file(locales, 'uk', 'common').hello = 'Вітаємо, {{nmae}}';
    file(locales, 'el', 'common').hello = 'Γεια σας';
    expect(errors(locales)).toEqual([
      'uk/common.json: hello uses {{nmae}}, which en does not (en has {{name}})',
      'uk/common.json: hello lacks {{name}} (en has it)',
      'el/common.json: hello lacks {{name}} (en has it)',
    ]);
  });

  it('compares the variables of a plural over all its forms', () => {
    const locales = good();
    file(locales, 'pl', 'common').requests.count_few = '{{count}} prośby od {{name}}';
    expect(errors(locales)).toEqual(['pl/common.json: requests.count_few uses {{name}}, which en does not (en has {{count}})']);
  });

  it('reports empty and non-string values', () => {
    const locales = good();
    file(locales, 'ru', 'common').frontDesk.title = '  ';
    file(locales, 'el', 'requests').title = 42;
    expect(errors(locales)).toEqual([
      'ru/common.json: empty value for key frontDesk.title',
      'el/requests.json: value of title must be a string, not number',
    ]);
  });

  it('reports an empty English value', () => {
    const locales = good();
    file(locales, 'en', 'common').save = '';
    expect(errors(locales)).toContain('en/common.json: empty value for key save');
  });

  it('reports $t() references to keys that do not exist', () => {
    const locales = good();
    file(locales, 'ru', 'common').more = '$t(sav) и ещё';
    file(locales, 'pl', 'requests').back = '$t(common:nope)';
    expect(errors(locales)).toEqual([
      'ru/common.json: key more refers to $t(sav), which does not exist in ru',
      'pl/requests.json: key back refers to $t(common:nope), which does not exist in pl',
    ]);
  });

  it('accepts $t() references to a plural key by its base', () => {
    const locales = good();
    for (const lng of LANGUAGES) file(locales, lng, 'requests').title = '$t(common:requests.count, {"count": {{count}} })';
    // The nested count is a variable of the outer text, the same in every language.
    expect(errors(locales)).toEqual([]);
  });

  it('warns about a translation identical to English, unless allowed or without letters', () => {
    const locales = good();
    file(locales, 'el', 'common').save = 'Save';
    expect(errors(locales)).toEqual([]);
    expect(warnings(locales)).toEqual([
      'el/common.json: save is the same as in en: "Save" (possibly untranslated; allow it in same-as-english.json as "common:save")',
    ]);
    expect(warnings(locales, { sameAsEnglish: ['common:app.name', 'common:save'] })).toEqual([]);
    // app.name ("Hearth") is the same everywhere but allowed; dot ("·") has no letters.
    expect(warnings(locales, { sameAsEnglish: [] }).filter((w) => w.includes('app.name'))).toHaveLength(4);
    expect(warnings(locales).some((w) => w.includes(' dot '))).toBe(false);
  });

  it('warns about allow-list entries that are not English keys', () => {
    expect(warnings(good(), { sameAsEnglish: ['common:app.name', 'common:gone'] })).toEqual([
      'en: same-as-english allow-list entry "common:gone" is not an en key ("namespace:key")',
    ]);
  });

  it('reports missing and extra namespace files', () => {
    const locales = good();
    delete locales.uk!.requests;
    locales.el!.extra = { a: 'α' };
    expect(errors(locales)).toEqual([
      'uk/requests.json: file missing (en/requests.json has 2 keys)',
      'el/extra.json: namespace not in en (no en/extra.json)',
    ]);
  });

  it('reports a plural in one language that is a plain string in English', () => {
    const locales = good();
    const ru = file(locales, 'ru', 'common');
    delete ru.save;
    Object.assign(ru, { save_one: '{{count}}', save_few: '{{count}}', save_many: '{{count}}', save_other: '{{count}}' });
    expect(errors(locales)).toEqual(['ru/common.json: key save is a plural in ru but a plain string in en']);
  });

  it('reports missing language folders, and a missing English folder before anything else', () => {
    const locales = good();
    delete locales.pl;
    expect(errors(locales)).toEqual(['pl: locale folder missing']);
    delete locales.en;
    expect(errors(locales)).toEqual(['en: no en locale files: en is the source language, every other language is checked against it']);
  });
});

describe('helpers', () => {
  it('reads interpolation variables in every i18next form', () => {
    expect([...interpolationVariables('{{name}} has {{ count, number }} ({{- html}}) {{a.b}}')]).toEqual(['name', 'count', 'html', 'a.b']);
    expect([...interpolationVariables('no variables, {single} braces')]).toEqual([]);
  });

  it('reads $t() references', () => {
    expect(nestingReferences('$t(a.b) and $t(common:c, {"count": {{count}} })')).toEqual(['a.b', 'common:c']);
  });

  it('computes plural categories from Intl rather than a table', () => {
    expect(pluralCategories('en').sort()).toEqual(['one', 'other']);
    expect(pluralCategories('el').sort()).toEqual(['one', 'other']);
    for (const lng of ['ru', 'uk', 'pl']) expect(pluralCategories(lng)).toEqual(['one', 'few', 'many', 'other']);
  });

  it('knows text from placeholders and punctuation', () => {
    expect(hasLetters('{{count}} · {{total}}')).toBe(false);
    expect(hasLetters('$t(common:save) —')).toBe(false);
    expect(hasLetters('{{count}} km')).toBe(true);
    expect(hasLetters('Ωραία')).toBe(true);
  });
});

describe('npm run check:i18n', () => {
  const script = fileURLToPath(new URL('./check-i18n.ts', import.meta.url));
  const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function writeLocales(locales: Locales, allowList?: string[]) {
    dir = mkdtempSync(path.join(tmpdir(), 'hearth-i18n-'));
    const localesDir = path.join(dir, 'locales');
    for (const [lng, files] of Object.entries(locales)) {
      mkdirSync(path.join(localesDir, lng), { recursive: true });
      for (const [ns, json] of Object.entries(files)) writeFileSync(path.join(localesDir, lng, `${ns}.json`), JSON.stringify(json));
    }
    mkdirSync(localesDir, { recursive: true });
    if (allowList) writeFileSync(path.join(dir, 'same-as-english.json'), JSON.stringify(allowList));
    return localesDir;
  }
  const run = (localesDir: string) => spawnSync(tsx, [script, '--locales', localesDir], { encoding: 'utf8' });

  it('prints a summary and exits 0 when the files agree', () => {
    const out = run(writeLocales(good(), ['common:app.name']));
    expect(out.stderr).toBe('');
    expect(out.stdout.trim()).toBe('i18n OK: 5 languages, 2 namespaces, 9 keys');
    expect(out.status).toBe(0);
  }, 30_000);

  it('lists the problems and exits 1', () => {
    const locales = good();
    delete file(locales, 'ru', 'common').frontDesk.title;
    const localesDir = writeLocales(locales);
    writeFileSync(path.join(localesDir, 'uk', 'broken.json'), '{ "a": ');
    const out = run(localesDir);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('ru/common.json: missing key frontDesk.title');
    expect(out.stderr).toMatch(/uk\/broken\.json: invalid JSON/);
    // No allow-list file: "Hearth" is reported as possibly untranslated, as a warning only.
    expect(out.stderr).toContain('warning: ru/common.json: app.name is the same as in en');
  }, 30_000);

  it('fails with a clear message when there is no English folder', () => {
    const out = run(writeLocales({}));
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/no en locale folder at .*en\. English is the source language/);
  }, 30_000);
});

describe('keys the code relies on', () => {
  const root = fileURLToPath(new URL('..', import.meta.url));

  it('finds the validation keys a source file names, not a prefix or a sentence', () => {
    const source = [
      "z.string().max(200, 'validation.tooLong')",
      'fields: [{ path: "kindId", message: "validation.unknownKind" }]',
      "next.hours = 'tasks:validation.hours';",
      "issue.message.startsWith('validation.') ? issue.message : 'validation.invalid'",
      '// see `validation.date` in the docs',
      "'the validation.x of it'",
    ].join('\n');
    expect(validationKeysIn(source).sort()).toEqual(['common:validation.date', 'common:validation.invalid', 'common:validation.tooLong', 'common:validation.unknownKind', 'tasks:validation.hours']);
  });

  it('reports an error code or a used key that a language lacks', () => {
    const locales: Locales = {
      en: { common: { errors: { notFound: 'Not found', forbidden: 'No' }, validation: { date: 'Enter a date.' } } },
      pl: { common: { errors: { notFound: 'Nie ma' }, validation: { date: '' } } },
    };
    const problems = checkUsage(locales, { errorCodes: ['notFound', 'forbidden'], keys: new Map([['common:validation.date', 'shared/domain/x.ts']]) }, ['en', 'pl']);
    expect(problems.map((p) => p.message)).toEqual([
      'pl/common.json: missing key errors.forbidden (error code forbidden)',
      'pl/common.json: missing key validation.date (used in shared/domain/x.ts)',
    ]);
  });

  it('every error code, and every validation key that shared/, electron/ and renderer/ name, is translated in every language', () => {
    const usage = collectUsage(root);
    // The contract's schemas in shared/ name the most; a handful is enough to show the files were read.
    const fromShared = [...usage.keys].filter(([, where]) => where.startsWith('shared/')).map(([key]) => key);
    expect(fromShared).toEqual(expect.arrayContaining(['common:validation.required', 'common:validation.date', 'common:validation.tooLong']));
    expect(usage.errorCodes).toEqual(ERROR_CODES);
    const locales: Locales = {};
    const dir = path.join(root, 'shared', 'i18n', 'locales');
    for (const lng of APP_LANGUAGES) {
      locales[lng] = {};
      for (const name of readdirSync(path.join(dir, lng))) locales[lng]![name.replace(/\.json$/, '')] = JSON.parse(readFileSync(path.join(dir, lng, name), 'utf8'));
    }
    expect(checkUsage(locales, usage, APP_LANGUAGES).map((p) => p.message)).toEqual([]);
  });
});

describe('the glossary (shared/i18n/GLOSSARY.md)', () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const glossaryFile = path.join(root, 'shared', 'i18n', 'GLOSSARY.md');
  const block = (...lines: string[]) => ['# Glossary', 'prose with | pipes', '```glossary', ...lines, '```', ''].join('\n');
  const matches = (variant: string, text: string) => bannedMatcher(variant).test(fold(text));

  it('reads the ```glossary block only, skipping comments and blank lines', () => {
    const entries = parseGlossary(block('# Russian', 'ru | regular care | регулярный патронаж | опек*; постоянн* уход*', '', 'el | request | αίτημα | —'));
    expect(entries).toEqual([
      { lng: 'ru', concept: 'regular care', term: 'регулярный патронаж', banned: ['опек*', 'постоянн* уход*'], line: 5 },
      { lng: 'el', concept: 'request', term: 'αίτημα', banned: [], line: 7 },
    ]);
    expect(() => parseGlossary('# no block here')).toThrow(/no ```glossary block/);
    expect(() => parseGlossary(block('ru | only two'))).toThrow(/line 4: expected "lng \| concept \| term \| banned; banned"/);
    expect(() => parseGlossary('```glossary\nru | a | b | c')).toThrow(/not closed/);
  });

  it('matches word stems from the start of a word, whole phrases, folded', () => {
    expect(matches('опек*', 'Под опекой')).toBe(true);
    expect(matches('опек*', 'Опека')).toBe(true);
    expect(matches('опек*', 'Под попечением')).toBe(false);
    expect(matches('заявк*', 'Заявление')).toBe(false);
    expect(matches('мешкан*', 'Співмешканець або співмешканка')).toBe(false);
    expect(matches('мешкан*', 'Знайти мешканця')).toBe(true);
    // A word without * is the whole word: «najem» but not «najmu».
    expect(matches('najem', 'Umowy najmu')).toBe(false);
    expect(matches('najem', 'Otwórz najem')).toBe(true);
    // Phrases: the words in order, whatever the endings; not the words apart.
    expect(matches('stał* opiek*', 'Pod stałą opieką')).toBe(true);
    expect(matches('stał* opiek*', 'Opieka')).toBe(false);
    expect(matches('регулярн* супровід*', 'Регулярний супровід')).toBe(true);
    expect(matches('регулярн* супровід*', 'Соціальний супровід (кейси)')).toBe(false);
    // Greek accents and case; Ukrainian apostrophes ' ’ ʼ alike.
    expect(matches('αρχείο ελέγχου', 'Το ΑΡΧΕΙΟ ΕΛΕΓΧΟΥ διατηρείται')).toBe(true);
    expect(matches('χορηγ*', 'Επιχορηγήσεις')).toBe(false);
    expect(matches("пам'ят*", 'запам’ятати')).toBe(false);
    expect(matches("пам'ят*", 'Пам’ятка')).toBe(true);
    expect(matches('2297-VI', 'закон 2297-VI ст. 11')).toBe(true);
  });

  it('fails a banned word in its own language only, and passes the others', () => {
    const glossary = parseGlossary(block('ru | regular care | регулярный патронаж | опек*', 'uk | apostrophe | ’ | \'; ʼ'));
    const locales: Locales = {
      ru: { plans: { care: { title: 'Постоянная опека', ok: 'Регулярный патронаж' } }, residents: { badge: 'На патронаже' } },
      uk: { common: { name: "Ім'я", ok: 'Ім’я', quoted: "'Hearth'" }, plans: { care: { title: 'Опека' } } },
    };
    expect(checkGlossary(locales, glossary).map((p) => p.message)).toEqual([
      'ru/plans.json: care.title uses «опек*», which the glossary bans for "regular care" (write «регулярный патронаж»; GLOSSARY.md line 4)',
      'uk/common.json: name uses «\'», which the glossary bans for "apostrophe" (write «’»; GLOSSARY.md line 5)',
    ]);
  });

  it('the repository\'s glossary bans the review\'s wrong terms, and the current files pass it', () => {
    const glossary = parseGlossary(readFileSync(glossaryFile, 'utf8'));
    const banned = (lng: string, concept: string) => glossary.find((e) => e.lng === lng && e.concept === concept)?.banned ?? [];
    expect(banned('ru', 'regular care')).toContain('опек*');
    expect(banned('ru', 'request')).toContain('заявк*');
    expect(banned('uk', 'regular care')).toContain('регулярн* супровід*');
    expect(banned('pl', 'volunteer\'s expenses')).toContain('zaliczk*');
    expect(banned('el', 'volunteer\'s expenses')).toContain('προκαταβολ*');
    expect(new Set(glossary.map((e) => e.lng))).toEqual(new Set(['en', 'ru', 'uk', 'pl', 'el']));
    const locales: Locales = {};
    const dir = path.join(root, 'shared', 'i18n', 'locales');
    for (const lng of APP_LANGUAGES) {
      locales[lng] = {};
      for (const name of readdirSync(path.join(dir, lng))) locales[lng]![name.replace(/\.json$/, '')] = JSON.parse(readFileSync(path.join(dir, lng, name), 'utf8'));
    }
    expect(checkGlossary(locales, glossary).map((p) => p.message)).toEqual([]);
    // One banned word put back makes it fail.
    (locales.ru!.plans as { care: { title: string } }).care.title = 'Постоянная опека';
    expect(checkGlossary(locales, glossary).map((p) => p.message)).toEqual([
      expect.stringMatching(/^ru\/plans\.json: care\.title uses «опек\*», which the glossary bans for "regular care"/),
    ]);
  });

  it('npm run check:i18n exits 1 when a translation uses a banned variant', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hearth-glossary-'));
    try {
      const localesDir = path.join(dir, 'locales');
      const write = (lng: string, json: unknown) => {
        mkdirSync(path.join(localesDir, lng), { recursive: true });
        writeFileSync(path.join(localesDir, lng, 'plans.json'), JSON.stringify(json));
      };
      write('en', { title: 'Regular care' });
      write('ru', { title: 'Постоянная опека' });
      for (const lng of ['uk', 'pl', 'el']) write(lng, { title: `care ${lng}` });
      writeFileSync(path.join(dir, 'GLOSSARY.md'), block('ru | regular care | регулярный патронаж | опек*'));
      const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
      const out = spawnSync(tsx, [fileURLToPath(new URL('./check-i18n.ts', import.meta.url)), '--locales', localesDir], { encoding: 'utf8' });
      expect(out.stderr).toContain('ru/plans.json: title uses «опек*», which the glossary bans for "regular care"');
      expect(out.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
