import { ru } from './ru';
import { pl } from './pl';
import { el } from './el';
import { uk } from './uk';
import type { DemoWords } from './types';
import type { CentreSettings, Language } from '../../../../shared/domain/settings';

/** The demo's words in the centre's language; Russian for English (the e2e suite is built on the Russian village) and for what has none yet. */
export function demoWords(language: string | null | undefined): DemoWords {
  switch (language) {
    case 'pl':
      return pl;
    case 'el':
      return el;
    case 'uk':
      return uk;
    default:
      return ru;
  }
}

/**
 * The demo centre of each language, the one whose words demoWords gives (the seeds' centres,
 * ../shared/seeds/README.md): a Podkarpacie gmina's centre in złoty, a Poltava-region hromada's
 * in hryvnia, a Piraeus neighbourhood's in euro, and the Sylva village in roubles (in Russian, and
 * in English, whose demo is the Russian village). `hearth demo --language xx` sets the centre up
 * with these; the first-run screen's demo takes the name and currency typed there and the words of
 * the language chosen there, through the same setup.complete and fillDemoData.
 */
export const DEMO_CENTRES: Readonly<Record<Language, CentreSettings>> = {
  ru: { centreName: 'Центр помощи жителям Сылвы', country: 'RU', currency: 'RUB', language: 'ru' },
  en: { centreName: 'Sylva Residents’ Help Centre', country: 'RU', currency: 'RUB', language: 'en' },
  uk: { centreName: 'Центр підтримки мешканців Решетилівки', country: 'UA', currency: 'UAH', language: 'uk' },
  pl: { centreName: 'Centrum Wsparcia Mieszkańców w Jedliczu', country: 'PL', currency: 'PLN', language: 'pl' },
  el: { centreName: 'Κέντρο Στήριξης Κατοίκων Κερατσινίου', country: 'GR', currency: 'EUR', language: 'el' },
};

/** The demo centre of a language (the Sylva village for a language without one). */
export function demoCentre(language: Language): CentreSettings {
  return DEMO_CENTRES[language];
}
