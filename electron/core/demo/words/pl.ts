/**
 * A Podkarpacie gmina's words (Jedlicze near Krosno): addresses as "ul. Kościuszki 12", GOPS, PCPR,
 * ZUS, mObywatel. Each template makes the same draws as its Russian twin (see types.ts).
 */
import { g, HEATING, pluralPl, WINTER, type DemoWords } from './types';

const pages = (n: number) => `${n} ${pluralPl(n, 'strona', 'strony', 'stron')}`;
const cubes = (n: number) => `${n} ${pluralPl(n, 'metr', 'metry', 'metrów')}`;

const DRUGS = [
  'enalapryl', 'amlodypina', 'bisoprolol', 'losartan', 'atorwastatyna', 'metformina', 'acard', 'omeprazol',
  'indapamid', 'kropla żołądkowa', 'nitrogliceryna', 'warfaryna', 'magnez', 'diklofenak (maść)', 'krople tymolol', 'Euthyrox',
];
const DOCTORS = ['do kardiologa', 'do okulisty', 'do neurologa', 'do lekarza rodzinnego', 'do chirurga', 'do endokrynologa', 'na RTG', 'na badania krwi', 'na USG'];
const WEEKDAYS = ['w poniedziałek', 'we wtorek', 'w środę', 'w czwartek', 'w piątek', 'w sobotę'] as const;

const kinds: DemoWords['kinds'] = {
  firewood: {
    templates: [
      ({ rng, month }) => (HEATING.has(month) ? { text: `Skończyło się drewno, potrzeba ${cubes(rng.int(1, 3))}`, urgency: rng.chance(0.4) ? 'urgent' : 'normal' } : null),
      ({ r }) => ({ text: `Przenieść drewno spod wiaty do domu, ${g(r, 'sam', 'sama')} nie da rady — boli kręgosłup` }),
      () => ({ text: 'Porąbać drewno, klocki leżą na podwórku' }),
      ({ rng }) => ({ text: `Przywieźli ${cubes(rng.int(2, 6))} drewna, ułożyć w stos` }),
      ({ month }) => (HEATING.has(month) ? { text: 'Wnieść drewno do domu na tydzień' } : null),
    ],
    progressNotes: ['Ułożyliśmy połowę, dokończymy jutro', 'Czekamy na drugiego wolontariusza'],
  },
  snowClearing: {
    templates: [
      () => ({ text: 'Odśnieżyć ścieżkę od furtki do ganku' }),
      () => ({ text: 'Zasypało po zamieci, nie da się otworzyć furtki', urgency: 'urgent' }),
      () => ({ text: 'Zrzucić śnieg z dachu szopy' }),
      () => ({ text: 'Odśnieżyć dojście do studni i do drewutni' }),
      ({ rng }) => ({ text: `Odkopać bramę, ${rng.pick(WEEKDAYS)} przywiozą drewno` }),
    ],
  },
  medicinePurchase: {
    templates: [
      ({ rng }) => ({ text: `Wykupić leki na receptę: ${rng.pick(DRUGS)}` }),
      ({ rng }) => {
        const [a, b] = rng.shuffle(DRUGS);
        return { text: `Kupić leki: ${a ?? ''}, ${b ?? ''}` };
      },
      ({ rng }) => ({ text: `Odebrać e-receptę w przychodni i wykupić ${rng.pick(DRUGS)}` }),
      ({ rng }) => ({ text: `Skończył się ${rng.pick(DRUGS)}, bierze codziennie`, urgency: 'urgent' }),
      ({ r }) => (r.situations.has('disability') ? { text: 'Wykupić insulinę z refundacją', urgency: 'urgent' } : null),
    ],
    referrals: ['Przekazano opiekunce z GOPS', 'Skierowano do apteki z dowozem'],
    progressNotes: ['Zamówione w aptece, czekamy', 'Brak w Jedliczu, sprowadzają z Krosna'],
  },
  groceries: {
    templates: [
      () => ({ text: 'Kupić zakupy: chleb, mleko, kasza' }),
      ({ r }) => ({ text: `Zakupy na tydzień, lista u ${g(r, 'niego', 'niej')}` }),
      () => ({ text: 'Kupić zakupy i karmę dla kota' }),
      ({ month }) => (WINTER.has(month) ? { text: 'Kupić chleb i mleko, jest ślisko, boi się wychodzić' } : null),
      ({ r }) => ({ text: `Po szpitalu ${g(r, 'sam', 'sama')} nie wychodzi, zrobić zakupy` }),
    ],
  },
  transportDoctor: {
    templates: [
      ({ rng }) => ({ text: `Zawieźć do szpitala w Krośnie ${rng.pick(DOCTORS)}, wizyta na ${rng.int(8, 14)}:${rng.pick(['00', '15', '30', '45'])}` }),
      ({ rng }) => ({ text: `Pojechać z nim do przychodni ${rng.pick(DOCTORS)}` }),
      ({ r }) => (r.situations.has('disability') ? { text: 'Zawieźć na komisję orzekającą o niepełnosprawności do Krosna' } : null),
    ],
    referrals: ['Przekazano do transportu „door-to-door” gminy'],
  },
  householdRepairs: {
    templates: [
      () => ({ text: 'Wymienić żarówkę w korytarzu, wysoko' }),
      () => ({ text: 'Cieknie kran w kuchni' }),
      () => ({ text: 'Wymienić gniazdko, iskrzy', urgency: 'urgent' }),
      () => ({ text: 'Naprawić furtkę, nie domyka się' }),
      ({ month }) => (month >= 9 && month <= 11 ? { text: 'Uszczelnić okna na zimę' } : null),
      ({ r }) => (r.privateHouse ? { text: 'Poprawić płot po wichurze' } : { text: 'Wstawić nowy zamek, stary się zacina' }),
    ],
    progressNotes: ['Kupiliśmy baterię, założymy w sobotę', 'Potrzebna część, zamówiona'],
  },
  checkIn: {
    templates: [
      () => ({ text: 'Wizyta kontrolna: jak samopoczucie, czego potrzeba' }),
      () => ({ text: 'Odwiedzić, drugi dzień nie odbiera telefonu', urgency: 'urgent' }),
      () => ({ text: 'Odwiedzić po wyjściu ze szpitala' }),
      () => ({ text: 'Cotygodniowy telefon i wizyta' }),
    ],
  },
  waterCarrying: {
    templates: [
      ({ rng }) => {
        const n = rng.int(4, 8);
        return { text: `Nanosić wody ze studni, ${n} ${pluralPl(n, 'wiadro', 'wiadra', 'wiader')}` };
      },
      ({ month }) => (WINTER.has(month) ? { text: 'Zamarzła studnia, przywieźć wodę', urgency: 'urgent' } : null),
      () => ({ text: 'Przynieść wodę pitną ze sklepu, 2 baniaki po 5 l' }),
    ],
  },
  printing: {
    templates: [
      ({ rng }) => {
        const n = rng.int(2, 12);
        return { text: `Wydrukować dokumenty do ZUS, ${pages(n)}`, price: n * 10 };
      },
      ({ rng }) => {
        const n = rng.int(1, 3);
        return { text: `Wydrukować zaświadczenie z mObywatela, ${pages(n)}`, price: n * 10 };
      },
      ({ rng }) => {
        const n = rng.int(4, 20);
        return { text: `Wydrukować zdjęcia wnuków, ${n} szt.`, price: n * 25 };
      },
      () => ({ text: 'Wydrukować rachunki za prąd i gaz', price: 20 }),
      () => ({ text: 'Wydrukować bilety na autobus do Rzeszowa', price: 10 }),
      ({ rng }) => {
        const n = rng.int(2, 5);
        return { text: `Wydrukować wypis ze szpitala, ${pages(n)}`, price: n * 10 };
      },
      ({ rng, r }) => {
        if (!r.situations.has('displaced')) return null;
        const n = rng.int(3, 10);
        return { text: `Wydrukować wniosek o nadanie numeru PESEL (UKR), ${pages(n)}`, price: n * 10 };
      },
    ],
  },
  copies: {
    templates: [
      ({ rng }) => {
        const n = rng.int(1, 3);
        return { text: `Kopie dowodu osobistego i legitymacji emeryta, ${n} ${pluralPl(n, 'komplet', 'komplety', 'kompletów')}`, price: n * 2 * 5 };
      },
      ({ rng }) => {
        const n = rng.int(6, 20);
        return { text: `Kserokopie dokumentów do dodatku mieszkaniowego, ${n} ${pluralPl(n, 'kartka', 'kartki', 'kartek')}`, price: n * 5 };
      },
      ({ r }) => (r.elderly ? null : { text: 'Kopia aktu urodzenia dziecka', price: 5 }),
      ({ r }) => (r.situations.has('disability') ? { text: 'Kopie dokumentacji medycznej do orzeczenia', price: 60 } : null),
      () => ({ text: 'Kopia legitymacji emeryta-rencisty', price: 5 }),
    ],
  },
  lamination: {
    templates: [
      () => ({ text: 'Zalaminować legitymację emeryta', price: 30 }),
      () => ({ text: 'Zalaminować legitymację i kartę seniora', price: 60 }),
      () => ({ text: 'Zalaminować zdjęcie męża', price: 40, urgency: 'low' }),
    ],
  },
  documentPhotos: {
    templates: [
      () => ({ text: 'Zdjęcia do dokumentów 35×45, 4 szt.', price: 200 }),
      () => ({ text: 'Zdjęcie do Karty Dużej Rodziny', price: 200 }),
      ({ r }) => (r.situations.has('displaced') ? { text: 'Zdjęcia do karty pobytu, 2 szt. 35×45', price: 200 } : null),
      ({ r }) => (r.elderly ? null : { text: 'Zdjęcie do nowego dowodu osobistego', price: 200 }),
    ],
  },
  formTyping: {
    templates: [
      () => ({ text: 'Napisać i wydrukować podanie do urzędu gminy', price: 50 }),
      () => ({ text: 'Napisać skargę do spółdzielni na przeciekający dach', price: 50 }),
      () => ({ text: 'Napisać ogłoszenie o sprzedaży ziemniaków, 10 szt.', price: 60, urgency: 'low' }),
    ],
  },
  formsHelp: {
    templates: [
      () => ({ text: 'Pomóc wypełnić wniosek o dodatek mieszkaniowy' }),
      ({ r }) => (r.privateHouse ? { text: 'Wypełnić wniosek o dodatek węglowy / na opał' } : null),
      ({ r }) => (r.elderly ? { text: 'Pomóc z wnioskiem o skierowanie do sanatorium z NFZ' } : null),
      () => ({ text: 'Wypełnić wywiad do GOPS' }),
      ({ r }) => (r.situations.has('familyInDifficulty') ? { text: 'Wniosek o świadczenie wychowawcze 800+' } : null),
    ],
    referrals: ['Skierowano do urzędu gminy', 'Skierowano do GOPS'],
  },
  onlineServices: {
    templates: [
      () => ({ text: 'Zapisać do lekarza przez Internetowe Konto Pacjenta' }),
      () => ({ text: 'Odzyskać hasło do Profilu Zaufanego' }),
      () => ({ text: 'Zamówić zaświadczenie o wysokości emerytury przez PUE ZUS' }),
      () => ({ text: 'Umówić wizytę w urzędzie gminy' }),
      () => ({ text: 'Podać odczyt licznika' }),
      () => ({ text: 'Pomóc zapłacić rachunki przez internet' }),
    ],
    referrals: ['Skierowano do urzędu gminy, potrzebny Profil Zaufany'],
  },
  legalConsultation: {
    templates: [
      () => ({ text: 'Sprawa spadku po rodzicach (dom)' }),
      () => ({ text: 'Porada w sprawie przeliczenia emerytury' }),
      () => ({ text: 'Spór z sąsiadem o granicę działki' }),
      ({ r }) => (r.elderly ? { text: 'Jak ustanowić opiekę nad wnukiem' } : null),
      ({ r }) => (r.situations.has('displaced') ? { text: 'Status UKR i karta pobytu' } : null),
    ],
    referrals: ['Skierowano do punktu nieodpłatnej pomocy prawnej w Krośnie', 'Przekazano do PCPR w Krośnie'],
  },
  psychConsultation: {
    templates: [
      ({ r }) => (r.situations.has('displaced') ? { text: 'Rozmowa z psychologiem, ciężko po wyjeździe z domu' } : null),
      () => ({ text: 'Lęk, nie śpi, prosi o rozmowę ze specjalistą' }),
      ({ r }) => (r.situations.has('livesAlone') ? { text: `Wsparcie po śmierci ${g(r, 'żony', 'męża')}` } : null),
    ],
    referrals: ['Skierowano do punktu interwencji kryzysowej PCPR'],
  },
  humanitarianAid: {
    templates: [
      ({ rng, month, r }) =>
        !r.elderly && (month >= 9 || month <= 2) ? { text: `Zimowe ubrania dla dzieci: kurtka ${rng.pick(['116', '122', '128', '140'])}, buty ${rng.int(28, 35)}` } : null,
      () => ({ text: 'Paczka żywnościowa' }),
      () => ({ text: 'Pościel i koc' }),
      ({ r }) => (r.elderly ? null : { text: 'Środki higieniczne, pieluchy rozmiar 4' }),
      ({ r, month }) => (month >= 9 || month <= 3 ? { text: `Ciepłe rzeczy na zimę, rozmiar ${r.gender === 'male' ? 'XL' : 'L'}` } : null),
    ],
  },
  masterClass: {
    templates: [
      () => ({ text: 'Zapisać na warsztaty filcowania', urgency: 'low' }),
      () => ({ text: 'Zapisać na zajęcia „Smartfon dla seniora”', urgency: 'low' }),
      () => ({ text: 'Nordic walking, zapisać do grupy', urgency: 'low' }),
      () => ({ text: 'Warsztaty szydełkowania, chce przyjść z sąsiadką', urgency: 'low' }),
    ],
  },
};

export const pl: DemoWords = {
  // Mostly Polish; Ukrainian refugees (the displaced families) and a few Greek names.
  names: { ru: 'pl', uk: 'uk', pl: 'pl', el: 'el' },
  homePhone: 'PL',
  landline: (n, long) => {
    const local = `4${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4)}${n.slice(0, 1)}`;
    return long ? `+48 13 ${local}` : `13 ${local}`;
  },
  settlements: [
    {
      name: 'Jedlicze',
      streets: [
        'ul. Kościuszki', 'ul. Rynek', 'ul. Mickiewicza', 'ul. Szkolna', 'ul. Ogrodowa', 'ul. Piłsudskiego', 'ul. 3 Maja',
        'ul. Słoneczna', 'ul. Łąkowa', 'ul. Pocztowa', 'ul. Kościelna', 'ul. Leśna', 'ul. Jana Pawła II', 'ul. Polna',
      ],
    },
    { name: 'Krosno', streets: ['ul. Lwowska', 'ul. Bieszczadzka', 'ul. Grodzka', 'ul. Piastowska', 'ul. Korczyńska', 'ul. Paderewskiego', 'ul. Podkarpacka'] },
    { name: 'Potok', streets: ['Potok', 'ul. Główna', 'ul. Szkolna', 'ul. Nadrzeczna', 'ul. Górna'] },
    { name: 'Moderówka', streets: ['Moderówka', 'ul. Kolejowa', 'ul. Łąkowa', 'ul. Sportowa'] },
    { name: 'Żarnowiec', streets: ['Żarnowiec', 'ul. Marii Konopnickiej', 'ul. Dworska', 'ul. Polna'] },
  ],
  houseLetters: ['a', 'B'],
  residentNotes: ({ r, firstName, neighbourFlat }) => {
    const notes: string[] = ['Dzwonić po 10:00', 'Nie otwiera obcym, najpierw zadzwonić', 'Syn pracuje w Niemczech, przyjeżdża raz w miesiącu'];
    if (r.elderly) {
      notes.push(
        'Słabo słyszy, mówić głośno',
        'Słabo widzi, czytać dokumenty na głos',
        'Córka w Rzeszowie, pomaga finansowo',
        `Chodzi o balkoniku, ${g(r, 'sam', 'sama')} nie wychodzi z domu`,
        `${g(r, 'Wdowiec', 'Wdowa')}, dzieci daleko`,
      );
    }
    if (r.flat) notes.push(`Klucz u sąsiadki spod ${neighbourFlat}`, 'Domofon nie działa, dzwonić na komórkę');
    if (r.privateHouse) {
      notes.push(`W piecu pali ${g(r, 'sam', 'sama')}, drewno wnosić do domu`, `Pies na podwórku, wchodzić z ${g(r, 'gospodarzem', 'gospodynią')}`, 'Wodę nosi ze studni');
    }
    if (r.situations.has('disability')) notes.push('Orzeczenie o umiarkowanym stopniu niepełnosprawności, chodzi o lasce', 'Po udarze, mówi z trudem', 'Cukrzyca, insulina z refundacją');
    if (r.situations.has('displaced')) {
      notes.push('Przyjechali z Charkowa w 2022 r., status UKR', 'Z obwodu chersońskiego, karta pobytu w toku', 'Mieszkają u znajomych, szukają mieszkania');
    }
    if (r.situations.has('familyInDifficulty')) notes.push('Troje dzieci, najmłodsze ma 2 lata', 'Rodzina wielodzietna, matka sama', 'Mąż za granicą, pomóc z opałem');
    if (r.lang === 'el') notes.push('Córka w Salonikach, dzwoni w niedziele');
    if (r.lang === 'pl') notes.push(`Prosi, żeby mówić do ${g(r, 'niego panie', 'niej pani')} ${firstName}`);
    return notes;
  },
  kinds,
  weekdays: WEEKDAYS,
  volunteers: ['Andrzej', 'Tomek', 'Kasia', 'Bartek', 'Ania', 'Kuba', 'pani Halina', 'Michał', 'Ola', 'Paweł'],
  generalReferrals: ['Skierowano do GOPS', 'Przekazano pracownikowi socjalnemu GOPS', 'Przekazano do urzędu gminy'],
  cancelNotes: (r) => [`${g(r, 'Zrezygnował', 'Zrezygnowała')}, pomogła rodzina`, 'Nie można się dodzwonić, nikogo w domu', `${g(r, 'Wyjechał', 'Wyjechała')} do dzieci`, 'Zgłoszenie powtórzone', ''],
  leftWithoutWaiting: (r) => `${g(r, 'Wyszedł', 'Wyszła')}, nie doczekawszy`,
  paid: (price) => `Zapłacono ${Math.max(1, Math.round(price * 0.04))} zł`,
  visitPlanned: ['Potrzebne dokumenty, przyjdzie jeszcze raz', 'Strona nie działała, przełożono', ''],
  appointmentOn: (weekday) => `Zapisano na ${weekday.replace(/^we? /, '')}`,
  didNotCome: (r) => g(r, 'Nie przyszedł', 'Nie przyszła'),
  doneNotes: ['Zrobione', 'Wykonane, bez uwag', 'Zrobione, prosi dzwonić jeszcze'],
  volunteerWent: (name) => `Pojechał(a) wolontariusz(ka) ${name}`,
  volunteerPlanned: (name, when) => `Wolontariusz(ka) ${name}, ${when}`,
  whenWords: ['jutro', 'po południu'],
  volunteerNotes: [
    'Pracuje na zmiany, tydzień przez tydzień',
    'Uczennica technikum, wolna w weekendy',
    'Emeryt, ma własny ciągnik — odśnieża',
    'Nauczyciel w szkole, po lekcjach',
    'Ma przyczepkę do drewna',
    'Dzwonić wieczorem po 18',
    'Pomaga razem z synem',
  ],
  notDoneReasons: ['Nie otworzyli drzwi, telefon nie odpowiada', 'Wolontariusz zachorował, przełożono', 'Córka zabrała do siebie na weekend', 'Odmówiła, powiedziała, że ma wszystko'],
  checkInPlanNotes: ['Zadzwonić dzień wcześniej', 'Zmierzyć ciśnienie', 'Zapytać o leki i zakupy'],
  medicinePlanNotes: ['Leki według listy, recepty w kredensie', 'E-recepty, apteka na Rynku', 'Kupić leki i chleb'],
  firewoodPlanNote: 'Wnieść drewno do domu na trzy tygodnie',
};
