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
 */
export async function computeFigures(ex: Executor, p: Period, withMoney: boolean): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const f of FIGURES) {
    if (f.key === 'money' && !withMoney) continue;
    out[f.key] = await f.compute(ex, p);
  }
  return out;
}

export function reportsService(deps: CoreDeps) {
  const { db, clock } = deps;
  return {
    async results(input: { from: string; to: string; language?: Language | undefined }, actor: Actor): Promise<ResultsReport> {
      const p = periodOf(input.from, input.to, clock.today());
      const withMoney = roleReceives(actor.role, 'money');
      const out: Record<string, unknown> = { from: p.from, to: p.to, months: p.months, ...(await computeFigures(db, p, withMoney)) };
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
