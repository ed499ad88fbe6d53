/**
 * Every error of the contract reads as a sentence in each of the five languages, with its details
 * in it: the role refused, the time a lock-out ends in the user's locale, the two statuses of a
 * refused change by their labels. No sentence uses a {{parameter}} that the code does not send.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n, type Resource, type ResourceKey } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, LOCALE_OF, type Language } from '../domain/settings';
import { ERROR_CODES, type ApiErrorBody, type ErrorCode, type ErrorParams } from './errors';
import { detailedError, errorText, fieldText, type Translate } from './error-text';

const LOCALES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'i18n', 'locales');

function resources(): Resource {
  const out: Resource = {};
  for (const lng of readdirSync(LOCALES)) {
    for (const file of readdirSync(path.join(LOCALES, lng))) {
      (out[lng] ??= {})[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(path.join(LOCALES, lng, file), 'utf8')) as ResourceKey;
    }
  }
  return out;
}

const instances = new Map<Language, i18n>();
beforeAll(async () => {
  const res = resources();
  for (const lng of LANGUAGES) {
    const instance = i18next.createInstance();
    await instance.init({ resources: res, lng, fallbackLng: false, ns: Object.keys(res.en ?? {}), defaultNS: 'common', interpolation: { escapeValue: false }, returnNull: false });
    instances.set(lng, instance);
  }
});

function tr(lng: Language): Translate & { i18n: i18n } {
  const instance = instances.get(lng)!;
  return {
    i18n: instance,
    t: (key, options) => instance.t(key, options ?? {}) as string,
    exists: (key, options) => instance.exists(key, options ?? {}),
    locale: LOCALE_OF[lng],
  };
}

const body = (code: ErrorCode, details?: Record<string, string | number>): { body: ApiErrorBody } => ({
  body: { code, message: `English for the log (${code})`, ...(details ? { details } : {}) },
});

/**
 * The details the core sends with each code whose sentence uses them (the mapped type makes this
 * list cover every code of ErrorParams, and each shape the core sends).
 */
const SENT: { [C in keyof ErrorParams]: Array<ErrorParams[C]> } = {
  forbidden: [{ role: 'frontdesk', call: 'users.list' }],
  lockedOut: [{ until: '2026-03-05T14:30:00.000Z' }],
  signInFailed: [{ attemptsLeft: 1 }, { attemptsLeft: 2 }, { attemptsLeft: 4 }],
  invalidTransition: [
    { of: 'task', from: 'done', to: 'planned' },
    { of: 'request', from: 'done', to: 'inProgress' },
    { requestStatus: 'referred' },
  ],
  currencyMismatch: [{ from: 'RUB', to: 'EUR' }],
  noTillAccount: [
    { payment: 'cash', currency: 'PLN' },
    { payment: 'card', currency: 'PLN' },
  ],
  correctAtSource: [{ source: 'rent' }],
  openActions: [{ count: 1 }, { count: 3 }, { count: 5 }, { count: 21 }],
  overCapacity: [{ count: 1, capacity: 1 }, { count: 3, capacity: 3 }, { count: 5, capacity: 5 }, { count: 21, capacity: 20 }],
  overPlaces: [{ count: 13, places: 12 }, { count: 2, places: 1 }, { count: 5, places: 4 }, { count: 22, places: 20 }],
  stockShort: [{ count: 0, item: 'Shoes 28' }, { count: 1, item: 'Shoes 28' }, { count: 3, item: 'Shoes 28' }, { count: 5, item: 'Shoes 28' }, { count: 21, item: 'Shoes 28' }],
};

/** The {{variables}} of a text (`{{name}}`, `{{count, number}}` → name, count). */
const variables = (text: string) => new Set([...text.matchAll(/\{\{\s*(?:-\s*)?([^,}]+?)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!));

/** Every text a key may show: the plain string, or each plural form (key_one, key_few, …). */
function texts(instance: i18n, lng: string, fullKey: string): string[] {
  const [ns, key] = fullKey.split(':') as [string, string];
  const plain = instance.getResource(lng, ns, key) as unknown;
  if (typeof plain === 'string') return [plain];
  const forms = ['zero', 'one', 'two', 'few', 'many', 'other'].map((c) => instance.getResource(lng, ns, `${key}_${c}`) as unknown).filter((v): v is string => typeof v === 'string');
  return forms;
}

describe('errorText', () => {
  it.each(LANGUAGES)('%s: every code has a sentence of its own, with no details too', (lng) => {
    const x = tr(lng);
    for (const code of ERROR_CODES) {
      expect(x.i18n.exists(`common:errors.${code}`), `${lng}: common:errors.${code}`).toBe(true);
      const text = errorText(x, body(code));
      expect(text, code).toBe(x.t(`common:errors.${code}`));
      expect(text, code).not.toMatch(/\{\{|\}\}|^errors\.|English for the log/);
    }
  });

  it.each(LANGUAGES)('%s: the details the core sends are in the sentence; no sentence uses a parameter that is not sent', (lng) => {
    const x = tr(lng);
    const reached = new Set<string>();
    for (const [code, samples] of Object.entries(SENT) as Array<[ErrorCode, Array<Record<string, string | number>>]>) {
      for (const details of samples) {
        const detailed = detailedError(x, code, details);
        expect(detailed, `${code} ${JSON.stringify(details)}`).not.toBeNull();
        reached.add(detailed!.key);
        const shown = texts(x.i18n, lng, detailed!.key);
        expect(shown.length, `${lng}: ${detailed!.key} has no translation`).toBeGreaterThan(0);
        for (const text of shown) {
          for (const v of variables(text)) expect(Object.keys(detailed!.params), `${lng}: ${detailed!.key} uses {{${v}}}`).toContain(v);
        }
        const text = errorText(x, body(code, details));
        expect(text).not.toBe(x.t(`common:errors.${code}`));
        expect(text).not.toMatch(/\{\{|\}\}|common:|errorDetail/);
        for (const value of Object.values(detailed!.params)) expect(text, `${lng} ${code}`).toContain(String(value));
      }
    }
    // Every detailed sentence is one that some error reaches (none waits for a parameter never sent).
    const en = tr('en').i18n.getResourceBundle('en', 'common') as { errorDetail: Record<string, unknown> };
    const keys = Object.entries(en.errorDetail).flatMap(([k, v]) =>
      typeof v === 'object' && v !== null ? Object.keys(v).map((sub) => `common:errorDetail.${k}.${sub}`) : [`common:errorDetail.${k.replace(/_(zero|one|two|few|many|other)$/, '')}`],
    );
    expect([...new Set(keys)].filter((k) => !reached.has(k))).toEqual([]);
  });

  it('says in Russian who may not do what, and until when sign-in is locked, in the Russian way of writing dates', () => {
    const ru = tr('ru');
    expect(errorText(ru, body('forbidden', { role: 'frontdesk', call: 'users.list' }))).toBe(
      `Для вашей роли (${ru.t('users:roles.frontdesk')}) это действие недоступно (users.list). Если оно нужно, обратитесь к администратору.`,
    );
    const until = '2026-03-05T14:30:00.000Z';
    const local = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(until));
    expect(local).toMatch(/марта/);
    expect(errorText(ru, body('lockedOut', { until }))).toBe(`Слишком много неверных попыток. Попробуйте снова после ${local}.`);
  });

  it('writes the time of a lock-out on the 24-hour clock in every language, so no sentence ends in "p.m.."', () => {
    for (const lng of LANGUAGES) {
      const text = errorText(tr(lng), body('lockedOut', { until: '2026-03-05T14:30:00.000Z' }));
      expect(text, lng).not.toMatch(/\.\.$|[AP]M|μ\.μ\./);
    }
  });

  it('names the two statuses of a refused change by their labels (tasks and requests have their own)', () => {
    const el = tr('el');
    expect(errorText(el, body('invalidTransition', { of: 'task', from: 'done', to: 'planned' }))).toBe(
      `Δεν γίνεται αλλαγή από «${el.t('tasks:status.done')}» σε «${el.t('tasks:status.planned')}».`,
    );
    const pl = tr('pl');
    expect(errorText(pl, body('invalidTransition', { requestStatus: 'referred' }))).toContain(pl.t('common:status.referred'));
  });

  it('a detailed sentence needs all its details: without them, the general one', () => {
    const uk = tr('uk');
    expect(errorText(uk, body('forbidden', { role: 'frontdesk' }))).toBe(uk.t('common:errors.forbidden'));
    expect(errorText(uk, body('invalidTransition', { from: 'done', to: 'planned' }))).toBe(uk.t('common:errors.invalidTransition'));
    expect(errorText(uk, body('lockedOut', { until: 'soon' }))).toContain('soon');
  });

  it('prefers a screen’s own wording, and shows anything that is not a contract error as the general failure', () => {
    const en = tr('en');
    expect(errorText(en, body('alreadyReversed'), { ns: 'cashbook' })).toBe(en.t('cashbook:errors.alreadyReversed'));
    expect(errorText(en, body('notFound'), { ns: 'cashbook' })).toBe(en.t('common:errors.notFound'));
    expect(errorText(en, new Error('Role frontdesk may not use users.list'))).toBe(en.t('common:errors.internal'));
    expect(errorText(en, { body: { code: 'noSuchCode', message: 'x' } })).toBe(en.t('common:errors.internal'));
  });
});

describe('fieldText', () => {
  it('translates a field issue by its key, a full key of another namespace, and never shows a key', () => {
    const ru = tr('ru');
    expect(fieldText(ru, { message: 'validation.date' })).toBe('Введите дату.');
    expect(fieldText(ru, 'validation.date')).toBe('Введите дату.');
    expect(fieldText(ru, 'tasks:validation.hours')).toBe(ru.t('tasks:validation.hours'));
    expect(fieldText(ru, 'validation.noSuchKey')).toBe(ru.t('common:validation.invalid'));
    expect(fieldText(ru, 'Something a script wrote')).toBe(ru.t('common:validation.invalid'));
  });
});
