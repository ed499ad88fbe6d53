import { Fragment, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { slotOrder } from '../../../shared/domain/tasks';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { dateParam, usePrintDay, type PrintTask } from './printData';
import { PrintFrame, SheetHead } from './PrintParts';
import { compareText, useTaskText } from './taskText';

interface Street {
  street: string;
  stops: PrintTask[];
}
interface Settlement {
  settlement: string;
  streets: Street[];
}

/**
 * Groups a day's tasks by settlement, then street (in the UI language's alphabet, "not given"
 * last), then house and flat (numbers as numbers), then time.
 */
function groupRoute(tasks: readonly PrintTask[], locale: string): Settlement[] {
  const compare = compareText(locale);
  const blankLast = (a: string, b: string) => Number(a === '') - Number(b === '') || compare(a, b);
  const settlements = new Map<string, Map<string, PrintTask[]>>();
  for (const item of tasks) {
    const settlement = (item.resident?.settlement ?? item.task.settlement).trim();
    const street = (item.resident?.street ?? '').trim();
    const streets = settlements.get(settlement) ?? new Map<string, PrintTask[]>();
    streets.set(street, [...(streets.get(street) ?? []), item]);
    settlements.set(settlement, streets);
  }
  return [...settlements.entries()]
    .sort(([a], [b]) => blankLast(a, b))
    .map(([settlement, streets]) => ({
      settlement,
      streets: [...streets.entries()]
        .sort(([a], [b]) => blankLast(a, b))
        .map(([street, stops]) => ({
          street,
          stops: [...stops].sort(
            (a, b) =>
              compare(a.resident?.house ?? '', b.resident?.house ?? '') ||
              compare(a.resident?.flat ?? '', b.resident?.flat ?? '') ||
              slotOrder(a.task) - slotOrder(b.task) ||
              a.task.id - b.task.id,
          ),
        })),
    }));
}

/** /print/route?date=YYYY-MM-DD: all the day's visits by settlement and street, with their volunteers. */
export function PrintRouteScreen() {
  const { t } = useTranslation(['board', 'common']);
  const text = useTaskText();
  const [params] = useSearchParams();
  const date = dateParam(params);
  const status = useCall('app.status', {});
  const day = usePrintDay(date);
  const centre = status.data?.settings?.centreName ?? '';
  const groups = useMemo(() => groupRoute(day.tasks, text.locale), [day.tasks, text.locale]);
  const longDate = date !== null ? text.longDate(date) : '';

  return (
    <PrintFrame
      heading={t('board:route.pageTitle', { date: longDate })}
      docTitle={t('board:sheet.docTitle', { title: t('board:route.title'), date: date ?? '' })}
      other={date !== null ? { to: `/print/day?date=${date}`, label: t('board:sheet.title') } : undefined}
    >
      {date === null ? <p className="notice notice-error">{t('board:sheet.badDate')}</p> : null}
      <ErrorNotice error={day.error ?? status.error} />
      {day.isPending ? <p className="loading no-print">{t('common:loading')}</p> : null}
      {date !== null && !day.isPending ? (
        <article className="sheet route">
          <SheetHead
            centre={centre}
            title={t('board:route.title')}
            meta={[{ label: t('board:sheet.date'), value: longDate }]}
            aside={t('board:route.visits', { count: day.tasks.length })}
          />
          {groups.length === 0 ? <p>{t('board:route.empty')}</p> : null}
          {groups.map((g) => (
            <section key={g.settlement} className="route-settlement" aria-label={g.settlement || t('board:route.noSettlement')}>
              <h3>{g.settlement || t('board:route.noSettlement')}</h3>
              <table className="sheet-table route-table">
                <colgroup>
                  <col className="w-house" />
                  <col className="w-resident" />
                  <col className="w-time" />
                  <col className="w-what" />
                  <col className="w-volunteers" />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col">{t('board:route.columns.house')}</th>
                    <th scope="col">{t('board:route.columns.resident')}</th>
                    <th scope="col">{t('board:route.columns.time')}</th>
                    <th scope="col">{t('board:route.columns.what')}</th>
                    <th scope="col">{t('board:route.columns.volunteers')}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.streets.map((s) => (
                    <Fragment key={s.street}>
                      <tr className="street-row">
                        <th scope="rowgroup" colSpan={5}>
                          {s.street || t('board:route.noStreet')}
                        </th>
                      </tr>
                      {s.stops.map(({ task, resident, description }) => (
                        <tr key={task.id}>
                          <td>{[resident?.house ?? '', resident?.flat ?? ''].filter(Boolean).join('-')}</td>
                          <td>
                            <div className="strong">{task.residentName}</div>
                            {(resident?.phones ?? []).map((p) => (
                              <div key={p}>{p}</div>
                            ))}
                          </td>
                          <td className="slot">{text.slot(task)}</td>
                          <td>
                            <div className="strong">{text.kind(task)}</div>
                            {description ? <div className="pre">{description}</div> : null}
                            {task.note ? <div className="pre sheet-small">{task.note}</div> : null}
                          </td>
                          <td>{task.volunteers.length > 0 ? task.volunteers.map((v) => v.fullName).join(', ') : t('board:card.notAssigned')}</td>
                        </tr>
                      ))}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </article>
      ) : null}
    </PrintFrame>
  );
}
