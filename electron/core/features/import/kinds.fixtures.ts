/**
 * The lists of the other kinds (volunteers, a cash book, in-kind stock, a request history) that
 * import.kinds.test.ts imports on one thread and kinds-off-thread.test.ts on the long-work thread,
 * and the helpers both read them with: one copy, so that the two tests compare the same rows.
 * (Kept apart from fixtures.ts, which the import's own code uses.)
 */
import type { TestCore } from '../../testing/test-core';
import type { ImportKind, ImportMapping } from '../../../../shared/domain/imports';
import { csvText, encodeText } from './fixtures';
import type { Encoding } from './read/decode';
import type { Separator } from './read/table';

/** A Russian centre's volunteers: a registered one (Петров), an unknown language, a day not in the calendar, the same person twice. */
export const VOLUNTEER_ROWS = [
  ['ФИО', 'Телефон', 'Языки', 'Навыки', 'Постоянный', 'Договор'],
  ['Петров Андрей Ильич', '+7 922 111-22-33', 'русский', 'Есть машина', 'да', '01.03.2026'],
  ['Смирнова Ольга', '', 'русский, английский', 'Есть машина, пеку пироги', 'нет', '15.02.2025'],
  ['Кузьмин Иван', '', 'клингонский', '', '', ''],
  ['Лесная Анна', '', '', '', '', '31.02.2025'],
  ['Смирнова Ольга', '', 'русский, английский', 'Есть машина, пеку пироги', 'нет', '15.02.2025'],
  ['Волков Пётр', '', '', 'дрова', 'x', ''],
];

/** A cash book with income and expense columns: an unknown account, 31 November, a category of the other direction, an ambiguous amount. */
export const CASHBOOK_ROWS = [
  ['Дата', 'Приход', 'Расход', 'Счёт', 'Статья', 'Контрагент', 'Примечание'],
  ['05.11.2026', '1 500,00', '', 'Касса', 'Пожертвования', 'Иванов И. И.', 'взнос'],
  ['2026-11-06', '', '320,50', 'касса', 'Лекарства для жителей', 'Аптека', ''],
  ['07.11.2026', '200', '', 'Сейф', '', '', ''],
  ['31.11.2026', '100', '', 'Касса', '', '', ''],
  ['08.11.2026', '', '50', 'Расчётный счёт', '', '', 'комиссия банка'],
  ['09.11.2026', '100', '', 'Касса', 'Зарплата', '', ''],
  ['10/11/2026', '1 000', '', 'Касса', '', '', ''],
  ['12.11.2026', '1,234', '', 'Касса', '', '', ''],
];

/** In-kind stock received: items found by name and size or added; a zero quantity, unknown units, a day after today (16 November 2026). */
export const STOCK_ROWS = [
  ['Наименование', 'Размер', 'Ед. изм.', 'Количество', 'Дата', 'От кого'],
  ['Детская обувь', '28', 'пар', '12', '01.11.2026', 'Красный Крест'],
  ['Детская обувь', '30', 'пары', '8', '01.11.2026', 'Красный Крест'],
  ['Продуктовый набор', '', 'шт', '40', '02.11.2026', ''],
  ['детская обувь', '28', 'пар', '5', '03.11.2026', 'Магазин'],
  ['одеяло', '', 'штук', '0', '', ''],
  ['Одеяло', '', 'коробка', '3', '', ''],
  ['Одеяло', '', 'шт.', '6', '', 'Приход из церкви'],
  ['Одеяло', '', 'кг', '6', '', ''],
  ['Одеяло', '', '', '2', '17.11.2026', ''],
];

/** The resident the request history is about (registered by the tests before they import it). */
export const IVANOVA = { lastName: 'Иванова', firstName: 'Мария', patronymic: 'Петровна', birthYear: 1941, phones: [] };

/** Иванова's request history: a resident not found, an unknown kind, the same request twice. */
export const REQUEST_ROWS = [
  ['ФИО', 'Год рождения', 'Вид помощи', 'Дата', 'Статус', 'Описание'],
  ['Иванова Мария Петровна', '1941', 'Дрова', '01.10.2026', 'выполнено', 'привезли 2 м3'],
  ['Иванова Мария', '1941', 'Покупка продуктов', '02.10.2026', '', ''],
  ['Сидоров Иван', '1960', 'Дрова', '03.10.2026', '', ''],
  ['Иванова Мария Петровна', '1941', 'Стрижка', '03.10.2026', '', ''],
  ['Иванова Мария Петровна', '1941', 'Дрова', '01.10.2026', 'новое', ''],
  ['Иванова Мария Петровна', '1941', 'Дрова', '05.10.2026', 'в работе', 'ещё раз'],
];

/** Rows as the file the wizard sends (Windows-1251 and ";" unless told). */
export const fileOf = (rows: string[][], encoding: Encoding = 'windows-1251', separator: Separator = ';', bom = false) => ({
  fileName: 'список.csv',
  base64: Buffer.from(encodeText(csvText(rows, separator), encoding, bom)).toString('base64'),
});
export type ImportFileOf = ReturnType<typeof fileOf>;

/** The mapping import.preview guesses for the file. */
export async function guessed(t: TestCore, kind: ImportKind, file: ImportFileOf, language: ImportMapping['language'] = 'ru'): Promise<ImportMapping> {
  const p = await t.value('import.preview', { kind, file });
  return { columns: p.guessed ?? {}, nameOrder: 'auto', language };
}

/** Each row's [row, outcome, reason, column]. */
export const outcomes = (r: { rows?: { row: number; outcome: string; reason: string | null; column: string | null }[] | undefined }) => r.rows?.map((x) => [x.row, x.outcome, x.reason, x.column]);
/** [created, duplicates, rejected]. */
export const counts = (r: { created?: number; duplicates?: number; rejected?: number }) => [r.created, r.duplicates, r.rejected];
