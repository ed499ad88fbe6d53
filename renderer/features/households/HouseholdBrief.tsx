import type { HouseholdBrief } from '../../../shared/domain/household-brief';
import { useHouseholdText } from './householdText';
import './households.css';

/**
 * A resident's household in one line, for the search and the duplicate warning: how many live
 * there, who heads it (or that the resident does), and the first of the others by name (an unnamed
 * member as "Child, born 2019").
 */
export function HouseholdBriefLine({ brief }: { brief: HouseholdBrief | null | undefined }) {
  const text = useHouseholdText();
  const { t } = text;
  if (!brief) return null;
  // The head is named on their own ("Head of household: …"), the others after.
  const names = brief.members.filter((m) => m.relation !== 'head').map((m) => text.name({ fullName: m.fullName ?? null, relation: m.relation, birthYear: m.birthYear ?? null }));
  // The others beyond the few listed (the resident is one of `size`).
  const more = brief.size - 1 - brief.members.length;
  const head = brief.relation === 'head' ? t('residents:household.head') : brief.headName ? `${t('residents:household.head')}: ${brief.headName}` : null;
  return (
    <span className="household-brief">
      <span className="household-brief-size">
        {t('residents:household.title')}: {t('residents:household.members', { count: brief.size })}
      </span>
      {head ? <span>{head}</span> : null}
      {names.length > 0 ? (
        <span>
          {names.join(', ')}
          {more > 0 ? ` ${t('residents:household.brief.more', { count: more })}` : ''}
        </span>
      ) : null}
    </span>
  );
}
