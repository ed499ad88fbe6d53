/**
 * Issue 16's "small things seen", each as a check of the locale files (the glossary check,
 * scripts/check-i18n.test.ts, covers the banned words; these are the ones a word list cannot see).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = path.join(__dirname, 'locales');
const LANGUAGES = ['en', 'ru', 'uk', 'pl', 'el'] as const;
type Lng = (typeof LANGUAGES)[number];

/** Every string of a language, as "namespace:dotted.key" → value. */
function strings(lng: Lng): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (ns: string, node: unknown, keys: string[]) => {
    if (typeof node === 'string') out.set(`${ns}:${keys.join('.')}`, node);
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(ns, v, [...keys, k]);
  };
  for (const file of readdirSync(path.join(LOCALES, lng)).filter((f) => f.endsWith('.json'))) {
    walk(file.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(LOCALES, lng, file), 'utf8')), []);
  }
  return out;
}
const ALL = Object.fromEntries(LANGUAGES.map((l) => [l, strings(l)])) as Record<Lng, Map<string, string>>;
const get = (lng: Lng, key: string): string => {
  const v = ALL[lng].get(key);
  if (v === undefined) throw new Error(`${lng} has no ${key}`);
  return v;
};

describe('small things of issue 16', () => {
  it('the till\'s cash-up names no currency\'s coin ("Сходится до копейки" on a euro till)', () => {
    for (const lng of LANGUAGES) {
      for (const [key, value] of ALL[lng]) {
        if (!key.startsWith('till:')) continue;
        expect([lng, key, /копе[йе]к|копі[йє]к|grosz|λεπτ[όά] του|\bcents?\b|penn(y|ies)/iu.test(value)]).toEqual([lng, key, false]);
      }
    }
    expect(get('ru', 'till:cashUp.results.exact')).toBe('Сходится: расхождений нет');
  });

  it('no double full stop: a date with its year ends with "г." (ru) or "р." (uk), so no ru/uk string puts "." after one', () => {
    // What the screens' date formats give (renderer/ui/format.ts date, plans/planText.ts day).
    const day = new Date(Date.UTC(2026, 11, 7, 12));
    expect(new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(day)).toMatch(/г\.$/);
    expect(new Intl.DateTimeFormat('uk-UA', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(day)).toMatch(/р\.$/);
    // The variables that carry such a date (plans:savedNext, plans:left.*, dashboard:treasurer.burn's end).
    const dated = /\{\{(date|end|start|day|on|endsOn|startsOn)(, ?[a-z]+)?\}\}\.(?!\.)/;
    for (const lng of ['ru', 'uk'] as const) {
      // (audit:verify.anchorChanged's date comes with its time: "7 дек. 2026 г., 12:00.")
      const found = [...ALL[lng]].filter(([k, v]) => k !== 'audit:verify.anchorChanged' && dated.test(v)).map(([k, v]) => `${lng} ${k}: ${v}`);
      expect(found).toEqual([]);
    }
    for (const lng of LANGUAGES) {
      const doubled = [...ALL[lng]].filter(([, v]) => /[^.]\.\.(?!\.)/.test(v)).map(([k, v]) => `${lng} ${k}: ${v}`);
      expect(doubled).toEqual([]);
    }
  });

  it('the Greek till adds a "ωφελούμενος" like every other Greek screen, not a "κάτοικος"', () => {
    expect(get('el', 'till:sale.addResident')).toBe('Προσθήκη ωφελούμενου');
    const kátoikos = [...ALL.el].filter(([, v]) => /κάτοικ|κατοίκ/iu.test(v)).map(([k]) => k);
    expect(kátoikos).toEqual([]);
  });

  it('the cash book has one name per language, the glossary\'s ("Книга касова" / "Książka kasowa" mismatch)', () => {
    const NAME: Record<Lng, string> = { en: 'Cash book', ru: 'Кассовая книга', uk: 'Касова книга', pl: 'Książka kasowa', el: 'Βιβλίο ταμείου' };
    for (const lng of LANGUAGES) {
      expect([lng, get(lng, 'cashbook:title')]).toEqual([lng, NAME[lng]]);
      expect([lng, get(lng, 'common:sections.cashbook')]).toEqual([lng, NAME[lng]]);
    }
  });
});
