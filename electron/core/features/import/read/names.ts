/**
 * Which word of a full name is the surname, told from the words themselves (issue 15): a word
 * that is a known given name (the lists below, per script), a patronymic (-ович/-овна/-ич,
 * -івна…), or a surname's ending (Greek -ου, -ης, -ος, -άκης, -ίδης, -όπουλος; Polish -ski,
 * -ska, -cki, -wicz; Russian and Ukrainian -ов, -ова, -ин, -ский, -енко, -ук). A name whose words
 * tell nothing (neither word a known given name nor marked: "Бондар Коваль") is left undecided
 * here: the import then takes the order most of the column's names show (a file is written one way).
 */
import { fold } from '../../../../../shared/domain/text';

export type KnownOrder = 'surnameFirst' | 'surnameLast';

/** Given names as the centres' lists write them, men's and women's, in each script (folded when read). */
const GIVEN_NAMES = `
Александр Алексей Анатолий Андрей Антон Аркадий Арсений Артём Артур Богдан Борис Вадим Валентин Валерий Василий Виктор Виталий
Владимир Владислав Всеволод Вячеслав Геннадий Георгий Герман Глеб Григорий Даниил Денис Дмитрий Евгений Егор Захар Иван Игорь Илья
Кирилл Константин Лев Леонид Максим Матвей Михаил Никита Николай Олег Павел Пётр Роман Руслан Семён Сергей Станислав Степан Тимофей
Тимур Фёдор Эдуард Юрий Яков Ярослав Александра Алёна Алина Алла Анастасия Ангелина Анна Антонина Валентина Валерия Вера Вероника
Виктория Галина Дарья Диана Евгения Евдокия Екатерина Елена Елизавета Жанна Зинаида Зоя Инна Ирина Карина Клавдия Кристина Ксения
Лариса Лидия Любовь Людмила Маргарита Марина Мария Надежда Наталья Наталия Нина Оксана Олеся Ольга Полина Раиса Светлана София
Софья Таисия Тамара Татьяна Ульяна Юлия Яна
Олександр Олексій Анатолій Андрій Василь Валерій Віктор Віталій Володимир В'ячеслав Геннадій Григорій Данило Дмитро Євген Зиновій
Іван Ігор Ілля Кирило Костянтин Микола Михайло Мирослав Назар Орест Остап Павло Петро Сергій Тарас Тимофій Федір Юрій Яків
Олександра Аліна Анастасія Ангеліна Антоніна Вікторія Віра Ганна Дарина Діана Євгенія Єлизавета Зінаїда Інна Ірина Катерина Леся
Лідія Любов Мар'яна Марія Мирослава Надія Наталія Ніна Олена Поліна Раїса Світлана Соломія Софія Тетяна Уляна Юлія Христина
Adam Adrian Aleksander Andrzej Antoni Artur Bartłomiej Bartosz Bogdan Bogusław Czesław Damian Daniel Dariusz Dawid Dominik Edward Emil
Franciszek Grzegorz Henryk Hubert Ignacy Jacek Jakub Jan Janusz Jarosław Jerzy Józef Kacper Kamil Karol Kazimierz Konrad Krzysztof
Leszek Łukasz Maciej Marcin Marek Mariusz Mateusz Michał Mikołaj Mirosław Norbert Patryk Paweł Piotr Przemysław Rafał Robert Roman
Ryszard Sebastian Sławomir Stanisław Stefan Szymon Tadeusz Tomasz Wiesław Wiktor Witold Władysław Wojciech Zbigniew Zdzisław Zenon
Zygmunt Agata Agnieszka Aleksandra Alicja Aniela Anna Barbara Beata Bożena Danuta Dorota Edyta Elżbieta Ewa Ewelina Gabriela
Genowefa Grażyna Halina Hanna Helena Irena Iwona Izabela Jadwiga Janina Joanna Jolanta Julia Justyna Kamila Karolina Katarzyna
Krystyna Lena Leokadia Lucyna Magdalena Maja Małgorzata Maria Marianna Marta Monika Natalia Oliwia Patrycja Paulina Renata
Stanisława Sylwia Teresa Urszula Wanda Weronika Wiesława Zofia Zuzanna
Olena Oleksandr Oleksandra Oleksii Andrii Serhii Sergei Sergey Dmytro Dmitry Dmitri Mykola Nikolai Volodymyr Vladimir Yurii Yuri Vasyl
Petro Pavlo Oleh Oleg Taras Bohdan Yaroslav Ivan Oksana Halyna Galina Svitlana Svetlana Liudmyla Lyudmila Valentyna Valentina
Nadiia Nadezhda Kateryna Ekaterina Yekaterina Yulia Yuliia Anastasiia Anastasia Viktoriia Viktoria Viktor Iryna Irina Tetiana
Tatiana Tatyana Nataliia Olha Olga Mariia Elena Yelena Giorgos Georgios Yannis Giannis Ioannis Konstantinos Kostas Dimitris Nikos
Nikolaos Eleni Katerina Sofia Vasiliki Georgia Dimitra
Γιώργος Γεώργιος Γιάννης Ιωάννης Κώστας Κωνσταντίνος Δημήτρης Δημήτριος Νίκος Νικόλαος Παναγιώτης Βασίλης Βασίλειος Χρήστος
Χρίστος Αθανάσιος Θανάσης Μιχάλης Μιχαήλ Ευάγγελος Βαγγέλης Σπύρος Σπυρίδων Αντώνης Αντώνιος Θεόδωρος Ανδρέας Ηλίας Στέλιος
Στυλιανός Μανώλης Εμμανουήλ Παύλος Πέτρος Αλέξανδρος Σταύρος Γρηγόρης Αριστείδης Στέφανος Φώτης Λευτέρης Ελευθέριος Χαράλαμπος
Απόστολος Θωμάς Άγγελος Μάριος Άρης Σωτήρης Διονύσης Τάσος Ανέστης Πάνος Γεράσιμος Λάμπρος Κυριάκος Μάρκος Ορέστης
Μαρία Ελένη Αικατερίνη Κατερίνα Βασιλική Σοφία Αγγελική Γεωργία Δήμητρα Ευαγγελία Κωνσταντίνα Παναγιώτα Ιωάννα Χριστίνα Ειρήνη
Αναστασία Δέσποινα Ευτυχία Σταυρούλα Αθηνά Νίκη Φωτεινή Χρυσούλα Θεοδώρα Αλεξάνδρα Παρασκευή Βαρβάρα Ευδοκία Αργυρώ Ζωή Άννα
Μαργαρίτα Γαρυφαλλιά Ευφροσύνη Στέλλα Αντωνία Όλγα Χαρίκλεια Πολυξένη Ξανθή Καλλιόπη Σταματία Ευγενία Κυριακή Αλίκη
`;

const GIVEN = new Set(GIVEN_NAMES.split(/\s+/).filter((w) => w !== '').map(fold));

/** A patronymic (Russian, Ukrainian), folded. */
export const PATRONYMIC = /(ович|евич|євич|ьович|ич|овна|евна|ївна|івна|ична|инична|вна)$/u;

/** Endings (folded) that mark a word as a surname when it is not a known given name. */
const SURNAME_ENDING = new RegExp(
  `(${[
    // Greek: a woman's surname and a father's name in the genitive, and the men's surname endings.
    'ου', 'ακης', 'ιδης', 'ιαδης', 'οπουλος', 'ακη', 'ιδη', 'ατος', 'ης', 'ος', 'ας',
    // Polish
    'ski', 'ska', 'cki', 'cka', 'dzki', 'dzka', 'wicz', 'czyk', 'czak', 'czuk', 'iak', 'ak', 'uk', 'yk', 'ik', 'enko',
    // Russian and Ukrainian (and their Latin spellings)
    'ов', 'ова', 'ев', 'ева', 'ин', 'ина', 'ын', 'ына', 'ский', 'ская', 'цкий', 'цкая', 'ський', 'ська', 'цький', 'цька', 'енко', 'ук', 'юк', 'чук', 'ых', 'их',
    'ov', 'ova', 'ev', 'eva', 'sky', 'skyi', 'skaya', 'opoulos', 'opoulou', 'akis', 'idis', 'idou',
  ].join('|')})$`,
  'u',
);

/** What one word says: −1 a given name, +1 a surname, 0 nothing. */
function wordSide(word: string): number {
  const w = fold(word).replace(/[^\p{L}]/gu, '');
  if (w === '') return 0;
  if (GIVEN.has(w)) return -1;
  if (PATRONYMIC.test(w) && /\p{Script=Cyrillic}/u.test(w)) return 0;
  return w.length > 3 && SURNAME_ENDING.test(w) ? 1 : 0;
}

/** A word in capitals (KOWALSKI), not initials (И.И.). */
export const isUpper = (w: string) => !w.includes('.') && w.replace(/[^\p{L}]/gu, '').length > 2 && w === w.toUpperCase() && w !== w.toLowerCase();
const isPatronymic = (w: string) => PATRONYMIC.test(fold(w));

/**
 * The order of a full name's words as its words tell it, or null when they do not: a comma
 * ("Kowalski, Jan") or a word in capitals ("KOWALSKI Jan") marks the surname; a patronymic last
 * means surname first, a patronymic second of three words means surname last; otherwise the two
 * readings are weighed: surname first (the first word a surname, the second a given name) against
 * surname last (the last word a surname, the first a given name), each word counting as a known
 * given name or as a surname by its ending.
 */
export function nameOrderOf(input: string): KnownOrder | null {
  const text = input.replace(/\s+/g, ' ').trim();
  if (text.split(',').filter((s) => s.trim() !== '').length === 2) return 'surnameFirst';
  const words = text.split(' ').filter((w) => w !== '');
  if (words.length < 2) return null;
  const first = words[0] as string;
  const last = words[words.length - 1] as string;
  const upper = words.findIndex(isUpper);
  if (upper === 0 && !words.every(isUpper)) return 'surnameFirst';
  if (upper === words.length - 1 && !words.every(isUpper)) return 'surnameLast';
  if (words.length >= 3 && isPatronymic(last)) return 'surnameFirst';
  if (words.length === 3 && isPatronymic(words[1] as string)) return 'surnameLast';
  // Surname first makes the second word the given name; surname last, the first word.
  const sideFirst = wordSide(first);
  const fitFirst = sideFirst - wordSide(words[1] as string);
  const fitLast = wordSide(last) - sideFirst;
  return fitFirst > fitLast ? 'surnameFirst' : fitLast > fitFirst ? 'surnameLast' : null;
}

/**
 * The order most of a column's names show by their words (null when none tells, or as many one
 * way as the other): the order of a name that cannot be told alone.
 */
export function columnNameOrder(names: Iterable<string>): KnownOrder | null {
  let first = 0;
  let last = 0;
  for (const name of names) {
    const o = nameOrderOf(name);
    if (o === 'surnameFirst') first++;
    else if (o === 'surnameLast') last++;
  }
  return first > last ? 'surnameFirst' : last > first ? 'surnameLast' : null;
}
