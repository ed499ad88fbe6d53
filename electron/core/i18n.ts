/**
 * The core's text in a person's language, outside the renderer: the person export's printable page
 * and the command line's messages (electron/http/cli.ts). One i18next instance per language over
 * the same locale files as the UI (shared/i18n/locales), English as the fallback; only the
 * namespaces the core uses are bundled.
 */
import i18next, { type i18n } from 'i18next';
import { LANGUAGES, LOCALE_OF, type Language } from '../../shared/domain/settings';
import type { Translate } from '../../shared/api/error-text';
import enCommon from '../../shared/i18n/locales/en/common.json';
import ruCommon from '../../shared/i18n/locales/ru/common.json';
import ukCommon from '../../shared/i18n/locales/uk/common.json';
import plCommon from '../../shared/i18n/locales/pl/common.json';
import elCommon from '../../shared/i18n/locales/el/common.json';
import enUsers from '../../shared/i18n/locales/en/users.json';
import ruUsers from '../../shared/i18n/locales/ru/users.json';
import ukUsers from '../../shared/i18n/locales/uk/users.json';
import plUsers from '../../shared/i18n/locales/pl/users.json';
import elUsers from '../../shared/i18n/locales/el/users.json';
import enTasks from '../../shared/i18n/locales/en/tasks.json';
import ruTasks from '../../shared/i18n/locales/ru/tasks.json';
import ukTasks from '../../shared/i18n/locales/uk/tasks.json';
import plTasks from '../../shared/i18n/locales/pl/tasks.json';
import elTasks from '../../shared/i18n/locales/el/tasks.json';
import enCashbook from '../../shared/i18n/locales/en/cashbook.json';
import ruCashbook from '../../shared/i18n/locales/ru/cashbook.json';
import ukCashbook from '../../shared/i18n/locales/uk/cashbook.json';
import plCashbook from '../../shared/i18n/locales/pl/cashbook.json';
import elCashbook from '../../shared/i18n/locales/el/cashbook.json';
import enCatalogue from '../../shared/i18n/locales/en/catalogue.json';
import ruCatalogue from '../../shared/i18n/locales/ru/catalogue.json';
import ukCatalogue from '../../shared/i18n/locales/uk/catalogue.json';
import plCatalogue from '../../shared/i18n/locales/pl/catalogue.json';
import elCatalogue from '../../shared/i18n/locales/el/catalogue.json';
import enPrivacy from '../../shared/i18n/locales/en/privacy.json';
import ruPrivacy from '../../shared/i18n/locales/ru/privacy.json';
import ukPrivacy from '../../shared/i18n/locales/uk/privacy.json';
import plPrivacy from '../../shared/i18n/locales/pl/privacy.json';
import elPrivacy from '../../shared/i18n/locales/el/privacy.json';
import enProjects from '../../shared/i18n/locales/en/projects.json';
import enEvents from '../../shared/i18n/locales/en/events.json';
import ruProjects from '../../shared/i18n/locales/ru/projects.json';
import ruEvents from '../../shared/i18n/locales/ru/events.json';
import ukProjects from '../../shared/i18n/locales/uk/projects.json';
import ukEvents from '../../shared/i18n/locales/uk/events.json';
import plProjects from '../../shared/i18n/locales/pl/projects.json';
import plEvents from '../../shared/i18n/locales/pl/events.json';
import elProjects from '../../shared/i18n/locales/el/projects.json';
import elEvents from '../../shared/i18n/locales/el/events.json';
import enShelter from '../../shared/i18n/locales/en/shelter.json';
import ruShelter from '../../shared/i18n/locales/ru/shelter.json';
import ukShelter from '../../shared/i18n/locales/uk/shelter.json';
import plShelter from '../../shared/i18n/locales/pl/shelter.json';
import elShelter from '../../shared/i18n/locales/el/shelter.json';
import enAid from '../../shared/i18n/locales/en/aid.json';
import ruAid from '../../shared/i18n/locales/ru/aid.json';
import ukAid from '../../shared/i18n/locales/uk/aid.json';
import plAid from '../../shared/i18n/locales/pl/aid.json';
import elAid from '../../shared/i18n/locales/el/aid.json';
import enReports from '../../shared/i18n/locales/en/reports.json';
import ruReports from '../../shared/i18n/locales/ru/reports.json';
import ukReports from '../../shared/i18n/locales/uk/reports.json';
import plReports from '../../shared/i18n/locales/pl/reports.json';
import elReports from '../../shared/i18n/locales/el/reports.json';
import enCli from '../../shared/i18n/locales/en/cli.json';
import ruCli from '../../shared/i18n/locales/ru/cli.json';
import ukCli from '../../shared/i18n/locales/uk/cli.json';
import plCli from '../../shared/i18n/locales/pl/cli.json';
import elCli from '../../shared/i18n/locales/el/cli.json';

const RESOURCES = {
  en: { common: enCommon, users: enUsers, tasks: enTasks, cashbook: enCashbook, catalogue: enCatalogue, privacy: enPrivacy, projects: enProjects, events: enEvents, shelter: enShelter, aid: enAid, cli: enCli, reports: enReports },
  ru: { common: ruCommon, users: ruUsers, tasks: ruTasks, cashbook: ruCashbook, catalogue: ruCatalogue, privacy: ruPrivacy, projects: ruProjects, events: ruEvents, shelter: ruShelter, aid: ruAid, cli: ruCli, reports: ruReports },
  uk: { common: ukCommon, users: ukUsers, tasks: ukTasks, cashbook: ukCashbook, catalogue: ukCatalogue, privacy: ukPrivacy, projects: ukProjects, events: ukEvents, shelter: ukShelter, aid: ukAid, cli: ukCli, reports: ukReports },
  pl: { common: plCommon, users: plUsers, tasks: plTasks, cashbook: plCashbook, catalogue: plCatalogue, privacy: plPrivacy, projects: plProjects, events: plEvents, shelter: plShelter, aid: plAid, cli: plCli, reports: plReports },
  el: { common: elCommon, users: elUsers, tasks: elTasks, cashbook: elCashbook, catalogue: elCatalogue, privacy: elPrivacy, projects: elProjects, events: elEvents, shelter: elShelter, aid: elAid, cli: elCli, reports: elReports },
};
const NAMESPACES = ['common', 'users', 'tasks', 'cashbook', 'catalogue', 'privacy', 'projects', 'events', 'shelter', 'aid', 'cli', 'reports'];

const instances = new Map<Language, i18n>();

function instance(language: Language): i18n {
  let found = instances.get(language);
  if (!found) {
    found = i18next.createInstance();
    // Resources are given inline, so init finishes before it returns (initAsync: false).
    void found.init({
      resources: RESOURCES,
      lng: language,
      fallbackLng: 'en',
      ns: NAMESPACES,
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
    instances.set(language, found);
  }
  return found;
}

export interface CoreTranslator {
  /** The text of "ns:key" with {{variables}} (a `count` picks the plural form). */
  (key: string, vars?: Record<string, unknown>): string;
  exists: (key: string, vars?: Record<string, unknown>) => boolean;
  language: Language;
  /** BCP 47 locale of the language, for Intl. */
  locale: string;
}

export function translator(language: Language): CoreTranslator {
  const i = instance(language);
  const t = ((key: string, vars: Record<string, unknown> = {}) => i.t(key, vars) as string) as CoreTranslator;
  t.exists = (key, vars = {}) => i.exists(key, vars);
  t.language = language;
  t.locale = LOCALE_OF[language];
  return t;
}

/** The translator as shared/api/error-text.ts takes it (errorText, fieldText). */
export function errorTranslate(t: CoreTranslator): Translate {
  return { t, exists: t.exists, locale: t.locale };
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
