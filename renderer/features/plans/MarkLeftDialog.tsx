import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LEFT_REASONS, type LeftReason, type MarkLeftResult } from '../../../shared/domain/plans';
import { useMutate } from '../../app/api';
import { DateInput } from '../../ui/DateInput';
import { Field } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { Dialog } from './Dialog';

/**
 * "Moved away or died": says what will happen before it happens (plans end, open tasks from that
 * day and open requests are cancelled, the history stays), then records it.
 */
export function MarkLeftDialog(props: { residentId: number; name: string; today: string; activePlans: number; onClose: () => void; onDone: (r: MarkLeftResult) => void }) {
  const { t } = useTranslation(['plans', 'common']);
  const markLeft = useMutate('residents.markLeft');
  const f = useCallForm({
    call: 'residents.markLeft',
    defaultValues: { reason: 'moved', on: props.today } as { reason: LeftReason; on: string },
    toInput: (v: { reason: LeftReason; on: string }) => ({ id: props.residentId, reason: v.reason, on: v.on }),
    // A modal question: Escape closes the dialog, nothing is left half-filled behind it.
    guard: false,
    onSubmit: async (input) => {
      props.onDone(await markLeft.mutateAsync(input));
    },
  });
  const reason = f.form.watch('reason');

  return (
    <Dialog titleId="mark-left-title" onClose={props.onClose}>
      <KeyForm onSubmit={f.submit}>
        <h2 id="mark-left-title">{t('plans:left.title', { name: props.name })}</h2>
        <fieldset className="radios">
          <legend>{t('plans:left.reason')}</legend>
          {LEFT_REASONS.map((r, i) => (
            <label key={r} className="radio">
              <input type="radio" value={r} autoFocus={i === 0} {...f.form.register('reason')} />
              <span>{t(`plans:left.reasons.${r}`)}</span>
            </label>
          ))}
        </fieldset>
        <Field label={t('plans:left.on')} error={f.error('on')} className="left-date" required>
          {(p) => (
            <Controller
              control={f.form.control}
              name="on"
              render={({ field }) => <DateInput {...p} required name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} inputRef={field.ref} />}
            />
          )}
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
        {f.notice}
        <div className="actions">
          <button type="submit" className="primary" disabled={markLeft.isPending || f.saving}>
            {t(`plans:left.confirm.${reason}`)}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('common:cancel')}
          </button>
        </div>
      </KeyForm>
    </Dialog>
  );
}
