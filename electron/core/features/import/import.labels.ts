/**
 * The screens' own labels in the five languages (the locale files), by which a centre's list may
 * name a code: a skill, a specialist, a cash-book category, a kind of help, an aid unit.
 */
import type { Language } from '../../../../shared/domain/settings';
import enVolunteers from '../../../../shared/i18n/locales/en/volunteers.json';
import ruVolunteers from '../../../../shared/i18n/locales/ru/volunteers.json';
import ukVolunteers from '../../../../shared/i18n/locales/uk/volunteers.json';
import plVolunteers from '../../../../shared/i18n/locales/pl/volunteers.json';
import elVolunteers from '../../../../shared/i18n/locales/el/volunteers.json';
import enCashbook from '../../../../shared/i18n/locales/en/cashbook.json';
import ruCashbook from '../../../../shared/i18n/locales/ru/cashbook.json';
import ukCashbook from '../../../../shared/i18n/locales/uk/cashbook.json';
import plCashbook from '../../../../shared/i18n/locales/pl/cashbook.json';
import elCashbook from '../../../../shared/i18n/locales/el/cashbook.json';
import enCatalogue from '../../../../shared/i18n/locales/en/catalogue.json';
import ruCatalogue from '../../../../shared/i18n/locales/ru/catalogue.json';
import ukCatalogue from '../../../../shared/i18n/locales/uk/catalogue.json';
import plCatalogue from '../../../../shared/i18n/locales/pl/catalogue.json';
import elCatalogue from '../../../../shared/i18n/locales/el/catalogue.json';
import enAid from '../../../../shared/i18n/locales/en/aid.json';
import ruAid from '../../../../shared/i18n/locales/ru/aid.json';
import ukAid from '../../../../shared/i18n/locales/uk/aid.json';
import plAid from '../../../../shared/i18n/locales/pl/aid.json';
import elAid from '../../../../shared/i18n/locales/el/aid.json';
import enCommon from '../../../../shared/i18n/locales/en/common.json';
import ruCommon from '../../../../shared/i18n/locales/ru/common.json';
import ukCommon from '../../../../shared/i18n/locales/uk/common.json';
import plCommon from '../../../../shared/i18n/locales/pl/common.json';
import elCommon from '../../../../shared/i18n/locales/el/common.json';

type Labels = Record<Language, Record<string, unknown>>;
const pick = (tables: Record<Language, Record<string, unknown>>, key: string): Labels =>
  Object.fromEntries(Object.entries(tables).map(([l, t]) => [l, (t[key] ?? {}) as Record<string, unknown>])) as Labels;
const volunteers = { en: enVolunteers, ru: ruVolunteers, uk: ukVolunteers, pl: plVolunteers, el: elVolunteers } as Record<Language, Record<string, unknown>>;
const cashbook = { en: enCashbook, ru: ruCashbook, uk: ukCashbook, pl: plCashbook, el: elCashbook } as Record<Language, Record<string, unknown>>;
const catalogue = { en: enCatalogue, ru: ruCatalogue, uk: ukCatalogue, pl: plCatalogue, el: elCatalogue } as Record<Language, Record<string, unknown>>;
const aid = { en: enAid, ru: ruAid, uk: ukAid, pl: plAid, el: elAid } as Record<Language, Record<string, unknown>>;
const common = { en: enCommon, ru: ruCommon, uk: ukCommon, pl: plCommon, el: elCommon } as Record<Language, Record<string, unknown>>;

export const SKILL_LABELS = pick(volunteers, 'skills');
export const SPECIALIST_LABELS = pick(volunteers, 'specialists');
export const CATEGORY_LABELS = pick(cashbook, 'categories');
export const KIND_LABELS = pick(catalogue, 'kinds');
/** aid:unit.<code>_one etc. ('{{count}} пара'): the unit's word without the count. */
export const UNIT_LABELS: Labels = Object.fromEntries(
  Object.entries(pick(aid, 'unit')).map(([l, t]) => {
    const words: Record<string, string[]> = {};
    for (const [key, text] of Object.entries(t)) {
      const code = key.replace(/_(one|few|many|other)$/, '');
      if (typeof text === 'string') (words[code] ??= []).push(text.replace('{{count}}', '').trim());
    }
    return [l, words];
  }),
) as Labels;
export const STATUS_LABELS = pick(common, 'status');
export const URGENCY_LABELS = pick(common, 'urgency');
export const CHANNEL_LABELS = pick(common, 'channel');
