import { Link, useNavigate } from 'react-router';
import { useCall } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useProjectText } from './projectText';
import './projects.css';

/** Projects and programmes: each with its period, funder and figures against its targets. */
export function ProjectsScreen() {
  const text = useProjectText();
  const { t } = text;
  const navigate = useNavigate();
  const list = useCall('projects.list', {});
  if (list.isError) return <ErrorNotice error={list.error} />;
  if (!list.data) return <p className="loading">{t('common:loading')}</p>;
  return (
    <div>
      <div className="page-head">
        <h1>{t('projects:title')}</h1>
        <div className="actions">
          <Link to="/projects/new" className="button primary">
            {t('projects:new')}
          </Link>
        </div>
      </div>
      {list.data.length === 0 ? (
        <p className="muted">{t('projects:empty')}</p>
      ) : (
        <DataTable
          className="projects-table"
          data={list.data}
          caption={t('projects:title')}
          empty={t('projects:empty')}
          rowKey={(p) => String(p.id)}
          rowLabel={(p) => p.name}
          onOpen={(p) => void navigate(`/projects/${p.id}`)}
          columns={((col) => [
            col(
              'name',
              t('projects:columns.name'),
              (p) => (
                <>
                  <Link to={`/projects/${p.id}`}>
                    <strong>{p.name}</strong>
                  </Link>
                  {p.grantTitle !== null ? <div className="muted">{p.grantTitle}</div> : null}
                </>
              ),
              { value: (p) => p.name },
            ),
            col('funder', t('projects:columns.funder'), (p) => p.funder || t('common:none'), { value: (p) => p.funder }),
            col('period', t('projects:columns.period'), (p) => <span className="nowrap">{text.period(p.startsOn, p.endsOn)}</span>, { value: (p) => p.startsOn }),
            col('recruited', t('projects:columns.recruited'), (p) => text.ofTarget(p.figures.recruited, p.targetRecruited), { value: (p) => p.figures.recruited, align: 'num' }),
            col('withContract', t('projects:columns.withContract'), (p) => text.format.number(p.figures.withContract), { value: (p) => p.figures.withContract, align: 'num' }),
            col('completed', t('projects:columns.completed'), (p) => text.ofTarget(p.figures.completed, p.targetCompleted), { value: (p) => p.figures.completed, align: 'num' }),
            col('droppedOut', t('projects:columns.droppedOut'), (p) => text.format.number(p.figures.droppedOut), { value: (p) => p.figures.droppedOut, align: 'num' }),
          ])(columnsOf(list.data))}
        />
      )}
    </div>
  );
}
