/**
 * The import benchmark (issue 15, metric import.residents.50k): a residents list of 50,000 rows as
 * a Russian centre's Excel saves it (Windows-1251, ";", dates 31.12.1950, addresses and situations
 * in words, households of two), imported into the given core through import.run. And the other
 * kinds at city scale (import.requests.2k, import.cashbook.20k): a request history of the city's
 * own residents and a cash book on its own accounts, dry run and run through the calls, with the
 * longest stall of the calling thread while they run (the compare and the write are the long-work
 * thread's; what is left here — the input's and the answer's checks — must not freeze the screens).
 */
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ImportKind, ImportMapping } from '../../../../shared/domain/imports';
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

/** The longest stall of this thread while watched: a 5 ms heartbeat's longest gap beyond 5 ms, and the event-loop delay histogram's maximum. */
export function watchStalls(): () => { heartbeatMs: number; loopDelayMs: number; endedAt: number } {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  let last = performance.now();
  let longest = 0;
  let endedAt = last;
  const gap = (now: number) => {
    if (now - last - 5 > longest) {
      longest = now - last - 5;
      endedAt = now;
    }
    last = now;
  };
  const beat = setInterval(() => gap(performance.now()), 5);
  return () => {
    clearInterval(beat);
    // The gap up to now counts too (a stall at the very end).
    gap(performance.now());
    histogram.disable();
    return { heartbeatMs: Math.max(0, longest), loopDelayMs: histogram.max / 1e6, endedAt };
  };
}

/** The longest stall of this thread over `ms` with nothing to do: what the machine's load alone costs the heartbeat. */
export async function idleStall(ms: number): Promise<number> {
  const stop = watchStalls();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const s = stop();
  return Math.max(s.heartbeatMs, s.loopDelayMs);
}

export interface PhaseFigures {
  ms: number;
  cpuMs: number;
  /** The calling thread's longest stall (the larger of the heartbeat's and the loop-delay histogram's). */
  stallMs: number;
  created: number;
  duplicates: number;
  rejected: number;
  /** When the heartbeat's longest gap ended, in ms after the call began (the call took `ms`): near `ms`, the answer's own handling on this thread. */
  stallEndedMs: number;
  /** Rows rejected or skipped by reason (of the rows the answer lists: at most its first 5,000). */
  reasons: Record<string, number>;
}

export interface KindBenchResult {
  kind: ImportKind;
  rows: number;
  dryRun: PhaseFigures;
  run: PhaseFigures;
  /** The machine's 1-minute load average when the run ended. */
  load: number;
}

/** A dry run, then the run, of `file` through the calls (as the wizard's two buttons), each timed and watched for stalls. */
export async function benchImportKind(core: { dispatch: Dispatch }, kind: ImportKind, rows: number, file: { fileName: string; base64: string }, mapping: ImportMapping, caller: Caller = { actor: BUILT_IN_ADMIN }): Promise<KindBenchResult> {
  const phase = async (call: 'import.dryRun' | 'import.run'): Promise<PhaseFigures> => {
    const stop = watchStalls();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const answer = await core.dispatch(call, { kind, file, mapping }, caller);
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const stall = stop();
    if (!answer.ok) throw new Error(`${call} ${kind} failed: ${JSON.stringify(answer.error)}`);
    const v = answer.value as { created: number; duplicates: number; rejected: number; rows: { reason: string | null }[] };
    const reasons: Record<string, number> = {};
    for (const r of v.rows) if (r.reason !== null) reasons[r.reason] = (reasons[r.reason] ?? 0) + 1;
    return { ms, cpuMs: (used.user + used.system) / 1000, stallMs: Math.max(stall.heartbeatMs, stall.loopDelayMs), stallEndedMs: stall.endedAt - started, created: v.created, duplicates: v.duplicates, rejected: v.rejected, reasons };
  };
  const dryRun = await phase('import.dryRun');
  const run = await phase('import.run');
  return { kind, rows, dryRun, run, load: loadavg()[0] ?? 0 };
}

export interface BenchPerson {
  lastName: string;
  firstName: string;
  patronymic: string;
  birthYear: number;
}

const isoDay = (days: number) => new Date(Date.UTC(2000, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
const dotted = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * A request history of `rows` rows (UTF-8, ";", as a Ukrainian centre's Excel saves it): row i is
 * a request of person i (cycling through `people`) of kind i (cycling through `kinds`: their names
 * as the list writes them), on a day before `today` (a different one for each row), done, in work
 * or new.
 */
export function requestsCsv(rows: number, people: readonly BenchPerson[], kinds: readonly string[], today: string): { bytes: Uint8Array; mapping: ImportMapping } {
  if (people.length === 0 || kinds.length === 0) throw new Error('requestsCsv: no people or no kinds');
  const out: string[][] = [['ПІБ', 'Рік народження', 'Вид допомоги', 'Дата', 'Статус', 'Опис']];
  const end = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.UTC(2000, 0, 1)) / 86_400_000) - 1;
  const statuses = ['виконано', 'виконано', 'виконано', 'в роботі', 'новий'];
  for (let i = 0; i < rows; i++) {
    const p = people[i % people.length] as BenchPerson;
    out.push([[p.lastName, p.firstName, p.patronymic].filter((x) => x !== '').join(' '), String(p.birthYear), kinds[i % kinds.length] as string, dotted(isoDay(end - i)), statuses[i % statuses.length] as string, i % 3 === 0 ? `з архіву, рядок ${i + 2}` : '']);
  }
  const mapping: ImportMapping = { columns: { ПІБ: 'fullName', 'Рік народження': 'birthYear', 'Вид допомоги': 'kind', Дата: 'date', Статус: 'status', Опис: 'text' }, nameOrder: 'surnameFirst', language: 'uk' };
  return { bytes: encodeText(csvText(out, ';'), 'utf-8', true), mapping };
}

/**
 * A cash book of `rows` rows (Windows-1251, ";"): income and expense columns with amounts as
 * "1 234,50", over the given accounts (by name) and categories of each direction (by the label the
 * list writes, or empty), days back from `today`, a few a day.
 */
export function cashbookCsv(rows: number, accounts: readonly string[], income: readonly string[], expense: readonly string[], today: string): { bytes: Uint8Array; mapping: ImportMapping } {
  if (accounts.length === 0) throw new Error('cashbookCsv: no accounts');
  const out: string[][] = [['Дата', 'Прихід', 'Видаток', 'Рахунок', 'Стаття', 'Контрагент', 'Примітка']];
  const end = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.UTC(2000, 0, 1)) / 86_400_000) - 1;
  for (let i = 0; i < rows; i++) {
    const isIncome = i % 4 === 0;
    const minor = 1_000 + ((i * 7_919) % 500_000);
    const amount = `${Math.floor(minor / 100).toLocaleString('uk').replace(/\s/g, ' ')},${String(minor % 100).padStart(2, '0')}`;
    const categories = isIncome ? income : expense;
    out.push([
      dotted(isoDay(end - Math.floor(i / 6))),
      isIncome ? amount : '',
      isIncome ? '' : amount,
      accounts[i % accounts.length] as string,
      categories.length > 0 ? (categories[i % categories.length] as string) : '',
      i % 5 === 0 ? 'ТОВ «Аптека №3»' : '',
      `рядок ${i + 2}`,
    ]);
  }
  const mapping: ImportMapping = { columns: { Дата: 'date', Прихід: 'income', Видаток: 'expense', Рахунок: 'account', Стаття: 'category', Контрагент: 'counterparty', Примітка: 'text' }, nameOrder: 'auto', language: 'uk' };
  return { bytes: encodeText(csvText(out, ';'), 'windows-1251'), mapping };
}
