import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isMonthKey, monthRange, type TasksByKindReport, type VolunteerCounts, type VolunteerHoursReport, type VolunteersActiveReport } from '../../../shared/domain/plans';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useLabels } from '../../ui/labels';
import { HoursChart } from './HoursChart';
import { addMonths, usePlanFormat, useToday } from './planText';
import './plans.css';
import { MonthInput } from '../../ui/DateInput';

/** A range of months is valid when both ends are months, in order, at most ten years. */
function rangeError(from: string, to: string): { from?: string; to?: string } {
  if (!isMonthKey(from)) return { from: 'validation.date' };
  if (!isMonthKey(to)) return { to: 'validation.date' };
  if (from > to) return { to: 'validation.dateOrder' };
  if (monthRange(from, to).length > 120) return { to: 'validation.range' };
  return {};
}

/**
 * Coordination reports over a range of months (the last six by default): who was active, the
 * hours volunteers gave per month (table and bar chart) and the tasks done per kind of help.
 */
export function ReportsScreen() {
  const { t } = useTranslation(['plans', 'common', 'reports']);
  const today = useToday();
  const thisMonth = today.slice(0, 7);
  const [from, setFrom] = useState(addMonths(thisMonth, -5));
  const [to, setTo] = useState(thisMonth);
  const errors = rangeError(from, to);
  const valid = Object.keys(errors).length === 0;
  const range = { from, to };
  const active = useCall('reports.volunteersActive', range, { enabled: valid });
  const hours = useCall('reports.volunteerHours', range, { enabled: valid });
  const kinds = useCall('reports.tasksByKind', range, { enabled: valid });

  return (
    <div className="reports">
      <h1>{t('plans:reports.title')}</h1>
      <p>
        <Link to="/results">{t('reports:title')}</Link>
      </p>
      <div className="filters" role="group" aria-label={t('plans:reports.range')}>
        <Field label={t('plans:reports.from')} error={errors.from}>
          {(p) => <MonthInput {...p} autoFocus value={from} onChange={setFrom} />}
        </Field>
        <Field label={t('plans:reports.to')} error={errors.to}>
          {(p) => <MonthInput {...p} value={to} onChange={setTo} />}
        </Field>
      </div>
      <ErrorNotice error={active.error ?? hours.error ?? kinds.error} />
      <div className="report-top">
        {valid && active.data ? <ActiveSection report={active.data} /> : null}
        {valid && hours.data ? <HoursOverview report={hours.data} /> : null}
      </div>
      {valid && hours.data ? <HoursSection report={hours.data} /> : null}
      {valid && kinds.data ? <KindsSection report={kinds.data} /> : null}
    </div>
  );
}

function ActiveSection({ report }: { report: VolunteersActiveReport }) {
  const { t } = useTranslation('plans');
  const fmt = usePlanFormat();
  const sentence = (key: 'registered' | 'active', c: VolunteerCounts) =>
    t(`plans:reports.${key}Sentence`, {
      volunteers: t('plans:reports.volunteers', { count: c.total }),
      regular: t('plans:reports.regular', { count: c.regular }),
      occasional: t('plans:reports.occasional', { count: c.occasional }),
      specialists: t('plans:reports.specialists', { count: c.specialists }),
    });
  const rows = ['regular', 'occasional', 'specialists', 'total'] as const;
  return (
    <section className="report-section" aria-labelledby="report-active-title">
      <h2 id="report-active-title">{t('plans:reports.activeTitle')}</h2>
      <p className="report-sentence">{sentence('active', report.active)}</p>
      <p className="muted">{sentence('registered', report.registered)}</p>
      <table className="data-table report-active">
        <thead>
          <tr>
            <th scope="col">{t('plans:reports.group')}</th>
            <th scope="col" className="pl-num">
              {t('plans:reports.activeColumn')}
            </th>
            <th scope="col" className="pl-num">
              {t('plans:reports.registeredColumn')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r} className={r === 'total' ? 'total' : undefined} data-group={r}>
              <th scope="row">{t(`plans:reports.groups.${r}`)}</th>
              <td className="pl-num">{fmt.number(report.active[r])}</td>
              <td className="pl-num">{fmt.number(report.registered[r])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field-hint">{t('plans:reports.specialistsHint')}</p>
    </section>
  );
}

/** The hours of everyone together: the total and a bar per month. */
function HoursOverview({ report }: { report: VolunteerHoursReport }) {
  const { t } = useTranslation('plans');
  const fmt = usePlanFormat();
  return (
    <section className="report-section" aria-labelledby="report-hours-title">
      <h2 id="report-hours-title">{t('plans:reports.hoursTitle')}</h2>
      <p className="report-sentence">{t('plans:reports.hoursTotal', { count: fmt.hoursCount(report.totalMinutes) })}</p>
      <HoursChart months={report.months} minutes={report.totalsByMonth} />
    </section>
  );
}

function HoursSection({ report }: { report: VolunteerHoursReport }) {
  const { t } = useTranslation('plans');
  const fmt = usePlanFormat();
  const unlogged = report.rows.reduce((a, r) => a + r.unlogged, 0);
  return (
    <section className="report-section" aria-labelledby="report-volunteer-hours-title">
      <h2 id="report-volunteer-hours-title">{t('plans:reports.byVolunteerTitle')}</h2>
      <div className="table-scroll">
        <table className="data-table report-table">
          <caption className="visually-hidden">{t('plans:reports.byVolunteerTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plans:reports.volunteer')}</th>
              {report.months.map((m) => (
                <th key={m} scope="col" className="pl-num">
                  {fmt.monthKey(m)}
                </th>
              ))}
              <th scope="col" className="pl-num">
                {t('plans:reports.totalHours')}
              </th>
              <th scope="col" className="pl-num">
                {t('plans:reports.tasksDone')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.rows.length === 0 ? (
              <tr>
                <td colSpan={report.months.length + 3} className="empty">
                  {t('plans:reports.noHours')}
                </td>
              </tr>
            ) : (
              report.rows.map((r) => (
                <tr key={r.volunteerId}>
                  <th scope="row">
                    <Link to={`/volunteers/${r.volunteerId}`}>{r.name}</Link>
                  </th>
                  {r.minutes.map((m, i) => (
                    <td key={report.months[i]} className={`pl-num ${m === 0 ? 'zero' : ''}`}>
                      {fmt.hours(m)}
                    </td>
                  ))}
                  <td className="pl-num pl-strong">{fmt.hours(r.totalMinutes)}</td>
                  <td className="pl-num">{fmt.number(r.tasks)}</td>
                </tr>
              ))
            )}
          </tbody>
          {report.rows.length > 0 ? (
            <tfoot>
              <tr className="total">
                <th scope="row">{t('plans:reports.allVolunteers')}</th>
                {report.totalsByMonth.map((m, i) => (
                  <td key={report.months[i]} className="pl-num">
                    {fmt.hours(m)}
                  </td>
                ))}
                <td className="pl-num">{fmt.hours(report.totalMinutes)}</td>
                <td className="pl-num">{fmt.number(report.rows.reduce((a, r) => a + r.tasks, 0))}</td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
      {unlogged > 0 ? <p className="field-hint">{t('plans:reports.unlogged', { count: unlogged })}</p> : null}
    </section>
  );
}

function KindsSection({ report }: { report: TasksByKindReport }) {
  const { t } = useTranslation('plans');
  const fmt = usePlanFormat();
  const labels = useLabels();
  return (
    <section className="report-section" aria-labelledby="report-kinds-title">
      <h2 id="report-kinds-title">{t('plans:reports.kindsTitle')}</h2>
      <p className="report-sentence">{t('plans:reports.kindsTotal', { count: report.total })}</p>
      <div className="table-scroll">
        <table className="data-table report-table">
          <caption className="visually-hidden">{t('plans:reports.kindsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plans:reports.kind')}</th>
              {report.months.map((m) => (
                <th key={m} scope="col" className="pl-num">
                  {fmt.monthKey(m)}
                </th>
              ))}
              <th scope="col" className="pl-num">
                {t('plans:reports.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.rows.length === 0 ? (
              <tr>
                <td colSpan={report.months.length + 2} className="empty">
                  {t('plans:reports.noTasks')}
                </td>
              </tr>
            ) : (
              report.rows.map((r) => (
                <tr key={r.kindId}>
                  <th scope="row">{labels.kind(r)}</th>
                  {r.counts.map((n, i) => (
                    <td key={report.months[i]} className={`pl-num ${n === 0 ? 'zero' : ''}`}>
                      {fmt.number(n)}
                    </td>
                  ))}
                  <td className="pl-num pl-strong">{fmt.number(r.total)}</td>
                </tr>
              ))
            )}
          </tbody>
          {report.rows.length > 0 ? (
            <tfoot>
              <tr className="total">
                <th scope="row">{t('plans:reports.allKinds')}</th>
                {report.totalsByMonth.map((n, i) => (
                  <td key={report.months[i]} className="pl-num">
                    {fmt.number(n)}
                  </td>
                ))}
                <td className="pl-num">{fmt.number(report.total)}</td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </section>
  );
}
