import { useEffect, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { Assessment } from '../../../shared/domain/assessments';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useFormat } from '../../ui/format';
import { SheetHead } from '../board/PrintParts';
import { useAssessmentText } from './assessmentText';
import { OpenCaseFromAssessment } from '../cases/OpenFromAssessment';
import '../board/print.css';
import './assessments.css';

/** /assessments/:id: one assessment as an A4 sheet, with Print and the way back (the toolbar never prints). */
export function AssessmentScreen() {
  const { t } = useAssessmentText();
  const id = Number(useParams().id);
  const assessment = useCall('assessments.get', { id });
  const status = useCall('app.status', {});
  if (assessment.isError) return <ErrorNotice error={assessment.error} />;
  if (!assessment.data) return <p className="loading">{t('common:loading')}</p>;
  return <AssessmentView assessment={assessment.data} centre={status.data?.settings?.centreName ?? ''} actions={<OpenCaseFromAssessment assessment={assessment.data} />} />;
}

/**
 * An assessment's printable view: the toolbar (Print, back to the resident, and `actions`, where
 * another feature adds its own button, e.g. opening a case from this assessment) and the A4 sheet.
 */
export function AssessmentView({ assessment: a, centre, actions }: { assessment: Assessment; centre: string; actions?: ReactNode }) {
  const text = useAssessmentText();
  const { t } = text;
  const format = useFormat();
  const kind = text.kind({ code: a.kindCode, name: a.kindName });
  const title = t('assessments:view.docTitle', { kind, name: a.subjectName ?? '', date: a.assessedOn });
  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
  const back = a.subjectResidentId !== null ? `/residents/${a.subjectResidentId}` : null;
  return (
    <div className="print-doc assessment-doc">
      <div className="print-toolbar no-print">
        <h1>{kind}</h1>
        <div className="actions">
          <button type="button" className="primary big" autoFocus onClick={() => window.print()}>
            {t('assessments:view.print')}
          </button>
          <Link to={`/assessments/${a.id}/edit`} className="button">
            {t('assessments:view.edit')}
          </Link>
          {back ? (
            <Link to={back} className="button">
              {t('assessments:view.back')}
            </Link>
          ) : null}
          {actions}
        </div>
        <p className="field-hint">{t('assessments:view.printHint')}</p>
      </div>
      <article className="sheet assessment-sheet">
        <SheetHead
          centre={centre}
          title={kind}
          meta={[
            { label: t('assessments:view.date'), value: format.date(a.assessedOn) },
            { label: t('assessments:view.worker'), value: a.workerName },
            ...(a.followUpOn !== null ? [{ label: t('assessments:view.followUp'), value: format.date(a.followUpOn) }] : []),
          ]}
        />
        <p className="assessment-subject">
          <span>{a.householdId !== null ? t('assessments:view.ofHousehold') : t('assessments:view.ofPerson')}: </span>
          <strong>{a.subjectName ?? t('common:none')}</strong>
        </p>
        <h3>{t('assessments:view.needs')}</h3>
        {a.needs.length === 0 ? (
          <p>{t('assessments:view.noNeeds')}</p>
        ) : (
          <table className="sheet-table assessment-needs-table">
            <thead>
              <tr>
                <th scope="col" className="w-area">
                  {t('assessments:view.area')}
                </th>
                <th scope="col" className="w-severity">
                  {t('assessments:view.severity')}
                </th>
              </tr>
            </thead>
            <tbody>
              {a.needs.map((n) => (
                <tr key={n.areaId}>
                  <td>{text.area({ code: n.areaCode, name: n.areaName })}</td>
                  <td className={n.severity === 'urgent' || n.severity === 'high' ? 'strong' : ''}>{text.severity(n.severity)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>{t('assessments:view.conclusion')}</h3>
        <p className="pre">{a.conclusion || t('common:none')}</p>
        <h3>{t('assessments:view.services')}</h3>
        <p className="pre">{a.services || t('common:none')}</p>
        <footer className="sheet-foot">
          <div className="sign-line">
            <span>{t('assessments:view.workerSignature')}</span>
            <span className="line" />
          </div>
          <div className="sign-line">
            <span>{t('assessments:view.personSignature')}</span>
            <span className="line" />
          </div>
        </footer>
      </article>
    </div>
  );
}
