import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate, PLAN_END_REASONS, type HelpPlan } from '../../../shared/domain/plans';
import { useMutate } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { Dialog } from './Dialog';
import { usePlanFormat } from './planText';

type Reason = (typeof PLAN_END_REASONS)[number];

/** End a plan: why, and its last day (today by default). Open tasks after that day go; done ones stay. */
export function EndPlanDialog(props: { plan: HelpPlan; today: string; what: string; onClose: () => void; onEnded: (plan: HelpPlan) => void }) {
  const { t } = useTranslation(['plans', 'common']);
  const fmt = usePlanFormat();
  const end = useMutate('plans.end');
  const [reason, setReason] = useState<Reason>('noLongerNeeded');
  const [endsOn, setEndsOn] = useState(props.today);
  const [error, setError] = useState<string | undefined>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!isIsoDate(endsOn)) {
      setError('validation.date');
      return;
    }
    setError(undefined);
    try {
      props.onEnded(await end.mutateAsync({ id: props.plan.id, endsOn, reason }));
    } catch {
      // Shown below.
    }
  };

  return (
    <Dialog titleId="end-plan-title" onClose={props.onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id="end-plan-title">{t('plans:end.title')}</h2>
        <p className="plan-what">{props.what}</p>
        <div className="form-grid">
          <Field label={t('plans:end.reason')}>
            {(p) => (
              <select {...p} autoFocus value={reason} onChange={(e) => setReason(e.target.value as Reason)}>
                {PLAN_END_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {fmt.endReason(r)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('plans:end.lastDay')} error={error}>
            {(p) => <input {...p} type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />}
          </Field>
        </div>
        <p>{t('plans:end.effect', { count: props.plan.openTasks })}</p>
        <ErrorNotice error={end.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={end.isPending}>
            {t('plans:end.confirm')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('common:cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
