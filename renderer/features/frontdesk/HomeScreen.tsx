import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/api';
import { useDebounced } from '../../ui/useDebounced';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { RequestTable } from '../requests/RequestTable';
import { ResidentResults } from '../residents/ResidentResults';
import { BackupReminder } from '../backups/BackupReminder';
import { TodayTasks } from '../tasks/TodayTasks';

/** The front desk: the search box focused, today's queue, a shortcut for a new request. */
export function HomeScreen() {
  const { t } = useTranslation(['frontdesk', 'common']);
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 120);
  const results = useCall('residents.search', { q: query, limit: 8 }, { enabled: query.length > 0 });
  const today = useCall('requests.today', {});
  const listRef = useRef<HTMLUListElement>(null);
  const status = useCall('app.status', {});

  return (
    <div className="home">
      <BackupReminder isAdmin={status.data?.user.role === 'admin'} />
      <section className="search-panel" aria-labelledby="search-title">
        <h1 id="search-title">{t('frontdesk:title')}</h1>
        <div className="search-row">
          <input
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
              } else if (e.key === 'Enter' && results.data?.[0]) {
                void navigate(`/residents/${results.data[0].id}`);
              }
            }}
          />
          <Link to="/requests/new" className="button primary big" title={t('frontdesk:newRequestShortcut')}>
            {t('frontdesk:newRequest')}
          </Link>
        </div>
        <p className="field-hint">{t('frontdesk:searchHint')}</p>
        {query.length > 0 ? (
          <div aria-live="polite">
            <ErrorNotice error={results.error} />
            {results.data ? (
              <ResidentResults ref={listRef} items={results.data} query={query} onBackToInput={() => document.querySelector<HTMLInputElement>('.search-input')?.focus()} />
            ) : null}
          </div>
        ) : null}
      </section>
      <section aria-labelledby="queue-title" className="queue">
        <h2 id="queue-title">
          {t('frontdesk:queueTitle')}
          {today.data ? <span className="count">{t('frontdesk:queueCount', { count: today.data.length })}</span> : null}
        </h2>
        <ErrorNotice error={today.error} />
        {today.data ? <RequestTable items={today.data} timeOnly /> : null}
      </section>
      <TodayTasks />
    </div>
  );
}
