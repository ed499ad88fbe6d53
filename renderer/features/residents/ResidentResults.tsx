import { forwardRef } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ResidentSummary } from '../../../shared/domain/residents';
import { HouseholdBriefLine } from '../households/HouseholdBrief';

/** Search results: arrow keys move between them, Enter opens the resident. */
export const ResidentResults = forwardRef<HTMLUListElement, { items: ResidentSummary[]; query: string; onBackToInput?: () => void }>(
  function ResidentResults({ items, query, onBackToInput }, ref) {
    const { t } = useTranslation(['residents', 'frontdesk']);
    if (items.length === 0) {
      return (
        <div className="no-results">
          <p>{t('residents:search.none', { query })}</p>
          <Link to={`/residents/new?name=${encodeURIComponent(query)}`} className="button">
            {t('residents:search.createNamed', { name: query })}
          </Link>
        </div>
      );
    }
    const move = (e: React.KeyboardEvent<HTMLElement>, delta: number) => {
      const links = Array.from((e.currentTarget.closest('ul') as HTMLUListElement).querySelectorAll<HTMLElement>('a.result-main'));
      const index = links.indexOf(e.currentTarget) + delta;
      if (index < 0) onBackToInput?.();
      else links[Math.min(index, links.length - 1)]?.focus();
    };
    return (
      <ul className="results" ref={ref} aria-label={t('residents:search.results')}>
        {items.map((r) => (
          <li key={r.id}>
            <Link
              to={`/residents/${r.id}`}
              className="result-main"
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown') {
                  e.preventDefault();
                  move(e, 1);
                } else if (e.key === 'ArrowUp') {
                  e.preventDefault();
                  move(e, -1);
                }
              }}
            >
              <span className="result-name">{r.fullName}</span>
              {r.birthYear !== null ? <span className="muted">{t('residents:bornShort', { year: r.birthYear })}</span> : null}
              <span className="result-address">{r.address}</span>
              <span className="result-phone">{r.phones.join(', ')}</span>
              {r.regularCare ? <span className="badge care">{t('residents:regularCareBadge')}</span> : null}
              <HouseholdBriefLine brief={r.household} />
            </Link>
            <Link to={`/requests/new?resident=${r.id}`} className="button small" tabIndex={-1}>
              {t('frontdesk:newRequestFor')}
            </Link>
          </li>
        ))}
      </ul>
    );
  },
);
