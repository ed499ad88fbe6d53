import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { dateParam, usePrintDay, type PrintTask } from './printData';
import { PrintFrame, SheetHead } from './PrintParts';
import { compareText, useTaskText } from './taskText';

interface SheetData {
  key: string;
  volunteerId: number | null;
  /** The volunteer's name; null for the sheet of tasks nobody has yet. */
  name: string | null;
  tasks: PrintTask[];
}

/**
 * /print/day?date=YYYY-MM-DD[&volunteer=ID]: the A4 task sheet a volunteer takes along: who, where,
 * the phone, what to do, notes, and boxes for the resident's signature and the hours. Without a
 * volunteer, one sheet per volunteer with tasks that day (each on a new page), then the tasks that
 * have no volunteer yet.
 */
export function PrintDayScreen() {
  const { t } = useTranslation(['board', 'common']);
  const text = useTaskText();
  const [params] = useSearchParams();
  const date = dateParam(params);
  const volunteerParam = Number(params.get('volunteer') ?? '');
  const volunteerId = Number.isInteger(volunteerParam) && volunteerParam > 0 ? volunteerParam : undefined;
  const status = useCall('app.status', {});
  const day = usePrintDay(date, volunteerId);
  const volunteer = useCall('volunteers.get', { id: volunteerId ?? 0 }, { enabled: volunteerId !== undefined });
  const centre = status.data?.settings?.centreName ?? '';
  const volunteerName = volunteer.data?.volunteer.fullName ?? null;

  const sheets = useMemo<SheetData[]>(() => {
    if (volunteerId !== undefined) {
      const name = volunteerName ?? day.tasks[0]?.task.volunteers.find((v) => v.volunteerId === volunteerId)?.fullName ?? null;
      return [{ key: `v${volunteerId}`, volunteerId, name, tasks: day.tasks }];
    }
    const byVolunteer = new Map<number, SheetData>();
    const nobody: PrintTask[] = [];
    for (const item of day.tasks) {
      if (item.task.volunteers.length === 0) nobody.push(item);
      for (const v of item.task.volunteers) {
        const sheet = byVolunteer.get(v.volunteerId) ?? { key: `v${v.volunteerId}`, volunteerId: v.volunteerId, name: v.fullName, tasks: [] };
        sheet.tasks.push(item);
        byVolunteer.set(v.volunteerId, sheet);
      }
    }
    const compare = compareText(text.locale);
    const list = [...byVolunteer.values()].sort((a, b) => compare(a.name ?? '', b.name ?? ''));
    if (nobody.length > 0) list.push({ key: 'nobody', volunteerId: null, name: null, tasks: nobody });
    return list;
  }, [day.tasks, volunteerId, volunteerName, text.locale]);

  const longDate = date !== null ? text.longDate(date) : '';
  const heading = t('board:sheet.pageTitle', { date: longDate });
  const docTitle = t('board:sheet.docTitle', { title: sheets.length === 1 && sheets[0]?.name ? sheets[0].name : t('board:sheet.title'), date: date ?? '' });

  return (
    <PrintFrame heading={heading} docTitle={docTitle} other={date !== null ? { to: `/print/route?date=${date}`, label: t('board:route.title') } : undefined}>
      {date === null ? <p className="notice notice-error">{t('board:sheet.badDate')}</p> : null}
      <ErrorNotice error={day.error ?? status.error ?? volunteer.error} />
      {day.isPending ? <p className="loading no-print">{t('common:loading')}</p> : null}
      {date !== null && !day.isPending && sheets.length === 0 ? (
        <div className="sheet">
          <SheetHead centre={centre} title={t('board:sheet.title')} meta={[{ label: t('board:sheet.date'), value: longDate }]} />
          <p>{t('board:sheet.empty')}</p>
        </div>
      ) : null}
      {date !== null && !day.isPending
        ? sheets.map((sheet) => <TaskSheet key={sheet.key} sheet={sheet} centre={centre} date={date} />)
        : null}
    </PrintFrame>
  );
}

function TaskSheet({ sheet, centre, date }: { sheet: SheetData; centre: string; date: string }) {
  const { t } = useTranslation(['board', 'common']);
  const text = useTaskText();
  const meta =
    sheet.volunteerId !== null
      ? [
          { label: t('board:sheet.volunteer'), value: sheet.name ?? '' },
          { label: t('board:sheet.date'), value: text.longDate(date) },
        ]
      : [{ label: t('board:sheet.date'), value: text.longDate(date) }];
  return (
    <article className="sheet">
      <SheetHead centre={centre} title={sheet.volunteerId !== null ? t('board:sheet.title') : t('board:sheet.notAssigned')} meta={meta} />
      {sheet.tasks.length === 0 ? (
        <p>{t('board:sheet.empty')}</p>
      ) : (
        <table className="sheet-table day-table">
          <colgroup>
            <col className="w-time" />
            <col className="w-resident" />
            <col className="w-what" />
            <col className="w-notes" />
            <col className="w-signature" />
            <col className="w-hours" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('board:sheet.columns.time')}</th>
              <th scope="col">{t('board:sheet.columns.resident')}</th>
              <th scope="col">{t('board:sheet.columns.what')}</th>
              <th scope="col">{t('board:sheet.columns.notes')}</th>
              <th scope="col">{t('board:sheet.columns.signature')}</th>
              <th scope="col">{t('board:sheet.columns.hours')}</th>
            </tr>
          </thead>
          <tbody>
            {sheet.tasks.map(({ task, resident, description }) => {
              const others = task.volunteers.filter((v) => v.volunteerId !== sheet.volunteerId).map((v) => v.fullName);
              const phones = resident?.phones ?? [];
              return (
                <tr key={task.id}>
                  <td>
                    <div className="slot">{text.slot(task)}</div>
                    {text.estimate(task) ? <div className="sheet-small">{text.estimate(task)}</div> : null}
                  </td>
                  <td>
                    <div className="strong">{task.residentName}</div>
                    {task.address ? <div>{task.address}</div> : null}
                    {phones.map((p) => (
                      <div key={p}>{p}</div>
                    ))}
                  </td>
                  <td>
                    <div className="strong">{text.kind(task)}</div>
                    {description ? <div className="pre">{description}</div> : null}
                    {sheet.volunteerId !== null && others.length > 0 ? (
                      <div className="sheet-small">{t('board:sheet.withOthers', { names: others.join(', ') })}</div>
                    ) : null}
                  </td>
                  <td className="pre">{task.note}</td>
                  <td className="box" />
                  <td className="box" />
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {sheet.volunteerId !== null ? (
        <footer className="sheet-foot">
          <div className="sign-line">
            <span>{t('board:sheet.totalHours')}</span>
            <span className="line" />
          </div>
          <div className="sign-line">
            <span>{t('board:sheet.volunteerSignature')}</span>
            <span className="line" />
          </div>
        </footer>
      ) : null}
    </article>
  );
}
