import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { TaskTable } from './TaskTable';
import './tasks.css';

/**
 * Today's tasks for the front desk (tasks.today): who goes where, and "Done" to record the outcome
 * when a volunteer calls in. Meant for the front desk screen, below today's requests.
 */
export function TodayTasks() {
  const { t } = useTranslation(['tasks', 'common']);
  const today = useCall('tasks.today', {});
  return (
    <section aria-labelledby="today-tasks-title" className="queue today-tasks">
      <h2 id="today-tasks-title">
        {t('tasks:today.title')}
        {today.data ? <span className="count">{t('tasks:today.count', { count: today.data.length })}</span> : null}
      </h2>
      <ErrorNotice error={today.error} />
      {today.data ? <TaskTable items={today.data} show="today" empty={t('tasks:today.empty')} /> : null}
    </section>
  );
}
