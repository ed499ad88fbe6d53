import { useMemo } from 'react';
import { isIsoDate, slotOrder, type TaskSummary } from '../../../shared/domain/tasks';
import type { Resident } from '../../../shared/domain/residents';
import { useCall } from '../../app/api';
import { useCalls } from './useCalls';

/** Tasks that go on paper: still to do, or done already (a sheet printed late); not failed or cancelled ones. */
const PRINTED_STATUSES = ['planned', 'assigned', 'done'] as const;

export interface PrintTask {
  task: TaskSummary;
  /** The resident's record (street, house, phones); undefined while it loads or when it failed. */
  resident: Resident | undefined;
  /** The request's description, when the task comes from a request. */
  description: string;
}

/**
 * A day's tasks with what a volunteer needs on paper: the resident's address and phones
 * (residents.get) and what was asked (requests.get), one call per resident and per request.
 */
export function usePrintDay(date: string | null, volunteerId?: number) {
  const valid = date !== null && isIsoDate(date);
  const list = useCall(
    'tasks.list',
    { from: date ?? undefined, to: date ?? undefined, statuses: [...PRINTED_STATUSES], volunteerId, limit: 1000, offset: 0 },
    { enabled: valid },
  );
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const residentIds = useMemo(() => [...new Set(items.map((t) => t.residentId))], [items]);
  const requestIds = useMemo(() => [...new Set(items.flatMap((t) => (t.requestId !== null ? [t.requestId] : [])))], [items]);
  const residents = useCalls('residents.get', residentIds.map((id) => ({ id })));
  const requests = useCalls('requests.get', requestIds.map((id) => ({ id })));

  const tasks = useMemo<PrintTask[]>(() => {
    const residentById = new Map(residents.data.flatMap((r) => (r ? [[r.resident.id, r.resident] as const] : [])));
    const requestById = new Map(requests.data.flatMap((r) => (r ? [[r.id, r.description] as const] : [])));
    return [...items]
      .sort((a, b) => slotOrder(a) - slotOrder(b) || a.id - b.id)
      .map((task) => ({
        task,
        resident: residentById.get(task.residentId),
        description: task.requestId !== null ? (requestById.get(task.requestId) ?? '') : '',
      }));
  }, [items, residents.data, requests.data]);

  return {
    valid,
    tasks,
    isPending: valid && (list.isPending || residents.isPending || requests.isPending),
    error: list.error ?? residents.error ?? requests.error,
  };
}

/** The date=YYYY-MM-DD of a print address, or null. */
export function dateParam(params: URLSearchParams): string | null {
  const date = params.get('date');
  return date !== null && isIsoDate(date) ? date : null;
}
