import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useFormat } from '../../ui/format';
import { SheetHead } from '../board/PrintParts';
import '../board/print.css';
import { useCaseText } from './caseText';
import './cases.css';

/**
 * /cases/:id/print: the case plan on A4 (the board's paper documents' sheet and page rules): who
 * it is for, the worker, the agreement, the goals, the agreed actions with their due days and who
 * is responsible, the last review and the next one, and lines for the signatures of the person and
 * the worker. The toolbar (Print, back to the case) never prints.
 */
export function CasePrintScreen() {
  const text = useCaseText();
  const { t } = text;
  const format = useFormat();
  const id = Number(useParams().id);
  const found = useCall('cases.get', { id });
  const status = useCall('app.status', {});
  const title = t('cases:print.docTitle', { id });
  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
  if (found.isError) return <ErrorNotice error={found.error} />;
  if (!found.data) return <p className="loading">{t('common:loading')}</p>;
  const c = found.data;
  const dash = t('common:none');
  const lastReview = c.reviews[0];
  return (
    <div className="print-doc">
      <div className="print-toolbar no-print">
        <h1>{t('cases:print.heading', { name: c.subjectName })}</h1>
        <div className="actions">
          <button type="button" className="primary big" autoFocus onClick={() => window.print()}>
            {t('cases:print.print')}
          </button>
          <Link to={`/cases/${c.id}`} className="button">
            {t('cases:print.back')}
          </Link>
        </div>
      </div>
      <article className="sheet case-sheet">
        <SheetHead
          centre={status.data?.settings?.centreName ?? ''}
          title={t('cases:print.title')}
          meta={[
            { label: c.householdId !== null ? t('cases:print.household') : t('cases:print.person'), value: c.subjectName || dash },
            { label: t('cases:fields.worker'), value: c.workerName },
            { label: t('cases:fields.openedOn'), value: format.date(c.openedOn) },
            { label: t('cases:fields.agreement'), value: c.agreementOn ? format.date(c.agreementOn) : dash },
          ]}
          aside={t('cases:print.caseNo', { id: c.id })}
        />
        <h3>{t('cases:fields.goals')}</h3>
        {c.goals.length === 0 ? <p>{dash}</p> : <ol>{c.goals.map((g, i) => <li key={i}>{g}</li>)}</ol>}
        <h3>{t('cases:print.actions')}</h3>
        <table className="sheet-table case-sheet-table">
          <thead>
            <tr>
              <th scope="col" className="w-no">{t('cases:print.number')}</th>
              <th scope="col" className="w-action">{t('cases:fields.action')}</th>
              <th scope="col" className="w-due">{t('cases:fields.dueOn')}</th>
              <th scope="col" className="w-who">{t('cases:fields.responsible')}</th>
              <th scope="col" className="w-done">{t('cases:fields.doneOn')}</th>
            </tr>
          </thead>
          <tbody>
            {c.actions.map((a, i) => (
              <tr key={a.id}>
                <td>{i + 1}</td>
                <td>{a.text}</td>
                <td>{format.date(a.dueOn)}</td>
                <td>{a.responsibleUserName ?? a.responsibleText}</td>
                <td>{a.doneOn ? format.date(a.doneOn) : ''}</td>
              </tr>
            ))}
            {c.actions.length === 0 ? (
              <tr>
                <td colSpan={5}>{dash}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
        <dl className="sheet-meta case-sheet-review">
          {lastReview ? (
            <div>
              <dt>{t('cases:print.lastReview')}</dt>
              <dd>{format.date(lastReview.on)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('cases:print.nextReview')}</dt>
            <dd>{c.nextReviewOn ? format.date(c.nextReviewOn) : dash}</dd>
          </div>
        </dl>
        {c.agreementNote ? <p className="pre">{c.agreementNote}</p> : null}
        <div className="sheet-foot">
          <div className="sign-line">
            <span>{c.householdId !== null ? t('cases:print.signHousehold') : t('cases:print.signPerson')}</span>
            <span className="line" />
          </div>
          <div className="sign-line">
            <span>{t('cases:print.signWorker')}</span>
            <span className="line" />
          </div>
        </div>
      </article>
    </div>
  );
}
