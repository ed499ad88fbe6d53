import { useTranslation } from 'react-i18next';
import type { AttendanceStatus, Band, DateFlag, EventKind } from '../../../shared/domain/events';
import { errorText } from '../../ui/ErrorNotice';
import { useFormat } from '../../ui/format';

/** The events' words: kinds, statuses, bands, the date flag, when and where. */
export function useEventText() {
  const { t } = useTranslation(['events', 'common']);
  const format = useFormat();
  return {
    t,
    format,
    kind: (k: EventKind) => t(`events:kind.${k}`),
    status: (s: AttendanceStatus) => t(`events:status.${s}`),
    band: (b: Band) => t(`events:band.${b}`),
    flag: (f: DateFlag) => (f === null ? null : t(`events:dateFlag.${f}`)),
    flagShort: (f: DateFlag) => (f === null ? null : t(`events:flagShort.${f}`)),
    /** "16 Nov 2026, 14:00–16:00" (24-hour times as stored). */
    when: (e: { startsOn: string; startsAt: string | null; endsAt: string | null }) =>
      [format.date(e.startsOn), e.startsAt === null ? null : e.endsAt === null ? e.startsAt : `${e.startsAt}–${e.endsAt}`].filter(Boolean).join(', '),
    where: (e: { settlement: string; address: string }) => [e.settlement, e.address].filter(Boolean).join(', '),
    error: (err: unknown) => errorText(t, err),
  };
}
