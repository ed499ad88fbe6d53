import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isMonthKey, monthRange, type TasksByKindReport, type VolunteerCounts, type VolunteerHoursReport, type VolunteersActiveReport } from '../../../shared/domain/plans';
import { useCall } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
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
      <DataTable
        className="report-active"
        data={[...rows]}
        caption={t('plans:reports.activeTitle')}
        empty={t('common:none')}
        rowKey={(r) => r}
        rowClass={(r) => (r === 'total' ? 'total' : undefined)}
        rowData={(r) => ({ 'data-group': r })}
        noSort
        columns={((col) => [
          col('group', t('plans:reports.group'), (r) => t(`plans:reports.groups.${r}`), { rowHeader: true }),
          col('active', t('plans:reports.activeColumn'), (r) => fmt.number(report.active[r]), { align: 'num' }),
          col('registered', t('plans:reports.registeredColumn'), (r) => fmt.number(report.registered[r]), { align: 'num' }),
        ])(columnsOf([...rows]))}
      />
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
  const navigate = useNavigate();
  const unlogged = report.rows.reduce((a, r) => a + r.unlogged, 0);
  return (
    <section className="report-section" aria-labelledby="report-volunteer-hours-title">
      <h2 id="report-volunteer-hours-title">{t('plans:reports.byVolunteerTitle')}</h2>
      {/* A month per column: a grid that may be wider than the window, scrolled in its own box (by keys too). */}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="report-volunteer-hours-title">
        <DataTable
          className="report-table"
          data={report.rows}
          caption={t('plans:reports.byVolunteerTitle')}
          empty={t('plans:reports.noHours')}
          rowKey={(r) => String(r.volunteerId)}
          onOpen={(r) => void navigate(`/volunteers/${r.volunteerId}`)}
          rowLabel={(r) => r.name}
          columns={((col) => [
            col('volunteer', t('plans:reports.volunteer'), (r) => <Link to={`/volunteers/${r.volunteerId}`}>{r.name}</Link>, {
              value: (r) => r.name,
              rowHeader: true,
              footer: t('plans:reports.allVolunteers'),
            }),
            ...report.months.map((m, i) =>
              col(m, fmt.monthKey(m), (r) => <span className={r.minutes[i] === 0 ? 'zero' : undefined}>{fmt.hours(r.minutes[i] ?? 0)}</span>, {
                value: (r) => r.minutes[i],
                align: 'num',
                footer: fmt.hours(report.totalsByMonth[i] ?? 0),
              }),
            ),
            col('total', t('plans:reports.totalHours'), (r) => fmt.hours(r.totalMinutes), { value: (r) => r.totalMinutes, align: 'num', className: 'pl-strong', footer: fmt.hours(report.totalMinutes) }),
            col('tasks', t('plans:reports.tasksDone'), (r) => fmt.number(r.tasks), { value: (r) => r.tasks, align: 'num', footer: fmt.number(report.rows.reduce((a, r) => a + r.tasks, 0)) }),
          ])(columnsOf(report.rows))}
        />
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
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="report-kinds-title">
        <DataTable
          className="report-table"
          data={report.rows}
          caption={t('plans:reports.kindsTitle')}
          empty={t('plans:reports.noTasks')}
          rowKey={(r) => String(r.kindId)}
          columns={((col) => [
            col('kind', t('plans:reports.kind'), (r) => labels.kind(r), { value: (r) => labels.kind(r), rowHeader: true, footer: t('plans:reports.allKinds') }),
            ...report.months.map((m, i) =>
              col(m, fmt.monthKey(m), (r) => <span className={r.counts[i] === 0 ? 'zero' : undefined}>{fmt.number(r.counts[i] ?? 0)}</span>, {
                value: (r) => r.counts[i],
                align: 'num',
                footer: fmt.number(report.totalsByMonth[i] ?? 0),
              }),
            ),
            col('total', t('plans:reports.total'), (r) => fmt.number(r.total), { value: (r) => r.total, align: 'num', className: 'pl-strong', footer: fmt.number(report.total) }),
          ])(columnsOf(report.rows))}
        />
      </div>
    </section>
  );
}
