/**
 * The import benchmark (issue 15, metric import.residents.50k): a residents list of 50,000 rows as
 * a Russian centre's Excel saves it (Windows-1251, ";", dates 31.12.1950, addresses and situations
 * in words, households of two), imported into the given core through import.run.
 */
import { loadavg } from 'node:os';
import { BUILT_IN_ADMIN, type Caller } from '../../context';
import type { Dispatch } from '../../dispatch';
import { csvText, encodeText } from './fixtures';

const LAST = ['Иванов', 'Петров', 'Сидоров', 'Кузнецов', 'Смирнов', 'Попов', 'Васильев', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров', 'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов'];
const FIRST_M = ['Иван', 'Пётр', 'Олег', 'Сергей', 'Андрей', 'Николай', 'Михаил', 'Алексей', 'Юрий', 'Виктор'];
const FIRST_F = ['Мария', 'Анна', 'Ольга', 'Елена', 'Татьяна', 'Наталья', 'Галина', 'Нина', 'Людмила', 'Вера'];
const PATR = ['Иванович', 'Петрович', 'Сергеевич', 'Николаевич', 'Михайлович'];
const STREETS = ['Ленина', 'Заречная', 'Лесная', 'Школьная', 'Садовая', 'Мира', 'Советская', 'Набережная'];
const SITUATIONS = ['', '', 'одинокий пенсионер', 'пенсионер', 'многодетная семья', 'переселенец', ''];

/** A residents CSV of `rows` people (deterministic): row i is a unique person. */
export function residentsCsv(rows: number): Uint8Array {
  const out: string[][] = [['ФИО', 'Дата рождения', 'Адрес', 'Телефон', 'Положение', 'Семья']];
  for (let i = 0; i < rows; i++) {
    // Mixed radix: surname, first name, patronymic and birth year make each of 70,000 people unique.
    const female = i % 2 === 1;
    const last = (LAST[i % LAST.length] as string) + (female ? 'а' : '');
    const first = (female ? FIRST_F : FIRST_M)[Math.floor(i / 20) % 10] as string;
    const patronymic = PATR[Math.floor(i / 200) % 5] as string;
    const patr = female ? patronymic.replace(/ич$/, 'на').replace(/ьевна$/, 'ьевна') : patronymic;
    const year = 1930 + (Math.floor(i / 1000) % 70);
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 12);
    const house = 1 + Math.floor(i / 2);
    const digits = String(i).padStart(7, '0');
    out.push([
      `${last} ${first} ${patr}`,
      `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`,
      `с. Сылва, ул. ${STREETS[i % STREETS.length]}, д. ${house}`,
      `+7 912 ${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5, 7)}`,
      SITUATIONS[i % SITUATIONS.length] as string,
      `h${Math.floor(i / 2)}`,
    ]);
  }
  return encodeText(csvText(out, ';'), 'windows-1251');
}

export interface ImportBenchResult {
  rows: number;
  ms: number;
  /** CPU time of the whole process over the call (both threads: the call's and the long-work one), user + system. */
  cpuMs: number;
  /** The machine's 1-minute load average when the call ended (the machine is shared). */
  load: number;
  created: number;
  duplicates: number;
  rejected: number;
  households: number;
}

/** Builds the list and imports it into `core` as the built-in administrator; the time is import.run's. */
export async function benchImportResidents(core: { dispatch: Dispatch }, rows = 50_000, caller: Caller = { actor: BUILT_IN_ADMIN }): Promise<ImportBenchResult> {
  const file = { fileName: 'residents-50k.csv', base64: Buffer.from(residentsCsv(rows)).toString('base64') };
  const mapping = {
    columns: { ФИО: 'fullName', 'Дата рождения': 'birthDate', Адрес: 'address', Телефон: 'phone', Положение: 'situations', Семья: 'householdKey' },
    nameOrder: 'auto',
    language: 'ru',
  } as const;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const answer = await core.dispatch('import.run', { kind: 'residents', file, mapping }, caller);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  if (!answer.ok) throw new Error(`import.run failed: ${JSON.stringify(answer.error)}`);
  const v = answer.value as { created: number; duplicates: number; rejected: number; households: number };
  return { rows, ms, cpuMs, load: loadavg()[0] ?? 0, created: v.created, duplicates: v.duplicates, rejected: v.rejected, households: v.households };
}
