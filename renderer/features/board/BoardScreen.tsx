import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData } from '@tanstack/react-query';
import { addDays, isIsoDate, mondayOf, type Board, type Suggestion, type TaskDetail, type TaskSummary, type VolunteerState } from '../../../shared/domain/tasks';
import { useCall, useMutate } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useLabels } from '../../ui/labels';
import { ShowFirst } from '../../ui/ShowFirst';
import { SpacerRow, useVirtualRows, VIRTUAL_FROM } from '../../ui/virtual';
import { UrgencyBadge } from '../requests/RequestTable';
import { TaskCard, TASK_DRAG_TYPE, type TaskDrag } from './TaskCard';
import { BoardTextContext, compareText, useBoardText, useTaskText } from './taskText';
import './board.css';

type View = 'day' | 'volunteer';

/**
 * A city centre's week holds hundreds of tasks: each day shows its first cards, the panels their
 * first lines and a volunteer's day its first cards, with the count and "Show all" for the rest
 * (renderer/ui/ShowFirst.tsx); the week by volunteer draws only the volunteers' rows in view.
 */
const DAY_FIRST = 8;
const PANEL_FIRST = 20;
/** A volunteer's day (or the day of the tasks without one) in the week by volunteer. */
const CELL_FIRST = 6;

/** What a card says beyond its place on the board (the same objects every render: cards are memoised). */
const SHOW_IN_OVERDUE = { date: true, volunteers: true };
const SHOW_IN_UNASSIGNED = { date: true, settlement: true };
const SHOW_IN_DAY = { volunteers: true };
const SHOW_IN_CELL = {};

interface Notice {
  text: string;
  warnings: string[];
  focus: boolean;
}

/** The board's place in the address (?week=&kind=&settlement=&view=&day=), so Back returns to it. */
function useBoardParams() {
  const [params, setParams] = useSearchParams();
  const week = params.get('week');
  const kind = Number(params.get('kind') ?? '');
  const day = params.get('day');
  const set = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null || v === '') next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
  return {
    week: week !== null && isIsoDate(week) ? week : undefined,
    kindId: Number.isInteger(kind) && kind > 0 ? kind : undefined,
    settlement: params.get('settlement') || undefined,
    view: (params.get('view') === 'volunteer' ? 'volunteer' : 'day') as View,
    day: day !== null && isIsoDate(day) ? day : undefined,
    set,
  };
}

/**
 * The coordinator's board (/board): the week's tasks by day or by volunteer, what is overdue, tasks
 * without a volunteer and requests still waiting for tasks; filters by kind and settlement;
 * assigning with the keyboard (Assign…) or by dragging a card onto a volunteer; printing a day's
 * task sheets and route list.
 */
export function BoardScreen() {
  const text = useTaskText();
  const { t } = text;
  const p = useBoardParams();
  const board = useCall('tasks.board', { weekStart: p.week, kindId: p.kindId, settlement: p.settlement }, { placeholderData: keepPreviousData });
  const assign = useMutate('tasks.assign');
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (notice?.focus) noticeRef.current?.focus();
  }, [notice]);

  // The same functions from render to render, so that the memoised cards are not drawn again.
  const { mutate } = assign;
  const assignTo = useCallback(
    (task: TaskSummary, volunteerIds: number[], focus: boolean) => {
      const before = new Set(task.volunteers.map((v) => v.volunteerId));
      setNotice(null);
      mutate(
        { id: task.id, volunteerIds },
        {
          onSuccess: (detail: TaskDetail) => {
            const names = detail.volunteers.filter((v) => volunteerIds.includes(v.volunteerId) && !before.has(v.volunteerId));
            setNotice({
              text: t('board:assign.done', {
                volunteer: names.map((v) => v.fullName).join(', '),
                resident: detail.residentName,
                kind: text.kind(detail),
                date: text.day(detail.scheduledOn),
              }),
              warnings: names.flatMap((v) => v.warnings.map((w) => t(`board:assign.warningText.${w}`, { name: v.fullName }))),
              focus,
            });
          },
        },
      );
    },
    [mutate, t, text],
  );
  const onPick = useCallback((task: TaskSummary, s: Suggestion) => assignTo(task, [s.volunteerId], true), [assignTo]);

  const data = board.data;
  const printDay = data ? pickPrintDay(data, p.day) : null;

  return (
    <BoardTextContext.Provider value={text}>
      <div className="board">
        <div className="page-head board-head">
          <div className="board-title">
            <h1>{t('board:title')}</h1>
            {data ? (
              <span className="week-range" aria-live="polite">
                {t('board:week.showing', { range: text.range(data.weekStart, data.weekEnd) })}
              </span>
            ) : null}
          </div>
          <nav aria-label={t('board:otherScreens')} className="board-links">
            <Link to="/snow-day" className="button small">
              {t('board:links.snowDay')}
            </Link>
            <Link to="/care" className="button small">
              {t('board:links.care')}
            </Link>
            <Link to="/reports" className="button small">
              {t('board:links.reports')}
            </Link>
          </nav>
        </div>

        <div className="board-toolbar">
          <div className="week-nav" role="group" aria-label={t('board:week.label')}>
            <button type="button" onClick={() => data && p.set({ week: addDays(data.weekStart, -7) })} disabled={!data}>
              {t('board:week.previous')}
            </button>
            <button type="button" className={data && data.weekStart === mondayOf(data.today) ? 'current' : undefined} onClick={() => p.set({ week: null, day: null })}>
              {t('board:week.current')}
            </button>
            <button type="button" onClick={() => data && p.set({ week: addDays(data.weekStart, 7) })} disabled={!data}>
              {t('board:week.next')}
            </button>
          </div>
          <BoardFilters kindId={p.kindId} settlement={p.settlement} onChange={p.set} />
        </div>

        <div ref={noticeRef} tabIndex={-1} role="status" className="board-status">
          {notice ? (
            <div className={`notice ${notice.warnings.length > 0 ? 'notice-warning' : 'notice-success'}`}>
              {notice.text}
              {notice.warnings.length > 0 ? (
                <ul>
                  {notice.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </div>
        <ErrorNotice error={assign.error} />
        <ErrorNotice error={board.error} />
        {board.isPending ? <p className="loading">{t('common:loading')}</p> : null}

        {data ? (
          <>
            <div className="board-panels">
              <Panel id="overdue" title={t('board:overdue.title')} count={t('board:taskCount', { count: data.overdue.length })} urgent={data.overdue.length > 0}>
                {data.overdue.length === 0 ? (
                  <p className="muted">{t('board:overdue.empty')}</p>
                ) : (
                  <CardList variant="line" label={t('board:overdue.title')} first={PANEL_FIRST} tasks={data.overdue} show={SHOW_IN_OVERDUE} assigning={assign.isPending} onAssign={onPick} />
                )}
              </Panel>
              <Panel id="unassigned" title={t('board:unassigned.title')} count={t('board:taskCount', { count: data.unassigned.length })}>
                {data.unassigned.length === 0 ? (
                  <p className="muted">{t('board:unassigned.empty')}</p>
                ) : (
                  <>
                    <p className="field-hint">{t('board:unassigned.hint')}</p>
                    <CardList
                      variant="line"
                      label={t('board:unassigned.title')}
                      first={PANEL_FIRST}
                      tasks={data.unassigned}
                      show={SHOW_IN_UNASSIGNED}
                      assigning={assign.isPending}
                      onAssign={onPick}
                    />
                  </>
                )}
              </Panel>
              <Panel id="waiting" title={t('board:waiting.title')} count={t('board:waiting.count', { count: data.openRequestsWithoutTasks.length })}>
                <WaitingRequests board={data} />
              </Panel>
            </div>

            <section aria-labelledby="week-title" className="week">
              <div className="week-head">
                <h2 id="week-title">{p.view === 'day' ? t('board:days.title') : t('board:volunteers.title')}</h2>
                <div className="view-toggle" role="group" aria-label={t('board:view.label')}>
                  {(['day', 'volunteer'] as const).map((v) => (
                    <button key={v} type="button" className="small" aria-pressed={p.view === v} onClick={() => p.set({ view: v === 'day' ? null : v })}>
                      {t(v === 'day' ? 'board:view.byDay' : 'board:view.byVolunteer')}
                    </button>
                  ))}
                </div>
                {printDay ? (
                  <div className="print-links" role="group" aria-label={t('board:print.label')}>
                    <label>
                      <span className="visually-hidden">{t('board:print.day')}</span>
                      <select value={printDay} onChange={(e) => p.set({ day: e.target.value })}>
                        {data.week.map((d) => (
                          <option key={d.date} value={d.date}>
                            {text.day(d.date)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <Link className="button small" to={`/print/day?date=${printDay}`}>
                      {t('board:print.sheets', { day: text.dayMonth(printDay) })}
                    </Link>
                    <Link className="button small" to={`/print/route?date=${printDay}`}>
                      {t('board:print.route', { day: text.dayMonth(printDay) })}
                    </Link>
                  </div>
                ) : null}
              </div>
              {p.view === 'day' ? (
                <WeekByDay board={data} assigning={assign.isPending} onAssign={onPick} />
              ) : (
                <WeekByVolunteer board={data} printDay={printDay} assigning={assign.isPending} onAssign={onPick} onDropTask={(task, ids) => assignTo(task, ids, false)} />
              )}
            </section>
          </>
        ) : null}
      </div>
    </BoardTextContext.Provider>
  );
}

/** The day the print links are for: the one chosen, else today when it is in the week, else Monday. */
function pickPrintDay(board: Board, chosen: string | undefined): string {
  const days = board.week.map((d) => d.date);
  if (chosen && days.includes(chosen)) return chosen;
  return days.includes(board.today) ? board.today : board.weekStart;
}

function BoardFilters(props: { kindId: number | undefined; settlement: string | undefined; onChange: (changes: Record<string, string | null>) => void }) {
  const text = useBoardText();
  const { t } = text;
  const kinds = useCall('catalogue.list', { includeArchived: false });
  const settlements = useCall('residents.settlements', {});
  const compare = compareText(text.locale);
  const volunteerKinds = (kinds.data ?? []).filter((k) => k.mode === 'volunteer').sort((a, b) => compare(text.kind(kindRef(a)), text.kind(kindRef(b))));
  return (
    <div className="filters" role="group" aria-label={t('board:filters.label')}>
      <label>
        <span>{t('board:filters.kind')}</span>
        <select value={props.kindId ?? ''} onChange={(e) => props.onChange({ kind: e.target.value })}>
          <option value="">{t('board:filters.allKinds')}</option>
          {volunteerKinds.map((k) => (
            <option key={k.id} value={k.id}>
              {text.kind(kindRef(k))}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('board:filters.settlement')}</span>
        <select value={props.settlement ?? ''} onChange={(e) => props.onChange({ settlement: e.target.value })}>
          <option value="">{t('board:filters.allSettlements')}</option>
          {(settlements.data ?? []).map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function kindRef(k: { code: string | null; name: string | null }) {
  return { kindCode: k.code, kindName: k.name };
}

function Panel(props: { id: string; title: string; count: string; urgent?: boolean; children: ReactNode }) {
  return (
    <section className={`card board-panel${props.urgent ? ' urgent' : ''}`} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>
        {props.title} <span className="count">{props.count}</span>
      </h2>
      <div className="board-panel-body">{props.children}</div>
    </section>
  );
}

function CardList(props: {
  variant?: 'card' | 'line';
  tasks: TaskSummary[];
  /** What the list is (a day, a panel's title), for the "Show all" button. */
  label: string;
  /** How many cards are drawn before "Show all". */
  first: number;
  show: { date?: boolean; volunteers?: boolean; settlement?: boolean };
  fromVolunteerId?: number | null;
  align?: 'start' | 'end';
  assigning: boolean;
  onAssign: (task: TaskSummary, s: Suggestion) => void;
}) {
  const { t } = useBoardText();
  return (
    <ShowFirst
      className={props.variant === 'line' ? 'lines' : 'cards'}
      items={props.tasks}
      first={props.first}
      label={props.label}
      countText={(count) => t('board:taskCount', { count })}
      itemKey={(task) => task.id}
      renderItem={(task) => (
        <TaskCard variant={props.variant} task={task} show={props.show} fromVolunteerId={props.fromVolunteerId} align={props.align} assigning={props.assigning} onAssign={props.onAssign} />
      )}
    />
  );
}

function WaitingRequests({ board }: { board: Board }) {
  const text = useBoardText();
  const { t } = text;
  const labels = useLabels();
  if (board.openRequestsWithoutTasks.length === 0) return <p className="muted">{t('board:waiting.empty')}</p>;
  return (
    <>
      <p className="field-hint">{t('board:waiting.hint')}</p>
      <ShowFirst
        className="waiting"
        items={board.openRequestsWithoutTasks}
        first={PANEL_FIRST}
        label={t('board:waiting.title')}
        countText={(count) => t('board:waiting.count', { count })}
        itemKey={(r) => r.id}
        renderItem={(r) => (
          <>
            <Link to={`/requests/${r.id}`}>
              <span className="strong">{r.residentName}</span> · {labels.kind(r)}
            </Link>
            <UrgencyBadge urgency={r.urgency} />
            <div className="bcard-meta">
              {r.settlement ? `${r.settlement} · ` : ''}
              {t('board:waiting.since', { date: text.dayMonth(r.createdOn) })}
            </div>
          </>
        )}
      />
    </>
  );
}

function WeekByDay(props: { board: Board; assigning: boolean; onAssign: (task: TaskSummary, s: Suggestion) => void }) {
  const text = useBoardText();
  const { t } = text;
  return (
    <div className="week-grid">
      {props.board.week.map((d) => {
        const isToday = d.date === props.board.today;
        return (
          <section key={d.date} className={`day-col${isToday ? ' is-today' : ''}${d.date < props.board.today ? ' is-past' : ''}`} aria-label={text.day(d.date)}>
            <h3 className="day-head">
              <span className="day-name">{text.weekday(d.date)}</span>
              <span className="day-date">{text.dayMonth(d.date)}</span>
              {isToday ? <span className="badge today">{t('board:today')}</span> : null}
              {d.tasks.length > DAY_FIRST ? <span className="day-count">{t('board:taskCount', { count: d.tasks.length })}</span> : null}
            </h3>
            {d.tasks.length === 0 ? (
              <p className="muted day-empty">{t('board:days.empty')}</p>
            ) : (
              <CardList
                tasks={d.tasks}
                label={text.day(d.date)}
                first={DAY_FIRST}
                show={SHOW_IN_DAY}
                align={d.weekday >= 5 ? 'end' : 'start'}
                assigning={props.assigning}
                onAssign={props.onAssign}
              />
            )}
          </section>
        );
      })}
    </div>
  );
}

interface VolunteerRowData {
  volunteerId: number;
  fullName: string;
  state: VolunteerState;
  tasks: TaskSummary[];
}

function WeekByVolunteer(props: {
  board: Board;
  printDay: string | null;
  assigning: boolean;
  onAssign: (task: TaskSummary, s: Suggestion) => void;
  onDropTask: (task: TaskSummary, volunteerIds: number[]) => void;
}) {
  const text = useBoardText();
  const { t } = text;
  const { board } = props;
  // Active volunteers without tasks this week are rows too: a task can be dropped on them.
  const active = useCall('volunteers.search', { q: '', status: 'active', limit: 500 });
  const rows = useMemo<VolunteerRowData[]>(() => {
    // The core sends each volunteer's task ids; the tasks are the week's.
    const weekTasks = new Map(board.week.flatMap((d) => d.tasks.map((task) => [task.id, task] as const)));
    const byId = new Map<number, VolunteerRowData>(
      board.byVolunteer.map((v) => [
        v.volunteerId,
        { volunteerId: v.volunteerId, fullName: v.fullName, state: v.state, tasks: v.taskIds.flatMap((id) => weekTasks.get(id) ?? []) },
      ]),
    );
    for (const v of active.data ?? []) {
      if (!byId.has(v.id)) byId.set(v.id, { volunteerId: v.id, fullName: v.fullName, state: 'active', tasks: [] });
    }
    const compare = compareText(text.locale);
    return [...byId.values()].sort((a, b) => compare(a.fullName, b.fullName) || a.volunteerId - b.volunteerId);
  }, [board.byVolunteer, board.week, active.data, text.locale]);

  const allTasks = useMemo(() => {
    const map = new Map<number, TaskSummary>();
    for (const task of [...board.week.flatMap((d) => d.tasks), ...board.overdue, ...board.unassigned]) map.set(task.id, task);
    return map;
  }, [board]);

  /** A card dropped on a volunteer's row, or (volunteerId null) on the row of tasks without one. */
  const drop = (e: DragEvent<HTMLElement>, volunteerId: number | null) => {
    const raw = e.dataTransfer.getData(TASK_DRAG_TYPE);
    if (!raw) return;
    e.preventDefault();
    const drag = JSON.parse(raw) as TaskDrag;
    const task = allTasks.get(drag.taskId);
    if (!task || drag.fromVolunteerId === volunteerId) return;
    const current = task.volunteers.map((v) => v.volunteerId);
    // From a volunteer's row the task moves (to nobody on the "without a volunteer" row); from
    // elsewhere the volunteer is added.
    const kept = drag.fromVolunteerId !== null ? current.filter((id) => id !== drag.fromVolunteerId) : current;
    if (volunteerId === null) {
      if (drag.fromVolunteerId !== null) props.onDropTask(task, kept);
      return;
    }
    if (current.includes(volunteerId)) return;
    props.onDropTask(task, [...kept, volunteerId]);
  };

  // The row of tasks without a volunteer first, then a row per volunteer: only those in view are drawn.
  const lines = useMemo<Array<VolunteerRowData | null>>(() => (board.unassigned.length > 0 ? [null, ...rows] : rows), [board.unassigned.length, rows]);
  const virtual = lines.length >= VIRTUAL_FROM;
  // The row that holds the focus: Tab goes on to the next row, drawn before the key comes.
  const [focused, setFocused] = useState<number | null>(null);
  const { scrollRef, virtualizer, items, before, after } = useVirtualRows({
    count: virtual ? lines.length : 0,
    estimate: 72,
    getKey: (i) => lines[i]?.volunteerId ?? 'nobody',
    focused,
  });
  const drawn = virtual ? items.map((item) => item.index) : lines.map((_, i) => i);
  const table = (
    <table className="vol-table" aria-rowcount={virtual ? lines.length + 1 : undefined}>
      <thead>
        <tr aria-rowindex={virtual ? 1 : undefined}>
          <th scope="col" className="vol-name-col">
            {t('board:volunteers.column')}
          </th>
          {board.week.map((d) => (
            <th scope="col" key={d.date} className={d.date === board.today ? 'is-today' : undefined}>
              <span className="day-name">{text.weekday(d.date)}</span> <span className="day-date">{text.dayMonth(d.date)}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody
        onFocus={
          virtual
            ? (e) => {
                const index = (e.target as HTMLElement).closest('tr[data-index]')?.getAttribute('data-index');
                if (index != null) setFocused(Number(index));
              }
            : undefined
        }
      >
        {virtual ? <SpacerRow height={before} colSpan={board.week.length + 1} /> : null}
        {drawn.map((index) => {
          const row = lines[index] ?? null;
          return (
            <VolunteerRow
              key={row?.volunteerId ?? 'nobody'}
              index={index}
              measure={virtual ? virtualizer.measureElement : undefined}
              row={row}
              tasks={row?.tasks ?? board.unassigned}
              board={board}
              printDay={props.printDay}
              assigning={props.assigning}
              onAssign={props.onAssign}
              onDrop={drop}
            />
          );
        })}
        {virtual ? <SpacerRow height={after} colSpan={board.week.length + 1} /> : null}
      </tbody>
    </table>
  );
  return (
    <>
      <ErrorNotice error={active.error} />
      {rows.length === 0 ? (
        <p className="muted">{t('board:volunteers.empty')}</p>
      ) : virtual ? (
        <div ref={scrollRef} className="table-scroll vol-scroll">
          {table}
        </div>
      ) : (
        table
      )}
    </>
  );
}

function VolunteerRow({
  index,
  measure,
  ...props
}: {
  /** Its place in the table (the rows in view are measured: `measure`). */
  index: number;
  measure: ((el: Element | null) => void) | undefined;
  /** null: the row of the week's tasks without a volunteer. */
  row: VolunteerRowData | null;
  tasks: TaskSummary[];
  board: Board;
  printDay: string | null;
  assigning: boolean;
  onAssign: (task: TaskSummary, s: Suggestion) => void;
  onDrop: (e: DragEvent<HTMLElement>, volunteerId: number | null) => void;
}) {
  const text = useBoardText();
  const { t } = text;
  const [over, setOver] = useState(false);
  const { row, board } = props;
  const volunteerId = row?.volunteerId ?? null;
  const name = row?.fullName ?? t('board:unassigned.title');
  const accepts = (e: DragEvent<HTMLElement>) => e.dataTransfer.types.includes(TASK_DRAG_TYPE);
  return (
    <tr
      ref={measure}
      data-index={index}
      aria-rowindex={measure ? index + 2 : undefined}
      className={`vol-row${row === null ? ' nobody-row' : ''}${over ? ' drop-over' : ''}`}
      title={row !== null ? t('board:volunteers.dropHint', { name: row.fullName }) : undefined}
      onDragEnter={(e) => {
        if (accepts(e)) setOver(true);
      }}
      onDragOver={(e) => {
        if (!accepts(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        setOver(false);
        props.onDrop(e, volunteerId);
      }}
    >
      <th scope="row" className="vol-name-col">
        {row === null ? (
          <span className="vol-name bcard-nobody">{t('board:card.notAssigned')}</span>
        ) : (
          <>
            <Link to={`/volunteers/${row.volunteerId}`} className="vol-name">
              {row.fullName}
            </Link>
            {row.state !== 'active' ? <span className="badge">{t(row.state === 'paused' ? 'board:volunteers.paused' : 'board:volunteers.deleted')}</span> : null}
          </>
        )}
        <div className="bcard-meta">{t('board:taskCount', { count: props.tasks.length })}</div>
        {row !== null && props.printDay && props.tasks.some((task) => task.scheduledOn === props.printDay) ? (
          <Link
            to={`/print/day?date=${props.printDay}&volunteer=${row.volunteerId}`}
            className="vol-print"
            aria-label={t('board:print.volunteerSheetFor', { name: row.fullName, day: text.day(props.printDay) })}
          >
            {t('board:print.volunteerSheet')}
          </Link>
        ) : null}
      </th>
      {board.week.map((d) => {
        const tasks = props.tasks.filter((task) => task.scheduledOn === d.date);
        return (
          <td key={d.date} className={d.date === board.today ? 'is-today' : undefined}>
            {tasks.length > 0 ? (
              <CardList
                tasks={tasks}
                label={`${name} · ${text.day(d.date)}`}
                first={CELL_FIRST}
                show={SHOW_IN_CELL}
                fromVolunteerId={volunteerId}
                align={d.weekday >= 5 ? 'end' : 'start'}
                assigning={props.assigning}
                onAssign={props.onAssign}
              />
            ) : null}
          </td>
        );
      })}
    </tr>
  );
}
