import { useState, type KeyboardEvent } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PARTS_OF_DAY, WEEKDAYS } from '../../../shared/domain/volunteers';
import { useVolunteerLabels } from './volunteerLabels';
import { slotValue } from './volunteerFormValues';

/**
 * Weekdays × parts of the day as a grid of checkboxes. Tab enters and leaves the grid; the arrow
 * keys move between boxes like in a spreadsheet; Space ticks. Weekday names come from Intl.
 */
export function AvailabilityGrid({ field, describedBy }: { field: UseFormRegisterReturn<'availability'>; describedBy?: string }) {
  const { t } = useTranslation(['volunteers']);
  const labels = useVolunteerLabels();
  // Roving tab stop: one box of the grid is in the Tab order, the last one focused.
  const [active, setActive] = useState<[number, number]>([0, 0]);

  const move = (e: KeyboardEvent<HTMLTableElement>) => {
    const target = e.target as HTMLElement;
    const row = Number(target.dataset.row);
    const col = Number(target.dataset.col);
    if (Number.isNaN(row) || Number.isNaN(col)) return;
    const delta: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const step = delta[e.key];
    if (!step) return;
    e.preventDefault();
    const nextRow = Math.min(Math.max(row + step[0], 0), PARTS_OF_DAY.length - 1);
    const nextCol = Math.min(Math.max(col + step[1], 0), WEEKDAYS.length - 1);
    e.currentTarget.querySelector<HTMLInputElement>(`input[data-row="${nextRow}"][data-col="${nextCol}"]`)?.focus();
  };

  return (
    <table className="availability-grid" onKeyDown={move} aria-describedby={describedBy}>
      <thead>
        <tr>
          <td />
          {WEEKDAYS.map((d) => (
            <th key={d} scope="col" abbr={labels.weekday(d)}>
              {labels.weekday(d, 'short')}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {PARTS_OF_DAY.map((part, row) => (
          <tr key={part}>
            <th scope="row">{labels.part(part)}</th>
            {WEEKDAYS.map((d, col) => (
              <td key={d}>
                <input
                  type="checkbox"
                  value={slotValue(d, part)}
                  data-row={row}
                  data-col={col}
                  tabIndex={active[0] === row && active[1] === col ? 0 : -1}
                  onFocus={() => setActive([row, col])}
                  aria-label={t('volunteers:form.slot', { day: labels.weekday(d), part: labels.part(part) })}
                  {...field}
                />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
