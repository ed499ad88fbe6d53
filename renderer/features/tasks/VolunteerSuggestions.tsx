import { useId, useMemo, useRef, useState } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PartOfDay, Suggestion } from '../../../shared/domain/tasks';
import { useCall } from '../../app/api';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { useDebounced } from '../../ui/useDebounced';
import { ReasonBadges, WarningBadges } from './TaskStatusBadge';
import { useTaskText } from './taskText';
import './tasks.css';

export interface SuggestQuery {
  kindId: number;
  residentId: number;
  scheduledOn: string;
  partOfDay: PartOfDay | null;
  startTime: string | null;
  excludeTaskId?: number;
}

/** How many of the best matches show before "Show more". */
const FIRST = 6;

/**
 * Volunteers ranked for a task (tasks.suggest), each with its reasons and warnings as badges.
 * Pick one or more with the keyboard: Tab from name to name, Space to pick. Typing a name in the
 * filter (volunteers.search: folds case and accents) narrows the list; Enter there picks the first.
 */
export function VolunteerSuggestions(props: {
  query: SuggestQuery | null;
  selected: readonly number[];
  onChange: (ids: number[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation(['tasks', 'common']);
  const text = useTaskText();
  const id = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const [filter, setFilter] = useState('');
  const [showAll, setShowAll] = useState(false);
  const q = useDebounced(filter.trim(), 150);

  const suggest = useCall('tasks.suggest', props.query ?? { kindId: 0, residentId: 0, scheduledOn: '' }, {
    enabled: props.query !== null,
    placeholderData: keepPreviousData,
  });
  const found = useCall('volunteers.search', { q, limit: 200 }, { enabled: q.length > 0, placeholderData: keepPreviousData });

  const all = useMemo(() => suggest.data ?? [], [suggest.data]);
  const selected = useMemo(() => new Set(props.selected), [props.selected]);
  const visible = useMemo((): Suggestion[] => {
    if (q.length > 0) {
      const ids = new Set((found.data ?? []).map((v) => v.id));
      return all.filter((s) => ids.has(s.volunteerId));
    }
    if (showAll) return all;
    return all.filter((s, i) => i < FIRST || selected.has(s.volunteerId));
  }, [all, found.data, q, showAll, selected]);
  const hidden = q.length > 0 ? 0 : all.length - visible.length;

  const toggle = (volunteerId: number, on: boolean) => {
    const rest = props.selected.filter((v) => v !== volunteerId);
    props.onChange(on ? [...rest, volunteerId] : rest);
  };
  const picked = all.filter((s) => selected.has(s.volunteerId));
  const warned = picked.filter((s) => s.warnings.length > 0);

  if (props.query === null) {
    return (
      <fieldset className="vs-panel">
        <legend>{t('tasks:suggestions.title')}</legend>
        <p className="muted">{t('tasks:suggestions.chooseDay')}</p>
      </fieldset>
    );
  }

  return (
    <fieldset className={`vs-panel ${props.error ? 'field-invalid' : ''}`} aria-describedby={`${id}-hint`}>
      <legend>{t('tasks:suggestions.title')}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {t('tasks:suggestions.hint')}
      </p>
      <input
        type="search"
        className="vs-filter"
        aria-label={t('tasks:suggestions.filter')}
        placeholder={t('tasks:suggestions.filter')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            // Enter picks the first match here; it never submits the form.
            e.preventDefault();
            const first = visible[0];
            if (q.length > 0 && q === filter.trim() && first) {
              if (!selected.has(first.volunteerId)) toggle(first.volunteerId, true);
              setFilter('');
            }
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            listRef.current?.querySelector<HTMLInputElement>('input')?.focus();
          } else if (e.key === 'Escape' && filter !== '') {
            e.preventDefault();
            setFilter('');
          }
        }}
      />
      <ErrorNotice error={suggest.error ?? found.error} />
      {suggest.data && all.length === 0 ? <p className="muted">{t('tasks:suggestions.none')}</p> : null}
      {q.length > 0 && found.data && visible.length === 0 ? <p className="muted">{t('tasks:suggestions.noMatch')}</p> : null}
      <ul ref={listRef} className="vs-list" aria-label={t('tasks:suggestions.listLabel')}>
        {visible.map((s) => {
          const rowId = `${id}-${s.volunteerId}`;
          const on = selected.has(s.volunteerId);
          return (
            <li key={s.volunteerId} className={`${on ? 'vs-on' : ''} ${s.warnings.length > 0 ? 'vs-warned' : ''}`}>
              <label className="vs-item">
                <input
                  type="checkbox"
                  checked={on}
                  aria-labelledby={`${rowId}-name`}
                  aria-describedby={`${rowId}-why`}
                  onChange={(e) => toggle(s.volunteerId, e.target.checked)}
                />
                <span className="vs-body">
                  <span id={`${rowId}-name`} className="vs-name">
                    {s.fullName}
                  </span>
                  <span id={`${rowId}-why`} className="vs-why">
                    <WarningBadges warnings={s.warnings} />
                    <ReasonBadges reasons={s.reasons} />
                    <span className="vs-load">
                      {s.weekTasks === 0
                        ? t('tasks:suggestions.weekFree')
                        : s.weekLoadMinutes > 0
                          ? `${t('tasks:suggestions.weekTasks', { count: s.weekTasks })} · ${text.hours(s.weekLoadMinutes)}`
                          : t('tasks:suggestions.weekTasks', { count: s.weekTasks })}
                    </span>
                  </span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {hidden > 0 ? (
        <button type="button" className="small" onClick={() => setShowAll(true)}>
          {t('tasks:suggestions.showAll', { count: hidden })}
        </button>
      ) : null}
      <p className="vs-picked" aria-live="polite">
        {picked.length > 0 ? t('tasks:suggestions.picked', { count: picked.length }) : t('tasks:suggestions.pickedNone')}
      </p>
      {warned.length > 0 ? (
        <div className="notice notice-warning">
          {t('tasks:checkWarnings')}
          <ul>
            {warned.flatMap((s) =>
              s.warnings.map((w) => <li key={`${s.volunteerId}-${w}`}>{text.warningText(w, s.fullName)}</li>),
            )}
          </ul>
        </div>
      ) : null}
      {props.error ? (
        <div className="field-error" role="alert">
          {fieldText(t, props.error)}
        </div>
      ) : null}
    </fieldset>
  );
}
