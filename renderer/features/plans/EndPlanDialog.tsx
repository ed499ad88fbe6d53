import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PLAN_END_REASONS, type HelpPlan } from '../../../shared/domain/plans';
import { useMutate } from '../../app/api';
import { DateInput } from '../../ui/DateInput';
import { Field } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { Dialog } from './Dialog';
import { usePlanFormat } from './planText';

type Reason = (typeof PLAN_END_REASONS)[number];

/** End a plan: why, and its last day (today by default). Open tasks after that day go; done ones stay. */
export function EndPlanDialog(props: { plan: HelpPlan; today: string; what: string; onClose: () => void; onEnded: (plan: HelpPlan) => void }) {
  const { t } = useTranslation(['plans', 'common']);
  const fmt = usePlanFormat();
  const end = useMutate('plans.end');
  const f = useCallForm({
    call: 'plans.end',
    defaultValues: { reason: 'noLongerNeeded', endsOn: props.today } as { reason: Reason; endsOn: string },
    toInput: (v: { reason: Reason; endsOn: string }) => ({ id: props.plan.id, endsOn: v.endsOn, reason: v.reason }),
    // A modal question: Escape closes the dialog, nothing is left half-filled behind it.
    guard: false,
    onSubmit: async (input) => {
      props.onEnded(await end.mutateAsync(input));
    },
  });

  return (
    <Dialog titleId="end-plan-title" onClose={props.onClose}>
      <KeyForm onSubmit={f.submit}>
        <h2 id="end-plan-title">{t('plans:end.title')}</h2>
        <p className="plan-what">{props.what}</p>
        <div className="form-grid">
          <Field label={t('plans:end.reason')}>
            {(p) => (
              <select {...p} autoFocus {...f.form.register('reason')}>
                {PLAN_END_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {fmt.endReason(r)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('plans:end.lastDay')} error={f.error('endsOn')} required>
            {(p) => (
              <Controller
                control={f.form.control}
                name="endsOn"
                render={({ field }) => <DateInput {...p} required name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} inputRef={field.ref} />}
              />
            )}
          </Field>
        </div>
        <p>{t('plans:end.effect', { count: props.plan.openTasks })}</p>
        {f.notice}
        <div className="actions">
          <button type="submit" className="primary" disabled={end.isPending || f.saving}>
            {t('plans:end.confirm')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('common:cancel')}
          </button>
        </div>
      </KeyForm>
    </Dialog>
  );
}
