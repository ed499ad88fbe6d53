/**
 * The locale files as the tests see them: expected texts are read from shared/i18n/locales, never
 * typed into a spec. `translator(lng)` resolves keys exactly as the app does (i18next, the same
 * plural rules, English fallback); `ownString` looks a key up in one language only, to check that
 * a text really is translated.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { ROOT } from './paths';

export const LANGUAGES = ['en', 'ru', 'uk', 'pl', 'el'] as const;
export type Lng = (typeof LANGUAGES)[number];

/** Each language named in itself, as the language switcher lists them. */
export const LANGUAGE_NAMES: Record<Lng, string> = {
  en: 'English',
  ru: 'Русский',
  uk: 'Українська',
  pl: 'Polski',
  el: 'Ελληνικά',
};

const NAMESPACES = ['common', 'setup', 'frontdesk', 'residents', 'requests', 'catalogue', 'settings', 'backups', 'volunteers', 'tasks', 'board', 'plans', 'till', 'cashbook', 'funding', 'cashflow', 'users', 'audit', 'privacy', 'hosting'] as const;
const LOCALES = path.join(ROOT, 'shared', 'i18n', 'locales');

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** Reads every locale file now (other people may still be writing them). */
export function readResources(): Resources {
  const out: Resources = {};
  if (!existsSync(LOCALES)) return out;
  for (const lng of readdirSync(LOCALES)) {
    const dir = path.join(LOCALES, lng);
    for (const file of readdirSync(dir)) {
      if (!file.endsWith('.json')) continue;
      (out[lng] ??= {})[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
    }
  }
  return out;
}

/** t() for a language, resolved like the app resolves it (including the English fallback). */
export function translator(lng: Lng): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    resources: readResources(),
    lng,
    fallbackLng: 'en',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.t;
}

/** The raw string of `ns:dotted.key` in this language only, or undefined when it is missing. */
export function ownString(lng: Lng, key: string): string | undefined {
  const [ns, rest] = key.split(':') as [string, string];
  let node: unknown = readResources()[lng]?.[ns];
  for (const part of rest.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

/** Escapes text for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
