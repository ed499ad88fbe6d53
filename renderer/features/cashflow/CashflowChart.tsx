import { BarController, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { Chart } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { minorDigits } from '../../../shared/domain/amounts';
import type { CashflowBlock } from '../../../shared/domain/cashflow';
import { useFormat } from '../../ui/format';

ChartJS.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/**
 * Income vs expenses as bars per month and the closing balance as a line. Colours are chosen to
 * stay apart in print and greyscale: income dark solid, expenses light with a dark edge, the
 * balance a black dashed line with square points. The same numbers are in the table below.
 */
export function CashflowChart(props: { block: CashflowBlock; monthLabels: string[] }) {
  const { t } = useTranslation('cashflow');
  const fmt = useFormat();
  const { block } = props;
  const scale = 10 ** minorDigits(block.currency);
  const units = (xs: number[]) => xs.map((x) => x / scale);
  const money = (v: number) => fmt.money(Math.round(v * scale), block.currency);
  return (
    <div className="cf-chart">
      <Chart
        type="bar"
        aria-label={t('chart.label', { currency: block.currency })}
        role="img"
        data={{
          labels: props.monthLabels,
          datasets: [
            { type: 'bar', label: t('chart.income'), data: units(block.incomeMinor), backgroundColor: '#1f4e79', borderColor: '#1f4e79', borderWidth: 1, order: 2 },
            { type: 'bar', label: t('chart.expenses'), data: units(block.expensesMinor), backgroundColor: '#f2c9a0', borderColor: '#6d2e0d', borderWidth: 2, order: 2 },
            {
              type: 'line',
              label: t('chart.closing'),
              data: units(block.closingMinor),
              borderColor: '#1d1d1b',
              backgroundColor: '#1d1d1b',
              borderDash: [6, 4],
              borderWidth: 2,
              pointStyle: 'rect',
              pointRadius: 5,
              order: 1,
            },
          ],
        }}
        options={{
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          plugins: {
            legend: { position: 'bottom', labels: { font: { size: 14 }, color: '#1d1d1b', usePointStyle: true } },
            tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label ?? ''}: ${money(Number(ctx.parsed.y))}` } },
          },
          scales: {
            x: { ticks: { font: { size: 13 }, color: '#1d1d1b' } },
            y: { beginAtZero: true, ticks: { font: { size: 13 }, color: '#1d1d1b', callback: (v) => fmt.number(Number(v)) } },
          },
        }}
      />
    </div>
  );
}
