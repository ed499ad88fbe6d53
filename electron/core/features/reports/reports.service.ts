/**
 * The results report (issue 14): the figures of figures.ts for a period, with their definitions
 * in the caller's language, and the named list behind a figure.
 */
import { roleReceives } from '../../../../shared/api/fields';
import type { Language } from '../../../../shared/domain/settings';
import type { ResultsReport } from '../../../../shared/domain/reports';
import type { Actor, CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { isLanguage, translator } from '../../i18n';
import { FIGURES, periodOf, type Period } from './figures';
import { peopleBehind, type PeopleQuery } from './people';
import { SECOND_READER, type FigureReader } from './figure-reader';

/** The language of the definitions: asked for, else the acting user's, else the centre's, else English. */
export async function languageOf(ex: Executor, actor: Actor, asked: Language | undefined): Promise<Language> {
  if (asked) return asked;
  const user = await ex.selectFrom('users').select('language').where('id', '=', actor.id).executeTakeFirst();
  if (isLanguage(user?.language)) return user.language;
  const centre = await ex.selectFrom('settings').select('value').where('key', '=', 'language').executeTakeFirst();
  return isLanguage(centre?.value) ? centre.value : 'en';
}

/** The definition sentence of every figure in a language (namespace `reports`). */
export function definitionsIn(language: Language): Record<string, string> {
  const t = translator(language);
  return Object.fromEntries(FIGURES.map((f) => [f.key, t(`reports:${f.definition}`)]));
}

/**
 * The figures of a period as the report's JSON keys (figures.ts computes each), with or without
 * money; the results report and the grant report's activity read the same numbers from here.
 * With a second reader (a database file: figure-reader.ts) its half of the figures are computed
 * there while this thread computes the rest; whatever it cannot give is computed here.
 */
export async function computeFigures(ex: Executor, p: Period, withMoney: boolean, reader?: FigureReader): Promise<Record<string, unknown>> {
  const wanted = FIGURES.filter((f) => f.key !== 'money' || withMoney);
  const there = reader ? wanted.filter((f) => SECOND_READER.has(f.key)).map((f) => f.key) : [];
  const fromThere = there.length > 0 && reader ? reader.compute(there, { from: p.from, to: p.to, today: p.today }) : Promise.resolve(null);
  const here: Record<string, unknown> = {};
  for (const f of wanted) if (!there.includes(f.key)) here[f.key] = await f.compute(ex, p);
  const got = await fromThere;
  const out: Record<string, unknown> = {};
  for (const f of wanted) out[f.key] = f.key in here ? here[f.key] : got && f.key in got ? got[f.key] : await f.compute(ex, p);
  return out;
}

export function reportsService(deps: CoreDeps) {
  const { db, clock } = deps;
  return {
    async results(input: { from: string; to: string; language?: Language | undefined }, actor: Actor): Promise<ResultsReport> {
      const p = periodOf(input.from, input.to, clock.today());
      const withMoney = roleReceives(actor.role, 'money');
      const out: Record<string, unknown> = { from: p.from, to: p.to, months: p.months, ...(await computeFigures(db, p, withMoney, deps.figures)) };
      out.definitions = definitionsIn(await languageOf(db, actor, input.language));
      out.distinct = FIGURES.filter((f) => f.distinct).map((f) => f.key);
      return out as ResultsReport;
    },

    /** The call's roles (CASEWORK) keep the treasurer out: dispatch refuses it before this runs. */
    async people(input: PeopleQuery) {
      return peopleBehind(db, periodOf(input.from, input.to, clock.today()), input);
    },
  };
}
