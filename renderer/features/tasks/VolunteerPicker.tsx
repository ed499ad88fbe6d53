import { useId, useState } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { VolunteerSummary } from '../../../shared/domain/volunteers';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useDebounced } from '../../ui/useDebounced';
import './tasks.css';

/**
 * Find a volunteer by name (volunteers.search folds case and accents) and add them: type, then
 * Enter adds the first match, or Tab to a name and Enter.
 */
export function VolunteerPicker(props: { label: string; exclude: readonly number[]; onPick: (v: VolunteerSummary) => void }) {
  const { t } = useTranslation(['tasks', 'common']);
  const id = useId();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 150);
  const found = useCall('volunteers.search', { q: query, limit: 8 }, { enabled: query.length > 0, placeholderData: keepPreviousData });
  const items = query.length > 0 ? (found.data ?? []).filter((v) => !props.exclude.includes(v.id)) : [];
  const pick = (v: VolunteerSummary) => {
    props.onPick(v);
    setQ('');
  };
  return (
    <div className="field volunteer-picker">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            const first = items[0];
            if (first && query === q.trim()) pick(first);
          }
        }}
      />
      <ErrorNotice error={found.error} />
      {query.length > 0 && found.data && items.length === 0 ? <p className="muted">{t('tasks:suggestions.noMatch')}</p> : null}
      {items.length > 0 ? (
        <ul className="vpicker-results">
          {items.map((v) => (
            <li key={v.id}>
              <button type="button" className="small" onClick={() => pick(v)}>
                {t('tasks:outcome.addNamed', { name: v.fullName })}
              </button>
              {v.settlement ? <span className="muted">{v.settlement}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
