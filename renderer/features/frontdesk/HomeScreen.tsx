import { memo, useDeferredValue, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { ResidentSummary } from '../../../shared/domain/residents';
import { queryKeyOf, useCall } from '../../app/api';
import { invoke } from '../../bridge';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { RequestTable } from '../requests/RequestTable';
import { ResidentResults } from '../residents/ResidentResults';
import { TodayTasks } from '../tasks/TodayTasks';
import { AdminPanel, CoordinatorHome, FrontdeskToday, TreasurerHome } from '../dashboard/Dashboards';

/** What the front desk asks for as one types. */
const SEARCH_LIMIT = 8;

/**
 * The home screen, one per role (issue 14): the coordinator's and the treasurer's own; the front
 * desk's is the search box focused, today's queue, a shortcut for a new request, today's tasks,
 * aid and events; the admin's is the front desk with the admin's panel above it.
 *
 * Typing re-renders the search alone: its text is the search's own state, the queue and today's
 * tasks are separate components that a keystroke does not touch.
 */
export function HomeScreen() {
  const status = useCall('app.status', {});
  const role = status.data?.user.role;
  if (role === 'coordinator') return <CoordinatorHome />;
  if (role === 'treasurer') return <TreasurerHome />;
  if (role === undefined) return null;
  return (
    <div className="home">
      {role === 'admin' ? <AdminPanel /> : null}
      <FrontDeskSearch />
      <TodayQueue />
      <TodayTasks />
      <FrontdeskToday />
    </div>
  );
}

interface Shown {
  query: string;
  items: ResidentSummary[];
}

/**
 * The search as you type. Every keystroke asks the core at once (no waiting for a pause: the core
 * answers in milliseconds); the box is drawn first and the results after it (useDeferredValue).
 * The results stay those of the last answer until the answer for the newer text arrives, and an
 * answer that comes late for older text is never shown: only the answer for the text the results
 * are drawn for is.
 */
function FrontDeskSearch() {
  const { t } = useTranslation(['frontdesk', 'common']);
  const navigate = useNavigate();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const typed = q.trim();
  const query = useDeferredValue(typed);
  const results = useCall('residents.search', { q: query, limit: SEARCH_LIMIT }, { enabled: query.length > 0 });
  const [shown, setShown] = useState<Shown | null>(null);
  // The answer for the current text replaces what is shown (React's "state from the previous render").
  if (query.length > 0 && results.data !== undefined && (shown?.query !== query || shown.items !== results.data)) setShown({ query, items: results.data });
  if (query.length === 0 && shown !== null) setShown(null);
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  /** Enter: the first match for exactly what was typed (asked now if its answer is not here yet). */
  const openFirst = async () => {
    if (typed.length === 0) return;
    let first = shown?.query === typed ? shown.items[0] : undefined;
    if (shown?.query !== typed) {
      const input = { q: typed, limit: SEARCH_LIMIT };
      const found = await client.fetchQuery({ queryKey: queryKeyOf('residents.search', input), queryFn: () => invoke('residents.search', input) });
      first = found[0];
    }
    if (first) void navigate(`/residents/${first.id}`);
  };

  return (
    <section className="search-panel" aria-labelledby="search-title">
      <h1 id="search-title">{t('frontdesk:title')}</h1>
      <div className="search-row">
        <input
          ref={inputRef}
          type="search"
          className="search-input"
          autoFocus
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('frontdesk:searchPlaceholder')}
          aria-label={t('frontdesk:searchLabel')}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              listRef.current?.querySelector<HTMLElement>('a')?.focus();
            } else if (e.key === 'Enter') {
              e.preventDefault();
              void openFirst();
            }
          }}
        />
        <Link to="/requests/new" className="button primary big" title={t('frontdesk:newRequestShortcut')}>
          {t('frontdesk:newRequest')}
        </Link>
      </div>
      <p className="field-hint">{t('frontdesk:searchHint')}</p>
      {typed.length > 0 ? (
        <div aria-live="polite">
          <ErrorNotice error={results.error} />
          {shown ? <ShownResults ref={listRef} items={shown.items} query={shown.query} inputRef={inputRef} /> : null}
        </div>
      ) : null}
    </section>
  );
}

/** The results list, drawn again only when another answer is shown (not on every keystroke). */
const ShownResults = memo(function ShownResults({
  ref,
  items,
  query,
  inputRef,
}: Shown & { ref: React.Ref<HTMLUListElement>; inputRef: React.RefObject<HTMLInputElement | null> }) {
  return <ResidentResults ref={ref} items={items} query={query} onBackToInput={() => inputRef.current?.focus()} />;
});

/** Today's queue: the requests logged today and the open urgent ones, only the rows in view drawn. */
const TodayQueue = memo(function TodayQueue() {
  const { t } = useTranslation(['frontdesk']);
  const today = useCall('requests.today', {});
  return (
    <section aria-labelledby="queue-title" className="queue">
      <h2 id="queue-title">
        {t('frontdesk:queueTitle')}
        {today.data ? <span className="count">{t('frontdesk:queueCount', { count: today.data.length })}</span> : null}
      </h2>
      <ErrorNotice error={today.error} />
      {today.data ? <RequestTable items={today.data} timeOnly caption={t('frontdesk:queueTitle')} maxHeight="min(55vh, 30rem)" /> : null}
    </section>
  );
});
