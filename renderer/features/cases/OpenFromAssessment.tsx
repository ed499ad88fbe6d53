import { Link, useNavigate } from 'react-router';
import type { Assessment } from '../../../shared/domain/assessments';
import { ApiError } from '../../bridge';
import { useMutate } from '../../app/api';
import { fieldText } from '../../ui/ErrorNotice';
import { useCaseText, useSave } from './caseText';

/**
 * "Open a case" on an assessment's view: the case is of the assessment's person or household,
 * opened today from it (the plan's goals are written on the case's screen, where this leads). A
 * refusal (no consent covering health, a case already open) shows under the button, with the way
 * to the open case.
 */
export function OpenCaseFromAssessment({ assessment: a }: { assessment: Assessment }) {
  const { t } = useCaseText();
  const navigate = useNavigate();
  const open = useMutate('cases.open');
  const save = useSave();
  const subject = a.householdId !== null ? { householdId: a.householdId } : a.residentId !== null ? { residentId: a.residentId } : null;
  // An erased person's assessment has nobody to open a case for.
  if (subject === null) return null;
  const openCaseId = save.raw instanceof ApiError ? save.raw.body.details?.caseId : undefined;
  const error = Object.values(save.errors)[0];
  return (
    <>
      <button
        type="button"
        disabled={open.isPending}
        onClick={() =>
          void save.attempt(async () => {
            const c = await open.mutateAsync({ ...subject, assessmentId: a.id, goals: [] });
            void navigate(`/cases/${c.id}`);
          })
        }
      >
        {t('cases:open.fromAssessment')}
      </button>
      {error || save.failure ? (
        <div className="field-error" role="alert">
          {error ? fieldText(t, error) : save.failure}{' '}
          {openCaseId !== undefined ? <Link to={`/cases/${openCaseId}`}>{t('cases:open.goToOpen')}</Link> : null}
        </div>
      ) : null}
    </>
  );
}
