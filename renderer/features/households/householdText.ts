import { useTranslation } from 'react-i18next';
import type { HouseholdMember, Relation } from '../../../shared/domain/households';
import { ApiError } from '../../bridge';
import { errorText } from '../../ui/ErrorNotice';

/** The households' words: relations, reasons, a member's name (or "Child, born 2019" for an unnamed one), errors. */
export function useHouseholdText() {
  const { t } = useTranslation(['residents', 'common']);
  const relation = (r: Relation) => t(`common:household.relation.${r}`);
  return {
    t,
    relation,
    endReason: (r: string) => t(`common:household.endReason.${r}`),
    /** A registered member's name, or the relation and birth year of an unnamed one. */
    name: (m: Pick<HouseholdMember, 'fullName' | 'relation' | 'birthYear'>) =>
      m.fullName ?? (m.birthYear !== null ? t('residents:household.unnamed', { relation: relation(m.relation), year: m.birthYear }) : t('residents:household.unnamedNoYear', { relation: relation(m.relation) })),
    error: (err: unknown) => errorText(t, err),
  };
}

/** The field messages of a refused call, by path with `strip` taken off its start ("members." → "0.residentId"). */
export function fieldErrorsOf(err: unknown, strip: RegExp = /^$/): Record<string, string> | null {
  if (!(err instanceof ApiError) || !err.body.fields?.length) return null;
  const out: Record<string, string> = {};
  for (const f of err.body.fields) out[f.path.replace(strip, '')] ??= f.message;
  return out;
}
