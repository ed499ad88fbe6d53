import { Link } from 'react-router';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useProjectText } from './projectText';
import './projects.css';

/** Projects and programmes: each with its period, funder and figures against its targets. */
export function ProjectsScreen() {
  const text = useProjectText();
  const { t } = text;
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
        <table className="data-table projects-table">
          <thead>
            <tr>
              <th scope="col">{t('projects:columns.name')}</th>
              <th scope="col">{t('projects:columns.funder')}</th>
              <th scope="col">{t('projects:columns.period')}</th>
              <th scope="col" className="num">{t('projects:columns.recruited')}</th>
              <th scope="col" className="num">{t('projects:columns.withContract')}</th>
              <th scope="col" className="num">{t('projects:columns.completed')}</th>
              <th scope="col" className="num">{t('projects:columns.droppedOut')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/projects/${p.id}`}>
                    <strong>{p.name}</strong>
                  </Link>
                  {p.grantTitle !== null ? <div className="muted">{p.grantTitle}</div> : null}
                </td>
                <td>{p.funder || t('common:none')}</td>
                <td className="nowrap">{text.period(p.startsOn, p.endsOn)}</td>
                <td className="num">{text.ofTarget(p.figures.recruited, p.targetRecruited)}</td>
                <td className="num">{text.format.number(p.figures.withContract)}</td>
                <td className="num">{text.ofTarget(p.figures.completed, p.targetCompleted)}</td>
                <td className="num">{text.format.number(p.figures.droppedOut)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
