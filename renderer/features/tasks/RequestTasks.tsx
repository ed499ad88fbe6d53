import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isOpen } from '../../../shared/domain/requests';
import type { TaskDetail } from '../../../shared/domain/tasks';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { TaskForm } from './TaskForm';
import { TaskTable } from './TaskTable';
import { useCanCoordinate, useTaskText } from './taskText';
import './tasks.css';

/** The tasks of a request, on the request page: the list, and "Plan a task" (Alt+P) with suggestions. */
export function RequestTasks({ requestId }: { requestId: number }) {
  const { t } = useTranslation(['tasks', 'common']);
  const text = useTaskText();
  const canCoordinate = useCanCoordinate();
  const status = useCall('app.status', {});
  const request = useCall('requests.get', { id: requestId });
  const tasks = useCall('tasks.list', { requestId, limit: 200 }, { enabled: canCoordinate });
  const [planning, setPlanning] = useState(false);
  const [saved, setSaved] = useState<TaskDetail | null>(null);
  const planRef = useRef<HTMLButtonElement>(null);

  const requestOpen = request.data ? isOpen(request.data.status) : false;
  const canPlan = canCoordinate && requestOpen;

  useEffect(() => {
    if (!canPlan) return;
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      // e.code keeps the shortcut working on Cyrillic and Greek keyboard layouts.
      if (e.key.toLowerCase() === 'p' || e.code === 'KeyP') {
        e.preventDefault();
        setSaved(null);
        setPlanning(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canPlan]);

  // After saving or closing the form, focus returns to "Plan a task" (the next keystroke plans another).
  const wasPlanning = useRef(false);
  useEffect(() => {
    if (wasPlanning.current && !planning) planRef.current?.focus();
    wasPlanning.current = planning;
  }, [planning]);

  // The front desk does not plan tasks; it sees them through today's list and the task page.
  if (!canCoordinate || !request.data) return null;
  const items = tasks.data?.items ?? [];
  const warned = saved ? saved.volunteers.filter((v) => v.warnings.length > 0) : [];

  return (
    <section className="request-tasks" aria-labelledby="request-tasks-title">
      <div className="tasks-head">
        <h2 id="request-tasks-title">
          {t('tasks:title')}
          {tasks.data ? <span className="count">{t('tasks:count', { count: tasks.data.total })}</span> : null}
        </h2>
        {canPlan && !planning ? (
          <button
            ref={planRef}
            type="button"
            className="primary"
            title={t('tasks:plan.shortcut')}
            aria-keyshortcuts="Alt+P"
            onClick={() => {
              setSaved(null);
              setPlanning(true);
            }}
          >
            {t('tasks:plan.open')}
          </button>
        ) : null}
      </div>
      {saved ? (
        <div className={`notice ${warned.length > 0 ? 'notice-warning' : 'notice-success'}`} role="status">
          {t('tasks:plan.saved')} <Link to={`/tasks/${saved.id}`}>
            {text.day(saved.scheduledOn)} · {text.when(saved)}
          </Link>
          {warned.length > 0 ? (
            <ul>
              {warned.flatMap((v) => v.warnings.map((w) => <li key={`${v.volunteerId}-${w}`}>{text.warningText(w, v.fullName)}</li>))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <ErrorNotice error={tasks.error} />
      {tasks.data && items.length > 0 ? <TaskTable items={items} show="request" empty={t('tasks:empty')} /> : null}
      {tasks.data && items.length === 0 && !planning ? <p className="muted">{t('tasks:empty')}</p> : null}
      {planning && canPlan && status.data ? (
        <TaskForm
          request={request.data}
          today={status.data.today}
          onSaved={(task) => {
            setPlanning(false);
            setSaved(task);
          }}
          onClose={() => setPlanning(false)}
        />
      ) : null}
      {!requestOpen ? <p className="muted">{t('tasks:requestClosed')}</p> : null}
    </section>
  );
}
