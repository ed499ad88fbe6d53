/**
 * The matcher's labelled pairs and its precision and recall for "same" (issue 15). The pairs are
 * built here from 36 people in four scripts (Russian and Ukrainian Cyrillic, Polish Latin, Greek),
 * each written as the centres' lists write them and as other lists transliterate them:
 * - same person: case, accents/ё/є, word order, a missing patronymic, a one-letter typo in the
 *   surname or the first name, a Latin or another script's spelling, with or without birth years;
 * - different people (hard negatives): relatives with the same surname and address and another
 *   first name (with and without birth years), spouses (the surname's other form, same address),
 *   siblings (same surname, patronymic and address), namesakes a generation apart at the same
 *   address, and people with the same first name and birth year.
 * `evaluateMatcher()` is printed by `npm run bench`; matcher.test.ts holds the bar
 * (precision ≥ 0.95 at recall ≥ 0.90).
 */
import { scorePair, SAME_THRESHOLD, MAYBE_THRESHOLD, type MatchPerson } from '../../../../shared/domain/matcher';

type Script = 'ru' | 'uk' | 'pl' | 'el';

interface Person {
  script: Script;
  last: string;
  /** The surname of his or her spouse (the other grammatical form where the language has one). */
  spouseLast: string;
  first: string;
  spouseFirst: string;
  patronymic: string;
  /** The same name in other spellings: [surname, first name]. */
  spellings: Array<[string, string]>;
}

const P = (script: Script, last: string, first: string, patronymic: string, spouseLast: string, spouseFirst: string, ...spellings: Array<[string, string]>): Person => ({
  script, last, first, patronymic, spouseLast, spouseFirst, spellings,
});

export const PEOPLE: readonly Person[] = [
  P('ru', 'Петров', 'Пётр', 'Сергеевич', 'Петрова', 'Анна', ['Petrov', 'Pyotr'], ['Piotrow', 'Piotr']),
  P('ru', 'Иванова', 'Мария', 'Николаевна', 'Иванов', 'Сергей', ['Ivanova', 'Mariya'], ['Ιβάνοβα', 'Μαρία']),
  P('ru', 'Смирнов', 'Алексей', 'Иванович', 'Смирнова', 'Ольга', ['Smirnov', 'Aleksey'], ['Smirnow', 'Aleksiej']),
  P('ru', 'Кузнецова', 'Ольга', 'Викторовна', 'Кузнецов', 'Виктор', ['Kuznetsova', 'Olga'], ['Kuzniecowa', 'Olga']),
  P('ru', 'Соколов', 'Дмитрий', 'Андреевич', 'Соколова', 'Татьяна', ['Sokolov', 'Dmitriy'], ['Sokołow', 'Dmitrij']),
  P('ru', 'Попова', 'Наталья', 'Сергеевна', 'Попов', 'Андрей', ['Popova', 'Natalya'], ['Popowa', 'Natalia']),
  P('ru', 'Лебедев', 'Михаил', 'Петрович', 'Лебедева', 'Людмила', ['Lebedev', 'Mikhail'], ['Lebiediew', 'Michaił']),
  P('ru', 'Зайцева', 'Ксения', 'Олеговна', 'Зайцев', 'Роман', ['Zaytseva', 'Kseniya'], ['Zajcewa', 'Ksenia']),
  P('ru', 'Фёдоров', 'Юрий', 'Борисович', 'Фёдорова', 'Галина', ['Fedorov', 'Yuriy'], ['Fiodorow', 'Jurij']),
  P('uk', 'Щербина', 'Олена', 'Петрівна', 'Щербина', 'Василь', ['Shcherbyna', 'Olena'], ['Szczerbina', 'Elena'], ['Щербина', 'Елена']),
  P('uk', 'Коваленко', 'Андрій', 'Миколайович', 'Коваленко', 'Оксана', ['Kovalenko', 'Andrii'], ['Kowalenko', 'Andrij'], ['Коваленко', 'Андрей']),
  P('uk', 'Шевченко', 'Тарас', 'Григорович', 'Шевченко', 'Марія', ['Shevchenko', 'Taras'], ['Szewczenko', 'Taras']),
  P('uk', 'Бондаренко', 'Ірина', 'Василівна', 'Бондаренко', 'Микола', ['Bondarenko', 'Iryna'], ['Бондаренко', 'Ирина']),
  P('uk', 'Ткаченко', 'Олександр', 'Іванович', 'Ткаченко', 'Світлана', ['Tkachenko', 'Oleksandr'], ['Ткаченко', 'Александр'], ['Tkaczenko', 'Ołeksandr']),
  P('uk', 'Мельник', 'Галина', 'Степанівна', 'Мельник', 'Петро', ['Melnyk', 'Halyna'], ['Melnik', 'Galina']),
  P('uk', 'Кравчук', 'Юлія', 'Олегівна', 'Кравчук', 'Богдан', ['Kravchuk', 'Yuliia'], ['Krawczuk', 'Julia']),
  P('uk', 'Гончаренко', 'Євген', 'Петрович', 'Гончаренко', 'Лариса', ['Honcharenko', 'Yevhen'], ['Гончаренко', 'Евгений']),
  P('uk', 'Ковальчук', 'Наталія', 'Іванівна', 'Ковальчук', 'Степан', ['Kovalchuk', 'Nataliia'], ['Kowalczuk', 'Natalia'], ['Ковальчук', 'Наталья']),
  P('pl', 'Wiśniewska', 'Agnieszka', '', 'Wiśniewski', 'Marek', ['Вишневська', 'Агнєшка'], ['Wisniewska', 'Agnieszka']),
  P('pl', 'Kowalski', 'Piotr', '', 'Kowalska', 'Ewa', ['Ковальский', 'Пётр'], ['Kovalski', 'Piotr']),
  P('pl', 'Nowak', 'Łukasz', '', 'Nowak', 'Joanna', ['Новак', 'Лукаш'], ['Novak', 'Lukash']),
  P('pl', 'Wójcik', 'Katarzyna', '', 'Wójcik', 'Paweł', ['Вуйцик', 'Катажина'], ['Vuitsik', 'Katazhyna']),
  P('pl', 'Kamińska', 'Małgorzata', '', 'Kamiński', 'Andrzej', ['Каминська', 'Малгожата'], ['Kaminska', 'Malgorzata']),
  P('pl', 'Lewandowski', 'Tomasz', '', 'Lewandowska', 'Beata', ['Левандовский', 'Томаш'], ['Levandovski', 'Tomash']),
  P('pl', 'Zieliński', 'Grzegorz', '', 'Zielińska', 'Barbara', ['Зелинский', 'Гжегож'], ['Zielinski', 'Grzegorz']),
  P('pl', 'Szymańska', 'Ewa', '', 'Szymański', 'Krzysztof', ['Шиманская', 'Эва'], ['Szymanska', 'Ewa']),
  P('pl', 'Dąbrowski', 'Jan', '', 'Dąbrowska', 'Zofia', ['Домбровский', 'Ян'], ['Dabrowski', 'Jan']),
  P('el', 'Παπαδόπουλος', 'Γεώργιος', '', 'Παπαδοπούλου', 'Ελένη', ['Papadopoulos', 'Georgios'], ['Пападопулос', 'Георгиос']),
  P('el', 'Παπαδοπούλου', 'Ελένη', '', 'Παπαδόπουλος', 'Νίκος', ['Papadopoulou', 'Eleni'], ['Пападопулу', 'Елена']),
  P('el', 'Νικολάου', 'Μαρία', '', 'Νικολάου', 'Κώστας', ['Nikolaou', 'Maria'], ['Николау', 'Мария']),
  P('el', 'Γεωργίου', 'Δημήτριος', '', 'Γεωργίου', 'Σοφία', ['Georgiou', 'Dimitrios'], ['Георгиу', 'Димитриос']),
  P('el', 'Ιωάννου', 'Κωνσταντίνος', '', 'Ιωάννου', 'Χριστίνα', ['Ioannou', 'Konstantinos'], ['Иоанну', 'Константинос']),
  P('el', 'Οικονόμου', 'Αικατερίνη', '', 'Οικονόμου', 'Παύλος', ['Oikonomou', 'Aikaterini'], ['Ikonomou', 'Ekaterini']),
  P('el', 'Βασιλείου', 'Ανδρέας', '', 'Βασιλείου', 'Δέσποινα', ['Vasileiou', 'Andreas'], ['Vasiliou', 'Andreas']),
  P('el', 'Χριστοδούλου', 'Σοφία', '', 'Χριστοδούλου', 'Αντώνης', ['Christodoulou', 'Sofia'], ['Hristodoulou', 'Sofia']),
  P('el', 'Αντωνίου', 'Ιωάννης', '', 'Αντωνίου', 'Ευαγγελία', ['Antoniou', 'Ioannis'], ['Антониу', 'Иоаннис']),
];

export type PairKind =
  | 'case' | 'accents' | 'wordOrder' | 'noPatronymic' | 'typoSurname' | 'typoFirstName' | 'translit' | 'otherScript'
  | 'relative' | 'relativeNoYears' | 'spouse' | 'sibling' | 'namesake' | 'sameFirstName';

export interface LabelledPair {
  a: MatchPerson;
  b: MatchPerson;
  same: boolean;
  kind: PairKind;
  script: Script;
}

/** A one-letter typo, deterministic: the letter at `at` (from the middle) dropped, doubled or swapped with the next. */
function typo(word: string, variant: number): string {
  const chars = Array.from(word);
  const at = Math.max(1, Math.floor(chars.length / 2) - (variant % 2));
  switch (variant % 3) {
    case 0:
      return [...chars.slice(0, at), ...chars.slice(at + 1)].join('');
    case 1:
      return [...chars.slice(0, at + 1), chars[at] as string, ...chars.slice(at + 1)].join('');
    default:
      return [...chars.slice(0, at), chars[at + 1] ?? '', chars[at] as string, ...chars.slice(at + 2)].join('');
  }
}

/** Accents and diacritics dropped (Latin, Greek), ё/є written е (Cyrillic). */
function plain(s: string): string {
  return s
    .replace(/ё/g, 'е').replace(/Ё/g, 'Е').replace(/є/g, 'е').replace(/Є/g, 'Е')
    .normalize('NFD').replace(/([\p{Script=Latin}\p{Script=Greek}])\p{M}+/gu, '$1').normalize('NFC')
    .replace(/ł/g, 'l').replace(/Ł/g, 'L');
}

export function labelledPairs(): LabelledPair[] {
  const out: LabelledPair[] = [];
  PEOPLE.forEach((p, n) => {
    const year = 1940 + ((n * 7) % 60);
    const address = { settlement: 'Town', street: `Street ${n % 5}`, house: String(10 + n), flat: String(n % 3) };
    const phone = `+380 67 ${String(1000000 + n * 7919).slice(0, 7)}`;
    const base: MatchPerson = { lastName: p.last, firstName: p.first, patronymic: p.patronymic, birthYear: year, phones: [phone], ...address };
    const same = (kind: PairKind, b: MatchPerson, a: MatchPerson = base) => out.push({ a, b, same: true, kind, script: p.script });
    const diff = (kind: PairKind, b: MatchPerson, a: MatchPerson = base) => out.push({ a, b, same: false, kind, script: p.script });
    const spelling = p.spellings[0] as [string, string];
    const other = (p.spellings[1] ?? spelling) as [string, string];

    same('case', { lastName: p.last.toUpperCase(), firstName: p.first.toUpperCase(), patronymic: p.patronymic.toUpperCase(), birthYear: year });
    same('accents', { lastName: plain(p.last), firstName: plain(p.first), patronymic: plain(p.patronymic), birthYear: null, ...address });
    same('wordOrder', { lastName: p.first, firstName: p.last, patronymic: p.patronymic, birthYear: year });
    same('noPatronymic', { lastName: p.last, firstName: p.first, patronymic: '', birthYear: null });
    same('typoSurname', { lastName: typo(p.last, n), firstName: p.first, patronymic: p.patronymic, birthYear: year });
    same('typoFirstName', { lastName: p.last, firstName: typo(p.first, n + 1), patronymic: '', birthYear: null, phones: [phone] });
    same('translit', { lastName: spelling[0], firstName: spelling[1], birthYear: year });
    same('otherScript', { lastName: other[0], firstName: other[1], birthYear: n % 2 === 0 ? year : null });

    const kin = PEOPLE[(n + 3) % PEOPLE.length] as Person;
    const sibling = PEOPLE[(n + 5) % PEOPLE.length] as Person;
    const stranger = PEOPLE[(n + 7) % PEOPLE.length] as Person;
    // A relative: the same surname and address, another first name, a generation apart.
    diff('relative', { lastName: p.last, firstName: kin.first === p.first ? kin.spouseFirst : kin.first, patronymic: '', birthYear: year + 27, ...address });
    diff('relativeNoYears', { lastName: p.last, firstName: p.spouseFirst, patronymic: '', birthYear: null, ...address }, { ...base, birthYear: null });
    diff('spouse', { lastName: p.spouseLast, firstName: p.spouseFirst, patronymic: '', birthYear: year + 3, phones: [phone], ...address });
    diff('sibling', { lastName: p.last, firstName: sibling.first === p.first ? sibling.spouseFirst : sibling.first, patronymic: p.patronymic, birthYear: year + 4, ...address });
    diff('namesake', { lastName: p.last, firstName: p.first, patronymic: '', birthYear: year + 26, ...address });
    diff('sameFirstName', { lastName: stranger.last, firstName: p.first, patronymic: '', birthYear: year });
  });
  return out;
}

export interface MatcherEvaluation {
  pairs: number;
  samePairs: number;
  differentPairs: number;
  /** Of the pairs called "same", the share that are the same person. */
  precision: number;
  /** Of the same-person pairs, the share called "same". */
  recall: number;
  /** Same-person pairs called at least "maybe". */
  recallMaybe: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  thresholds: { same: number; maybe: number };
  /** The misjudged pairs, for a reader of the bench's output. */
  misses: Array<{ kind: PairKind; script: Script; a: string; b: string; score: number; verdict: string }>;
}

export function evaluateMatcher(pairs: LabelledPair[] = labelledPairs()): MatcherEvaluation {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let maybeOrSame = 0;
  const misses: MatcherEvaluation['misses'] = [];
  const name = (p: MatchPerson) => `${p.lastName} ${p.firstName}${p.patronymic ? ` ${p.patronymic}` : ''}${p.birthYear ? ` (${p.birthYear})` : ''}`;
  for (const pair of pairs) {
    const r = scorePair(pair.a, pair.b);
    const called = r.verdict === 'same';
    if (pair.same && r.verdict !== 'different') maybeOrSame++;
    if (called && pair.same) tp++;
    else if (called && !pair.same) fp++;
    else if (!called && pair.same) fn++;
    if (called !== pair.same) misses.push({ kind: pair.kind, script: pair.script, a: name(pair.a), b: name(pair.b), score: r.score, verdict: r.verdict });
  }
  const positives = pairs.filter((p) => p.same).length;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    pairs: pairs.length,
    samePairs: positives,
    differentPairs: pairs.length - positives,
    precision: tp + fp === 0 ? 1 : round(tp / (tp + fp)),
    recall: positives === 0 ? 1 : round(tp / positives),
    recallMaybe: positives === 0 ? 1 : round(maybeOrSame / positives),
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    thresholds: { same: SAME_THRESHOLD, maybe: MAYBE_THRESHOLD },
    misses,
  };
}
