import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useFormat } from '../../ui/format';
import { useLabels } from '../../ui/labels';
import { dateTimeFormat } from '../../ui/intl';
import { StorageWarnings } from '../backups/StorageWarnings';
import './dashboard.css';

/** "2026-11" → a Date in that month (for the month's name). */
const monthDate = (m: string) => new Date(`${m}-01T12:00:00`);

/** A figure with its label, a link to the screen that deals with it. */
function Figure(props: { label: string; value: number | string; to?: string; warn?: boolean }) {
  return (
    <div className={`dash-figure${props.warn ? ' dash-warn' : ''}`}>
      <dt>{props.to ? <Link to={props.to}>{props.label}</Link> : props.label}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}

/** Below the front desk's search and queue: today's aid handed out and today's events. */
export function FrontdeskToday() {
  const { t } = useTranslation(['dashboard', 'aid', 'events']);
  const fmt = useFormat();
  const d = useCall('dashboard.frontdesk', {});
  return (
    <div className="dash-grid dash-today">
      <ErrorNotice error={d.error} />
      <section className="card dash-card" aria-labelledby="dash-aid-title">
        <h2 id="dash-aid-title">{t('dashboard:today.aid')}</h2>
        {d.data ? (
          d.data.distributions.items.length === 0 ? (
            <p className="muted">{t('dashboard:today.aidNone')}</p>
          ) : (
            <>
              <dl className="dash-figures">
                <Figure label={t('dashboard:today.recipients')} value={fmt.number(d.data.distributions.recipients)} />
                {d.data.distributions.headCount > 0 ? <Figure label={t('dashboard:today.headCount')} value={fmt.number(d.data.distributions.headCount)} /> : null}
              </dl>
              <ul className="dash-list">
                {d.data.distributions.items.map((i) => (
                  <li key={`${i.itemName}|${i.size}|${i.unit}`}>
                    {i.itemName}
                    {i.size ? ` (${i.size})` : ''}: {t(`aid:unit.${i.unit}`, { count: i.quantity })}
                  </li>
                ))}
              </ul>
            </>
          )
        ) : null}
        <p>
          <Link to="/aid/day">{t('dashboard:today.dayList')}</Link>
        </p>
      </section>
      <section className="card dash-card" aria-labelledby="dash-events-title">
        <h2 id="dash-events-title">{t('dashboard:today.events')}</h2>
        {d.data ? <EventList events={d.data.events} empty={t('dashboard:today.eventsNone')} more={d.data.moreEvents} withDay={false} /> : null}
        <p>
          <Link to="/events">{t('dashboard:allEvents')}</Link>
        </p>
      </section>
    </div>
  );
}

function EventList(props: {
  events: Array<{ id: number; title: string; kind: string; startsOn: string; startsAt: string | null; settlement: string }>;
  empty: string;
  more: boolean;
  withDay: boolean;
}) {
  const { t } = useTranslation(['dashboard', 'events']);
  const fmt = useFormat();
  if (props.events.length === 0) return <p className="muted">{props.empty}</p>;
  return (
    <>
      <ul className="dash-list">
        {props.events.map((e) => (
          <li key={e.id}>
            {props.withDay ? <span className="dash-when">{fmt.date(e.startsOn)}</span> : null}
            {e.startsAt ? <span className="dash-when">{e.startsAt}</span> : null} <Link to={`/events/${e.id}`}>{e.title}</Link>{' '}
            <span className="muted">
              {t(`events:kind.${e.kind}`)}
              {e.settlement ? `, ${e.settlement}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {props.more ? <p className="muted">{t('dashboard:moreEvents')}</p> : null}
    </>
  );
}

/** The coordinator's home: what waits for planning, this week, who is overdue. */
export function CoordinatorHome() {
  const { t } = useTranslation(['dashboard', 'common']);
  const fmt = useFormat();
  const labels = useLabels();
  const d = useCall('dashboard.coordinator', {});
  const data = d.data;
  return (
    <div className="dash">
      <h1>{t('dashboard:coordinator.title')}</h1>
      <ErrorNotice error={d.error} />
      {!data ? (
        d.isPending ? <p className="loading">{t('common:loading')}</p> : null
      ) : (
        <div className="dash-grid">
          <section className="card dash-card" aria-labelledby="dash-unassigned-title">
            <h2 id="dash-unassigned-title">
              {t('dashboard:coordinator.unassigned')} <span className="count">{data.unassigned.totalCapped ? `${fmt.number(data.unassigned.total)}+` : fmt.number(data.unassigned.total)}</span>
            </h2>
            {data.unassigned.items.length === 0 ? (
              <p className="muted">{t('dashboard:coordinator.unassignedNone')}</p>
            ) : (
              <ul className="dash-list">
                {data.unassigned.items.map((r) => (
                  <li key={r.id}>
                    <span className="dash-when">{fmt.date(r.createdOn)}</span> <Link to={`/requests/${r.id}`}>{labels.kind(r)}</Link> — {r.residentName}
                    {r.urgency === 'urgent' ? <strong className="dash-urgent"> {labels.urgency(r.urgency)}</strong> : null}
                  </li>
                ))}
              </ul>
            )}
            <p>
              <Link to="/requests">{t('dashboard:coordinator.allRequests')}</Link>
            </p>
          </section>

          <section className="card dash-card" aria-labelledby="dash-week-title">
            <h2 id="dash-week-title">{t('dashboard:coordinator.week', { from: fmt.date(data.weekStart), to: fmt.date(data.weekEnd) })}</h2>
            <dl className="dash-figures">
              <Figure label={t('dashboard:coordinator.tasksOpen')} value={fmt.number(data.tasks.open)} />
              <Figure label={t('dashboard:coordinator.tasksUnassigned')} value={fmt.number(data.tasks.unassigned)} warn={data.tasks.unassigned > 0} />
              <Figure label={t('dashboard:coordinator.tasksDone')} value={fmt.number(data.tasks.done)} />
            </dl>
            <p>
              <Link to="/board">{t('dashboard:coordinator.board')}</Link>
            </p>
            <h3>{t('dashboard:coordinator.events')}</h3>
            <EventList events={data.events} empty={t('dashboard:coordinator.eventsNone')} more={data.moreEvents} withDay />
            <p>
              <Link to="/events">{t('dashboard:allEvents')}</Link>
            </p>
          </section>

          <section className="card dash-card" aria-labelledby="dash-care-title">
            <h2 id="dash-care-title">
              {t('dashboard:coordinator.checkIns')} <span className="count">{fmt.number(data.checkIns.overdue)}</span>
            </h2>
            {data.checkIns.items.length === 0 ? (
              <p className="muted">{t('dashboard:coordinator.checkInsNone')}</p>
            ) : (
              <ul className="dash-list">
                {data.checkIns.items.map((c) => (
                  <li key={c.residentId}>
                    <Link to={`/residents/${c.residentId}`}>{c.fullName}</Link>
                    {c.settlement ? <span className="muted">, {c.settlement}</span> : null} — {t('dashboard:coordinator.daysOverdue', { count: c.daysOverdue })}
                  </li>
                ))}
              </ul>
            )}
            <p>
              <Link to="/care">{t('dashboard:coordinator.care')}</Link>
            </p>
          </section>

          <section className="card dash-card" aria-labelledby="dash-cases-title">
            <h2 id="dash-cases-title">{t('dashboard:coordinator.cases')}</h2>
            <dl className="dash-figures">
              <Figure label={t('dashboard:coordinator.casesOpen')} value={fmt.number(data.cases.open)} />
              <Figure label={t('dashboard:coordinator.reviewsOverdue')} value={fmt.number(data.cases.reviewsOverdue)} warn={data.cases.reviewsOverdue > 0} />
              <Figure label={t('dashboard:coordinator.actionsOverdue')} value={fmt.number(data.cases.overdueActions)} warn={data.cases.overdueActions > 0} />
            </dl>
            {data.cases.items.length > 0 ? (
              <ul className="dash-list">
                {data.cases.items.map((a) => (
                  <li key={a.actionId}>
                    <span className="dash-when">{fmt.date(a.dueOn)}</span> <Link to={`/cases/${a.caseId}`}>{a.subjectName}</Link>
                    {a.text !== undefined ? <span className="muted"> — {a.text}</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            <p>
              <Link to="/caseload">{t('dashboard:coordinator.caseload')}</Link>
            </p>
          </section>
        </div>
      )}
    </div>
  );
}

/** The treasurer's home: this month's money, the running grants, the outlook. */
export function TreasurerHome() {
  const { t } = useTranslation(['dashboard', 'cashflow', 'common']);
  const fmt = useFormat();
  const d = useCall('dashboard.treasurer', {});
  const data = d.data;
  const monthName = (m: string) => dateTimeFormat(fmt.locale, { month: 'long', year: 'numeric' }).format(monthDate(m));
  return (
    <div className="dash">
      <h1>{t('dashboard:treasurer.title')}</h1>
      <ErrorNotice error={d.error} />
      {!data ? (
        d.isPending ? <p className="loading">{t('common:loading')}</p> : null
      ) : (
        <div className="dash-grid">
          <section className="card dash-card" aria-labelledby="dash-cash-title">
            <h2 id="dash-cash-title">{t('dashboard:treasurer.month', { month: monthName(data.month) })}</h2>
            {data.cash?.length ? (
              data.cash.map((c) => (
                <dl className="dash-figures" key={c.currency} aria-label={c.currency}>
                  <Figure label={t('dashboard:treasurer.opening')} value={fmt.money(c.openingMinor, c.currency)} />
                  <Figure label={t('dashboard:treasurer.income')} value={fmt.money(c.incomeMinor, c.currency)} />
                  <Figure label={t('dashboard:treasurer.expenses')} value={fmt.money(c.expensesMinor, c.currency)} />
                  <Figure label={t('dashboard:treasurer.closing')} value={fmt.money(c.closingMinor, c.currency)} warn={c.closingMinor < 0} />
                </dl>
              ))
            ) : (
              <p className="muted">{t('dashboard:treasurer.noAccounts')}</p>
            )}
            <p>
              <Link to="/cashflow">{t('dashboard:treasurer.cashflow')}</Link> · <Link to="/cashbook">{t('dashboard:treasurer.cashbook')}</Link>
            </p>
          </section>

          <section className="card dash-card" aria-labelledby="dash-grants-title">
            <h2 id="dash-grants-title">{t('dashboard:treasurer.grants')}</h2>
            {data.grants.length === 0 ? (
              <p className="muted">{t('dashboard:treasurer.grantsNone')}</p>
            ) : (
              <ul className="dash-list dash-grants">
                {data.grants.map((g) => (
                  <li key={g.id}>
                    <Link to={`/funding/grants/${g.id}`}>{g.title}</Link>
                    {g.amountMinor !== undefined && g.spentMinor !== undefined && g.percentSpent !== undefined ? (
                      <>
                        <div className="dash-bar" aria-hidden="true">
                          <span className="dash-bar-spent" style={{ width: `${Math.min(100, g.percentSpent)}%` }} />
                          <span className="dash-bar-elapsed" style={{ left: `${Math.min(100, g.percentElapsed)}%` }} />
                        </div>
                        <p className="dash-burn">
                          {t('dashboard:treasurer.burn', {
                            spent: fmt.money(g.spentMinor, g.currency),
                            plan: fmt.money(g.amountMinor, g.currency),
                            percent: fmt.percent(g.percentSpent / 100),
                            elapsed: fmt.percent(g.percentElapsed / 100),
                            end: fmt.date(g.endsOn),
                          })}
                        </p>
                      </>
                    ) : null}
                    {g.warnings.length > 0 ? <p className="dash-warn-text">{t('dashboard:treasurer.warnings', { count: g.warnings.length })}</p> : null}
                  </li>
                ))}
              </ul>
            )}
            <p>
              <Link to="/funding">{t('dashboard:treasurer.funding')}</Link>
            </p>
          </section>

          <section className="card dash-card" aria-labelledby="dash-outlook-title">
            <h2 id="dash-outlook-title">{t('cashflow:outlook.title')}</h2>
            <OutlookText outlook={data.outlook} />
            <p>
              <Link to="/cashflow">{t('dashboard:treasurer.cashflow')}</Link>
            </p>
          </section>
        </div>
      )}
    </div>
  );
}

type OutlookView = NonNullable<ReturnType<typeof useCall<'dashboard.treasurer'>>['data']>['outlook'];

/** The outlook in the cash flow screen's own words (cashflow:outlook.*). */
function OutlookText({ outlook: o }: { outlook: OutlookView }) {
  const { t } = useTranslation(['cashflow']);
  const fmt = useFormat();
  const monthName = (m: string) => dateTimeFormat(fmt.locale, { month: 'long', year: 'numeric' }).format(monthDate(m));
  const money = (v: number | undefined) => fmt.money(v ?? 0, o.currency);
  if (o.status === 'noHistory') return <p>{t('cashflow:outlook.noHistory')}</p>;
  return (
    <>
      <p className="dash-outlook-main">
        {o.status === 'growing'
          ? t('cashflow:outlook.growing')
          : o.status === 'negative'
            ? t('cashflow:outlook.negative', { balance: money(o.balanceMinor) })
            : o.status === 'lasts'
              ? t('cashflow:outlook.lasts')
              : (o.lastMonth ?? null) === null
                ? t('cashflow:outlook.runsOutNow')
                : t('cashflow:outlook.runsOut', { month: monthName(o.lastMonth ?? '') })}{' '}
        {o.status === 'runsOut' && o.coverMonths !== undefined && o.coverMonths !== null
          ? o.coverMonths < 1
            ? t('cashflow:outlook.lessThanOne')
            : t('cashflow:outlook.about', { count: Math.floor(o.coverMonths) })
          : null}
      </p>
      <p>
        {t('cashflow:outlook.figures', { income: money(o.paidServicesMinor), costs: money(o.fixedCostsMinor), currency: o.currency, balance: money(o.balanceMinor) })}
      </p>
      {o.tranches.length > 0 ? <p>{t('cashflow:outlook.tranches', { amount: money(o.expectedMinor) })}</p> : null}
      <p className="muted">{t('cashflow:outlook.basis', { count: o.months.length })}</p>
    </>
  );
}

/** The admin's panel above the front desk: backups, warnings, users, retention. */
export function AdminPanel() {
  const { t } = useTranslation(['dashboard', 'backups', 'common']);
  const fmt = useFormat();
  const d = useCall('dashboard.admin', {});
  const data = d.data;
  const b = data?.backup ?? null;
  return (
    <section className="card dash-admin" aria-labelledby="dash-admin-title">
      <h2 id="dash-admin-title">{t('dashboard:admin.title')}</h2>
      <ErrorNotice error={d.error} />
      {data ? (
        <>
          {b?.reminderDue ? (
            <div className="notice notice-warning" role="status">
              {t('backups:reminder', { count: b.reminderDays })} <Link to="/backups">{t('backups:goToBackups')}</Link>
            </div>
          ) : null}
          {b ? <StorageWarnings warnings={b.warnings} /> : null}
          {b?.integrity ? (
            <div className="notice notice-error" role="alert">
              {t('backups:integrityProblem')} <Link to="/backups">{t('backups:goToBackups')}</Link>
            </div>
          ) : null}
          <dl className="dash-figures">
            <Figure
              label={t('dashboard:admin.lastBackup')}
              to="/backups"
              value={b?.lastBackupAt ? `${fmt.dateTime(b.lastBackupAt)} · ${b.lastBackupVerified ? t('dashboard:admin.verified') : t('dashboard:admin.notVerified')}` : t('dashboard:admin.none')}
              warn={!b?.lastBackupAt || !b.lastBackupVerified}
            />
            <Figure label={t('dashboard:admin.lastOutside')} to="/backups" value={b?.lastOutsideCopyAt ? fmt.dateTime(b.lastOutsideCopyAt) : t('dashboard:admin.none')} warn={b?.reminderDue ?? false} />
            <Figure label={t('dashboard:admin.users')} to="/admin/users" value={fmt.number(data.users.active)} />
            <Figure label={t('dashboard:admin.inactive')} to="/admin/users" value={fmt.number(data.users.inactive)} />
            <Figure label={t('dashboard:admin.locked')} to="/admin/users" value={fmt.number(data.users.locked)} warn={data.users.locked > 0} />
            <Figure
              label={t('dashboard:admin.retentionDue')}
              to="/admin/privacy"
              value={`${fmt.number(data.retentionDue.residents)} · ${t('dashboard:admin.retentionBefore', { date: fmt.date(data.retentionDue.before) })}`}
              warn={data.retentionDue.residents > 0}
            />
          </dl>
          <p>
            <Link to="/admin/privacy">{t('dashboard:admin.retention')}</Link>
          </p>
        </>
      ) : null}
    </section>
  );
}
