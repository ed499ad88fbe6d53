import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, LOCALE_OF, type Language } from '../../shared/domain/settings';

/** Every locale file, bundled: shared/i18n/locales/<lng>/<ns>.json. */
const files = import.meta.glob<{ default: Record<string, unknown> }>('../../shared/i18n/locales/*/*.json', { eager: true });

const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [file, mod] of Object.entries(files)) {
  const match = /locales\/([a-z]+)\/([a-zA-Z]+)\.json$/.exec(file);
  if (!match) continue;
  const [, lng, ns] = match as unknown as [string, string, string];
  (resources[lng] ??= {})[ns] = mod.default;
}

export const NAMESPACES = ['common', 'setup', 'frontdesk', 'residents', 'requests', 'catalogue', 'settings', 'backups', 'volunteers', 'tasks', 'board', 'plans', 'till', 'cashbook', 'funding', 'cashflow', 'users', 'audit', 'privacy', 'hosting', 'assessments', 'cases', 'projects', 'events', 'shelter', 'aid', 'aggregates', 'dashboard', 'reports', 'imports'] as const;
const STORAGE_KEY = 'hearth.language';

export function storedLanguage(): Language | null {
  const value = window.localStorage.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : null;
}

function browserLanguage(): Language {
  for (const l of navigator.languages) {
    const base = l.slice(0, 2) as Language;
    if ((LANGUAGES as readonly string[]).includes(base)) return base;
  }
  return 'en';
}

export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: storedLanguage() ?? browserLanguage(),
    fallbackLng: 'en',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
}

export async function changeLanguage(lng: Language): Promise<void> {
  window.localStorage.setItem(STORAGE_KEY, lng);
  await applyLanguage(lng);
}

/**
 * Shows the UI in a language without making it this browser's choice: the centre's language on the
 * sign-in, lock and first-run screens, and a user's own once signed in. Only the header's language
 * select (and signing in with a language of one's own) remembers a choice (`changeLanguage`).
 */
export async function applyLanguage(lng: Language): Promise<void> {
  if (i18next.language !== lng) await i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
}

export function currentLocale(): string {
  return LOCALE_OF[(i18next.language as Language) ?? 'en'] ?? 'en-GB';
}
