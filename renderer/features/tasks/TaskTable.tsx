import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ColumnDef } from '@tanstack/react-table';
import { isOpenTask, type TaskSummary } from '../../../shared/domain/tasks';
import { DataTable } from '../../ui/DataTable';
import { useLabels } from '../../ui/labels';
import { TaskStatusBadge } from './TaskStatusBadge';
import { useTaskText } from './taskText';

/**
 * Tasks as a table; a row opens the task (Enter or a click). `show: 'request'` leaves out what the
 * request page already says (resident, kind); `'today'` leaves out the day and offers "Done" on
 * open tasks, for the front desk when a volunteer calls in.
 */
export function TaskTable({ items, show, empty }: { items: TaskSummary[]; show: 'request' | 'today'; empty: string }) {
  const { t } = useTranslation(['tasks', 'common']);
  const labels = useLabels();
  const text = useTaskText();
  const navigate = useNavigate();
  const columns = useMemo<ColumnDef<TaskSummary, unknown>[]>(() => {
    const cols: ColumnDef<TaskSummary, unknown>[] = [];
    if (show === 'request') {
      cols.push({ id: 'day', header: t('tasks:columns.day'), accessorFn: (r) => r.scheduledOn, cell: ({ row }) => <span className="nowrap">{text.day(row.original.scheduledOn)}</span> });
    }
    cols.push({ id: 'when', header: t('tasks:columns.when'), cell: ({ row }) => <span className="nowrap">{text.when(row.original)}</span> });
    if (show === 'today') {
      cols.push(
        {
          id: 'resident',
          header: t('tasks:columns.resident'),
          accessorFn: (r) => r.residentName,
          cell: ({ row }) => (
            <span>
              {row.original.residentName}
              {row.original.address ? <span className="muted"> · {row.original.address}</span> : null}
            </span>
          ),
        },
        { id: 'kind', header: t('tasks:columns.kind'), accessorFn: (r) => labels.kind(r), cell: ({ row }) => <span>{labels.kind(row.original)}</span> },
      );
    }
    cols.push(
      {
        id: 'volunteers',
        header: t('tasks:columns.volunteers'),
        cell: ({ row }) => (
          <span className={row.original.volunteers.length === 0 ? 'muted' : undefined}>{text.volunteers(row.original.volunteers)}</span>
        ),
      },
      {
        id: 'status',
        header: t('tasks:columns.status'),
        cell: ({ row }) => (
          <span className="task-badge-cell">
            <TaskStatusBadge status={row.original.status} />
            {show === 'today' && isOpenTask(row.original.status) ? (
              <button
                type="button"
                className="small"
                aria-label={t('tasks:today.markDoneOf', { name: row.original.residentName })}
                onClick={(e) => {
                  e.stopPropagation();
                  void navigate(`/tasks/${row.original.id}?record=done`);
                }}
                onKeyDown={(e) => e.stopPropagation()}
              >
                {t('tasks:today.markDone')}
              </button>
            ) : null}
          </span>
        ),
      },
    );
    return cols;
  }, [t, text, labels, show, navigate]);
  return (
    <DataTable
      data={items}
      columns={columns}
      empty={empty}
      onOpen={(task) => void navigate(`/tasks/${task.id}`)}
      rowLabel={(task) =>
        show === 'today'
          ? t('tasks:today.rowLabel', { kind: labels.kind(task), name: task.residentName, when: text.when(task), status: text.status(task.status) })
          : t('tasks:rowLabel', { date: text.day(task.scheduledOn), when: text.when(task), volunteers: text.volunteers(task.volunteers), status: text.status(task.status) })
      }
    />
  );
}
