import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate, LEFT_REASONS, type LeftReason, type MarkLeftResult } from '../../../shared/domain/plans';
import { useMutate } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { Dialog } from './Dialog';

/**
 * "Moved away or died": says what will happen before it happens (plans end, open tasks from that
 * day and open requests are cancelled, the history stays), then records it.
 */
export function MarkLeftDialog(props: { residentId: number; name: string; today: string; activePlans: number; onClose: () => void; onDone: (r: MarkLeftResult) => void }) {
  const { t } = useTranslation(['plans', 'common']);
  const markLeft = useMutate('residents.markLeft');
  const [reason, setReason] = useState<LeftReason>('moved');
  const [on, setOn] = useState(props.today);
  const [error, setError] = useState<string | undefined>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!isIsoDate(on)) {
      setError('validation.date');
      return;
    }
    setError(undefined);
    try {
      props.onDone(await markLeft.mutateAsync({ id: props.residentId, reason, on }));
    } catch {
      // Shown below.
    }
  };

  return (
    <Dialog titleId="mark-left-title" onClose={props.onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id="mark-left-title">{t('plans:left.title', { name: props.name })}</h2>
        <fieldset className="radios">
          <legend>{t('plans:left.reason')}</legend>
          {LEFT_REASONS.map((r, i) => (
            <label key={r} className="radio">
              <input type="radio" name="left-reason" autoFocus={i === 0} checked={reason === r} onChange={() => setReason(r)} />
              <span>{t(`plans:left.reasons.${r}`)}</span>
            </label>
          ))}
        </fieldset>
        <Field label={t('plans:left.on')} error={error} className="left-date">
          {(p) => <input {...p} type="date" value={on} onChange={(e) => setOn(e.target.value)} />}
        </Field>
        <div className="notice notice-warning">
          <strong>{t('plans:left.whatHappens')}</strong>
          <ul>
            <li>{t('plans:left.effectPlans', { count: props.activePlans })}</li>
            <li>{t('plans:left.effectTasks')}</li>
            <li>{t('plans:left.effectRequests')}</li>
            <li>{t('plans:left.effectHistory')}</li>
          </ul>
        </div>
        <ErrorNotice error={markLeft.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={markLeft.isPending}>
            {t(`plans:left.confirm.${reason}`)}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('common:cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
