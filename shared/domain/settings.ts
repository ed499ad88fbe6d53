import { z } from 'zod';
import { out, pub } from '../api/fields';

export const LANGUAGES = ['en', 'ru', 'uk', 'pl', 'el'] as const;
export type Language = (typeof LANGUAGES)[number];
export const CURRENCIES = ['RUB', 'UAH', 'PLN', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];
export const COUNTRIES = ['RU', 'UA', 'PL', 'GR', 'OTHER'] as const;
export type Country = (typeof COUNTRIES)[number];

/** Sensible defaults for a country chosen on the first-run screen. */
export const COUNTRY_DEFAULTS: Record<Country, { currency: Currency; language: Language }> = {
  RU: { currency: 'RUB', language: 'ru' },
  UA: { currency: 'UAH', language: 'uk' },
  PL: { currency: 'PLN', language: 'pl' },
  GR: { currency: 'EUR', language: 'el' },
  OTHER: { currency: 'EUR', language: 'en' },
};

/** The built-in administrator's name in each language, used when the first-run screen leaves it empty. */
export const DEFAULT_ADMIN_NAME: Record<Language, string> = {
  en: 'Administrator',
  ru: 'Администратор',
  uk: 'Адміністратор',
  pl: 'Administrator',
  el: 'Διαχειριστής',
};

export const adminNameSchema = z.string('validation.invalid').trim().max(100, 'validation.tooLong').default('');

export const centreSettingsSchema = z.object({
  centreName: z.string().trim().min(1, 'validation.required').max(150, 'validation.tooLong'),
  country: z.enum(COUNTRIES),
  currency: z.enum(CURRENCIES),
  language: z.enum(LANGUAGES),
});
export type CentreSettings = z.output<typeof centreSettingsSchema>;

/** The centre's settings as calls answer them (every field public: app.status answers them before sign-in). */
export const centreSettingsOutputSchema = out({
  centreName: pub(z.string()),
  country: pub(z.enum(COUNTRIES)),
  currency: pub(z.enum(CURRENCIES)),
  language: pub(z.enum(LANGUAGES)),
});

export const LOCALE_OF: Record<Language, string> = {
  en: 'en-GB',
  ru: 'ru-RU',
  uk: 'uk-UA',
  pl: 'pl-PL',
  el: 'el-GR',
};
