import { ru } from './ru';
import { pl } from './pl';
import { el } from './el';
import { uk } from './uk';
import type { DemoWords } from './types';

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
