/**
 * Name pools for demo data and the benchmark: Russian, Ukrainian, Polish and Greek people as a
 * help centre's register holds them. Last names come in male and female forms where the language
 * has them (Семёнов/Семёнова, Kowalski/Kowalska, Παπαδόπουλος/Παπαδοπούλου); patronymics exist
 * for Russian and Ukrainian only. The spellings are the real ones: ё, ї є ґ і, ł ż ó ś ą ę, Greek
 * tonos and dialytika, apostrophes (Лук'яненко, Мар'яна).
 */

export const NAME_LANGS = ['ru', 'uk', 'pl', 'el'] as const;
export type NameLang = (typeof NAME_LANGS)[number];
export type Gender = 'male' | 'female';

export interface Gendered {
  male: string;
  female: string;
}

export interface NamePool {
  lang: NameLang;
  lastNames: readonly Gendered[];
  firstNames: Readonly<Record<Gender, readonly string[]>>;
  /** Patronymics from a father's first name, as his son and his daughter carry them; empty where not used. */
  patronymics: readonly Gendered[];
}

export interface PersonName {
  lastName: string;
  firstName: string;
  patronymic: string;
}

/** How each language makes a woman's last name from a man's: the first matching rule wins, else the name is the same. */
const FEMALE_RULES: Record<NameLang, ReadonlyArray<readonly [RegExp, string]>> = {
  ru: [
    [/(ов|ев|ёв|ин|ын)$/, '$1а'],
    [/(ск|цк)ий$/, '$1ая'],
    [/ой$/, 'ая'],
  ],
  uk: [
    [/(ов|ев|ин|ін)$/, '$1а'],
    [/(ськ|цьк|зьк)ий$/, '$1а'],
  ],
  pl: [[/(sk|ck|dzk)i$/, '$1a']],
  el: [
    [/όπουλος$/, 'οπούλου'],
    [/(ίδ|άδ)ης$/, '$1ου'],
    [/([ηήαά])ς$/, '$1'],
    [/ός$/, 'ού'],
    [/ος$/, 'ου'],
  ],
};

function femaleForm(lang: NameLang, male: string): string {
  for (const [re, replacement] of FEMALE_RULES[lang]) if (re.test(male)) return male.replace(re, replacement);
  return male;
}

/** "Иванов Петров Черных": whitespace-separated male forms; "Male|Female" where the rule does not fit. */
function lastNames(lang: NameLang, list: string): Gendered[] {
  return words(list).map((entry) => {
    const [male = entry, female] = entry.split('|');
    return { male, female: female ?? femaleForm(lang, male) };
  });
}

/** "Иванович/Ивановна" pairs, whitespace-separated. */
function patronymics(list: string): Gendered[] {
  return words(list).map((entry) => {
    const [male = entry, female = entry] = entry.split('/');
    return { male, female };
  });
}

function words(list: string): string[] {
  return list.split(/\s+/).filter((w) => w.length > 0);
}

const RU: NamePool = {
  lang: 'ru',
  lastNames: lastNames(
    'ru',
    `Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков Алексеев
     Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев
     Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов Дмитриев Королёв Гусев
     Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов
     Филиппов Комаров Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов
     Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев
     Фомин Чернов Мартынов Ефимов Щербаков Назаров Калинин Быков Маслов Родионов Коновалов Лазарев Воронин
     Климов Филатов Пономарёв Голубев Кудрявцев Прохоров Наумов Потапов Журавлёв Овчинников Трофимов Леонов
     Соболев Ермаков Колесников Гончаров Емельянов Грачёв Котов Гришин Ефремов Архипов Громов Кириллов
     Малышев Панов Моисеев Горбунов Ерёмин Галкин Лукьянов Михеев Скворцов Белоусов Нестеров Харитонов
     Цветков Мальцев Логинов Горшков Савин Краснов Дёмин Хохлов Фадеев Молчанов Ершов Ушаков Рябов Мухин
     Бородин Некрасов Жданов Блинов Дроздов Зуев Петухов Серов Фокин Самойлов Шишкин Чистяков Носов Зверев
     Селезнёв Нечаев Кудряшов Седов Головин Шестаков Гордеев Пахомов Зимин Костин Широков Суворов Нефёдов
     Любимов Лукин Токарев Шилов Большаков Родин Субботин Шубин Покровский Никольский Вознесенский Толстой
     Бушуев Пепеляев Шадрин Ширинкин Култышев Брагин Вшивков Кычкин Зырянов Пермяков Чудинов Мелехин
     Лунегов Четин Шистеров Паршаков Мехоношин Черных Долгих Белых Седых Кривых Косых Мокрых`,
  ),
  firstNames: {
    male: words(
      `Пётр Иван Николай Василий Михаил Александр Владимир Виктор Анатолий Геннадий Валентин Юрий Борис
       Григорий Фёдор Семён Алексей Сергей Евгений Леонид Аркадий Степан Егор Тимофей Павел Константин
       Вячеслав Валерий Артём Дмитрий Андрей Денис Максим Роман Кирилл Илья Олег Игорь Матвей Фома`,
    ),
    female: words(
      `Мария Анна Валентина Галина Нина Зинаида Людмила Тамара Антонина Лидия Клавдия Раиса Надежда Вера
       Любовь Татьяна Екатерина Евдокия Александра Зоя Таисия Капитолина Алевтина Римма Нелли Алёна Ольга
       Елена Светлана Наталья Ирина Юлия Анастасия Ксения Дарья Оксана Марина Фаина Серафима Пелагея`,
    ),
  },
  patronymics: patronymics(
    `Иванович/Ивановна Петрович/Петровна Николаевич/Николаевна Васильевич/Васильевна Михайлович/Михайловна
     Александрович/Александровна Владимирович/Владимировна Викторович/Викторовна Алексеевич/Алексеевна
     Сергеевич/Сергеевна Фёдорович/Фёдоровна Семёнович/Семёновна Григорьевич/Григорьевна Степанович/Степановна
     Павлович/Павловна Яковлевич/Яковлевна Дмитриевич/Дмитриевна Андреевич/Андреевна Константинович/Константиновна
     Егорович/Егоровна Геннадьевич/Геннадьевна Анатольевич/Анатольевна Борисович/Борисовна Юрьевич/Юрьевна
     Тимофеевич/Тимофеевна Ильич/Ильинична Кузьмич/Кузьминична Леонидович/Леонидовна Аркадьевич/Аркадьевна
     Матвеевич/Матвеевна Прокопьевич/Прокопьевна Артёмович/Артёмовна Никитич/Никитична`,
  ),
};

const UK: NamePool = {
  lang: 'uk',
  lastNames: lastNames(
    'uk',
    `Шевченко Коваленко Бондаренко Ткаченко Кравченко Олійник Шевчук Коваль Поліщук Бондар Ткачук Мельник
     Марченко Лисенко Руденко Савчук Ковальчук Петренко Кравчук Мороз Гнатюк Остапчук Гуменюк Гаврилюк
     Яремчук Юрченко Сидоренко Приходько Кучер Павленко Кліменко Карпенко Федоренко Дячук Гребенюк Зінченко
     Гончар Харченко Швець Ярошенко Степаненко Вакуленко Костенко Пилипенко Євтушенко Єременко Ґонта Ґудзь
     Ґалаґан Ґрещук Їжак Їжакевич Шевчишин Білик Білоус Вдовиченко Ігнатенко Іваненко Дорошенко Соловйов
     Гордієнко Андрієнко Василенко Захарченко Кириленко Процюк Семенюк Лук'яненко Дем'яненко П'ятничук
     Мар'янчук Ковальський Вишневський Левицький Заїка Гнатів Коломієць Стеців Кривоніс Бойко Ткач Кравець
     Литвиненко Мірошниченко Собко Тимошенко Якименко Онищенко Пономаренко Рибак Головко Нестеренко`,
  ),
  firstNames: {
    male: words(
      `Олександр Андрій Сергій Віктор Іван Микола Василь Петро Юрій Олег Дмитро Михайло Богдан Тарас
       Володимир Євген Ігор Григорій Степан Остап Ярослав Анатолій Валерій Роман Ілля Кирило Максим Денис
       Віталій Павло Федір Леонід Орест Назар`,
    ),
    female: words(
      `Олена Ольга Наталія Тетяна Ірина Світлана Людмила Галина Оксана Марія Ганна Валентина Надія Лідія
       Любов Віра Катерина Юлія Євгенія Мар'яна Олеся Христина Софія Ніна Зінаїда Раїса Алла Лариса
       Ярослава Богдана Іванна Інна Єлизавета Ївга Уляна Стефанія`,
    ),
  },
  patronymics: patronymics(
    `Олександрович/Олександрівна Андрійович/Андріївна Сергійович/Сергіївна Вікторович/Вікторівна
     Іванович/Іванівна Миколайович/Миколаївна Васильович/Василівна Петрович/Петрівна Юрійович/Юріївна
     Олегович/Олегівна Дмитрович/Дмитрівна Михайлович/Михайлівна Богданович/Богданівна Тарасович/Тарасівна
     Володимирович/Володимирівна Євгенович/Євгенівна Ігорович/Ігорівна Григорович/Григорівна
     Степанович/Степанівна Ярославович/Ярославівна Анатолійович/Анатоліївна Романович/Романівна
     Павлович/Павлівна Федорович/Федорівна Леонідович/Леонідівна Ілліч/Іллівна Остапович/Остапівна`,
  ),
};

const PL: NamePool = {
  lang: 'pl',
  lastNames: lastNames(
    'pl',
    `Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski
     Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Pawłowski Michalski Nowakowski
     Adamczyk Dudek Zając Wieczorek Jabłoński Król Majewski Olszewski Jaworski Wróbel Malinowski Pawlak
     Witkowski Walczak Stępień Górski Rutkowski Michalak Sikora Ostrowski Baran Duda Szewczyk Tomaszewski
     Pietrzak Marciniak Wróblewski Zalewski Jakubowski Jasiński Zawadzki Sadowski Bąk Chmielewski Włodarczyk
     Borkowski Czarnecki Sawicki Sokołowski Urbański Kubiak Maciejewski Szczepański Kucharski Wilk Kalinowski
     Lis Mazurek Wysocki Kaźmierczak Wasilewski Sobczak Czerwiński Cieślak Głowacki Zakrzewski Kołodziej
     Sikorski Krajewski Gajewski Szulc Baranowski Brzeziński Ziółkowski Przybylski Żak Żukowski Łukasik Łuczak
     Gołębiowski Ślusarczyk Świątek Grzelak Pająk Bielecki Chojnacki Żmuda`,
  ),
  firstNames: {
    male: words(
      `Stanisław Józef Tadeusz Jan Andrzej Krzysztof Kazimierz Zbigniew Jerzy Ryszard Władysław Henryk
       Zdzisław Bogdan Marek Łukasz Piotr Tomasz Paweł Michał Wojciech Grzegorz Mirosław Bolesław Czesław
       Mieczysław Leszek Jacek`,
    ),
    female: words(
      `Jadwiga Halina Krystyna Stanisława Zofia Danuta Irena Barbara Elżbieta Teresa Małgorzata Bożena Grażyna
       Wiesława Janina Anna Katarzyna Agnieszka Józefa Łucja Jolanta Urszula Dorota Beata Genowefa Czesława`,
    ),
  },
  patronymics: [],
};

const EL: NamePool = {
  lang: 'el',
  lastNames: lastNames(
    'el',
    `Παπαδόπουλος Παπαδάκης Γεωργίου Οικονόμου Νικολάου Παπαγεωργίου Βασιλείου Ιωάννου Αντωνίου Δημητρίου
     Κωνσταντίνου Χριστοδούλου Παπαναστασίου Μαυρίδης Αθανασιάδης Ιωαννίδης Γεωργιάδης Παπαδημητρίου
     Κωνσταντινίδης Σαββίδης Θεοδωρίδης Πετρίδης Καραγιάννης Αλεξίου Μακρής Παππάς Βλάχος Αναστασίου
     Κυριακίδης Τσολάκης Ζαχαρίου Λαμπρόπουλος Σταματόπουλος Αγγελόπουλος Κουτσούκος Μιχαηλίδης Πολυχρόνης
     Χατζηγεωργίου Χατζηδάκης Ευαγγέλου Σπυρόπουλος Καλογεράκης Ραφαηλίδης Προκοπίου Ξενάκης Ψαρράς
     Τριανταφύλλου Φωτίου Δούκας Καραμανλής Μαργαρίτης Κατσαρός Λεονταρίδης Παπαϊωάννου Ρήγας Σαρρής
     Πρωτοπαπάς Κεφαλάς Αϊβαλιώτης Μπαλτάς Ντόκος Γκίκας Τζαννετάκης Ζερβός`,
  ),
  firstNames: {
    male: words(
      `Γιώργος Γιάννης Κωνσταντίνος Δημήτρης Νίκος Παναγιώτης Βασίλης Χρήστος Αθανάσιος Μιχάλης Ευάγγελος
       Σπύρος Αντώνης Ηλίας Σταύρος Θεόδωρος Παύλος Αλέξανδρος Στέλιος Κώστας Λευτέρης Πέτρος Θανάσης
       Απόστολος Σωτήρης Προκόπης Ζήσης`,
    ),
    female: words(
      `Μαρία Ελένη Αικατερίνη Βασιλική Σοφία Αγγελική Γεωργία Δήμητρα Κωνσταντίνα Παρασκευή Ευαγγελία
       Αναστασία Χρυσούλα Ιωάννα Αθηνά Ειρήνη Φωτεινή Δέσποινα Ευδοκία Σταυρούλα Παναγιώτα Αρετή Ζωή
       Χαρίκλεια Νικολέτα Αλεξάνδρα Ξανθή`,
    ),
  },
  patronymics: [],
};

export const NAME_POOLS: Readonly<Record<NameLang, NamePool>> = { ru: RU, uk: UK, pl: PL, el: EL };

function pickFrom<T>(random: () => number, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('pickFrom: empty list');
  return item;
}

/** A random person of a language and gender, in the pool's own spelling (no typing quirks). */
export function randomPersonName(random: () => number, lang: NameLang, gender: Gender): PersonName {
  const pool = NAME_POOLS[lang];
  const last = pickFrom(random, pool.lastNames);
  const patronymic = pool.patronymics.length > 0 ? pickFrom(random, pool.patronymics)[gender] : '';
  return { lastName: last[gender], firstName: pickFrom(random, pool.firstNames[gender]), patronymic };
}
