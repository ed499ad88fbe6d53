import { memo, type DragEvent } from 'react';
import { Link } from 'react-router';
import { isOpenTask, type Suggestion, type TaskSummary } from '../../../shared/domain/tasks';
import { AssignButton } from './AssignButton';
import { useBoardText } from './taskText';

/** What a dragged card carries (dataTransfer, under this type). */
export const TASK_DRAG_TYPE = 'application/x-hearth-task';
export interface TaskDrag {
  taskId: number;
  /** The volunteer row the card was dragged from: dropping it on another row moves the task. */
  fromVolunteerId: number | null;
}

export function TaskStatusBadge({ task }: { task: Pick<TaskSummary, 'status'> }) {
  const text = useBoardText();
  return <span className={`badge bstatus bstatus-${task.status}`}>{text.status(task.status)}</span>;
}

/**
 * A task on the board: time, resident (a link to the task), kind, status (a colour and a word);
 * volunteers or the date where the place on the board does not say them. Open tasks can be dragged
 * onto a volunteer; a task without a volunteer has "Assign…".
 */
export const TaskCard = memo(function TaskCard(props: {
  /** A card in a day or volunteer cell, or one wrapping line in a list (overdue, without a volunteer). */
  variant?: 'card' | 'line';
  task: TaskSummary;
  show: { date?: boolean; volunteers?: boolean; settlement?: boolean };
  /** In the week by volunteer: the row's volunteer, null in the row of tasks without one (undefined elsewhere). */
  fromVolunteerId?: number | null;
  align?: 'start' | 'end';
  assigning: boolean;
  onAssign: (task: TaskSummary, s: Suggestion) => void;
}) {
  const text = useBoardText();
  const { t } = text;
  const { task, show } = props;
  const open = isOpenTask(task.status);
  const unassigned = open && task.volunteers.length === 0;
  const onDragStart = (e: DragEvent<HTMLElement>) => {
    const drag: TaskDrag = { taskId: task.id, fromVolunteerId: props.fromVolunteerId ?? null };
    e.dataTransfer.setData(TASK_DRAG_TYPE, JSON.stringify(drag));
    e.dataTransfer.setData('text/plain', task.residentName);
    e.dataTransfer.effectAllowed = 'move';
  };
  const slot = show.date ? `${text.dayMonth(task.scheduledOn)} · ${text.slot(task)}` : text.slot(task);
  const assignButton = unassigned ? (
    <AssignButton task={task} align={props.align ?? 'start'} busy={props.assigning} onPick={(s) => props.onAssign(task, s)} />
  ) : null;
  const common = {
    draggable: open,
    onDragStart: open ? onDragStart : undefined,
    title: open ? t('board:card.dragHint') : undefined,
    'aria-label': `${task.residentName} · ${text.kind(task)}`,
  };
  if (props.variant === 'line') {
    return (
      <article className={`bline is-${task.status}${open ? ' draggable' : ''}`} {...common}>
        <span className="bcard-slot">{slot}</span>
        <Link to={`/tasks/${task.id}`} className="bcard-resident">
          {task.residentName}
        </Link>
        <span className="bcard-kind">{text.kind(task)}</span>
        {show.settlement && task.settlement ? <span className="bcard-meta">{task.settlement}</span> : null}
        {show.volunteers ? (
          <span className={`bcard-meta${task.volunteers.length === 0 ? ' bcard-nobody' : ''}`}>
            {task.volunteers.length > 0 ? task.volunteers.map((v) => v.fullName).join(', ') : t('board:card.notAssigned')}
          </span>
        ) : null}
        <TaskStatusBadge task={task} />
        {assignButton}
      </article>
    );
  }
  return (
    <article className={`bcard is-${task.status}${open ? ' draggable' : ''}`} {...common}>
      <div className="bcard-top">
        <span className="bcard-slot">{slot}</span>
        {/* In a volunteer's row "assigned" goes without saying, in the row without a volunteer "planned": only other statuses get a word. */}
        {(props.fromVolunteerId != null && task.status === 'assigned') || (props.fromVolunteerId === null && task.status === 'planned') ? null : <TaskStatusBadge task={task} />}
      </div>
      <Link to={`/tasks/${task.id}`} className="bcard-resident">
        {task.residentName}
      </Link>
      <div className="bcard-kind">{text.kind(task)}</div>
      {show.settlement && task.settlement ? <div className="bcard-meta">{task.settlement}</div> : null}
      {show.volunteers && task.volunteers.length > 0 ? <div className="bcard-meta bcard-who">{task.volunteers.map((v) => v.fullName).join(', ')}</div> : null}
      {unassigned && show.volunteers ? <div className="bcard-meta bcard-nobody">{t('board:card.notAssigned')}</div> : null}
      {assignButton}
    </article>
  );
});
