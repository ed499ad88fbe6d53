import { BarController, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { Chart } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { ReportInput } from '../../../shared/domain/reportTable';
import { useFormat } from '../../ui/format';

ChartJS.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

const INK = '#1d1d1b';
const axis = (fmt: ReturnType<typeof useFormat>) => ({
  x: { ticks: { font: { size: 12 }, color: INK } },
  y: { beginAtZero: true, ticks: { font: { size: 12 }, color: INK, precision: 0, callback: (v: string | number) => fmt.number(Number(v)) } },
});

/**
 * Three charts of the period, with the same numbers as the tables below them: by month (services
 * given as bars, distinct people reached as a dashed line: its months are not to be added), by
 * kind of service and by settlement (people reached). Colours stay apart in greyscale.
 */
export function ResultsCharts({ report: r }: { report: ReportInput }) {
  const { t } = useTranslation(['reports', 'catalogue']);
  const fmt = useFormat();
  const months = r.months.map((m) => new Intl.DateTimeFormat(fmt.locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${m}-15T00:00:00Z`)));
  const kinds = [...r.servicesByKind.rows].sort((a, b) => b.count - a.count).slice(0, 10);
  const places = [...r.peopleReached.bySettlement].sort((a, b) => b.count - a.count).slice(0, 10);
  const legend = { position: 'bottom' as const, labels: { font: { size: 13 }, color: INK, usePointStyle: true } };
  return (
    <div className="results-charts">
      <figure className="card results-chart">
        <figcaption>{t('reports:screen.byMonth')}</figcaption>
        <div className="results-canvas">
          <Chart
            type="bar"
            role="img"
            aria-label={t('reports:screen.chartLabel', { title: t('reports:screen.byMonth') })}
            data={{
              labels: months,
              datasets: [
                { type: 'bar', label: t('reports:figures.servicesByKind'), data: r.servicesByKind.byMonth, backgroundColor: '#1f4e79', order: 2 },
                { type: 'bar', label: t('reports:figures.events'), data: r.events.heldByMonth, backgroundColor: '#f2c9a0', borderColor: '#6d2e0d', borderWidth: 1, order: 2 },
                { type: 'line', label: t('reports:figures.peopleReached'), data: r.peopleReached.namedByMonth, borderColor: INK, backgroundColor: INK, borderDash: [6, 4], borderWidth: 2, pointStyle: 'rect', pointRadius: 4, order: 1 },
              ],
            }}
            options={{ animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend }, scales: axis(fmt) }}
          />
        </div>
      </figure>
      <figure className="card results-chart">
        <figcaption>{t('reports:screen.byKind')}</figcaption>
        <div className="results-canvas">
          <Chart
            type="bar"
            role="img"
            aria-label={t('reports:screen.chartLabel', { title: t('reports:screen.byKind') })}
            data={{
              labels: kinds.map((k) => k.name ?? t(`catalogue:kinds.${k.code}`)),
              datasets: [{ type: 'bar', label: t('reports:measures.count'), data: kinds.map((k) => k.count), backgroundColor: '#1f4e79' }],
            }}
            options={{
              indexAxis: 'y',
              animation: false,
              responsive: true,
              maintainAspectRatio: false,
              plugins: { legend: { display: false } },
              scales: {
                x: { beginAtZero: true, ticks: { font: { size: 12 }, color: INK, precision: 0 } },
                y: { ticks: { font: { size: 12 }, color: INK, callback: function (this: { getLabelForValue: (v: number) => string }, v: string | number) { const s = this.getLabelForValue(Number(v)); return s.length > 22 ? `${s.slice(0, 21)}…` : s; } } },
              },
            }}
          />
        </div>
      </figure>
      <figure className="card results-chart">
        <figcaption>{t('reports:screen.bySettlement')}</figcaption>
        <div className="results-canvas">
          <Chart
            type="bar"
            role="img"
            aria-label={t('reports:screen.chartLabel', { title: t('reports:screen.bySettlement') })}
            data={{
              labels: places.map((p) => (p.code === '' ? t('reports:table.noSettlement') : p.code)),
              datasets: [{ type: 'bar', label: t('reports:measures.named'), data: places.map((p) => p.count), backgroundColor: '#4d7c3a' }],
            }}
            options={{ animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: axis(fmt) }}
          />
        </div>
      </figure>
    </div>
  );
}
