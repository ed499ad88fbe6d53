import { useEffect, useId, useRef } from 'react';
import { Controller, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isoDateSchema, taskOutcomeSchema } from '../../../shared/domain/tasks';
import { contract, type CallOutput } from '../../../shared/api/contract';
import type { Currency } from '../../../shared/domain/settings';
import { useMutate } from '../../app/api';
import { DateInput } from '../../ui/DateInput';
import { RequiredLegend } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { parseAmount, parseHours } from '../../../shared/domain/amounts';
import { commonKey, TaskField } from './TaskField';
import { useTaskText } from './taskText';
import { VolunteerPicker } from './VolunteerPicker';
import './tasks.css';

interface HoursRow {
  volunteerId: number;
  fullName: string;
  /** As typed ("1,5", "1:30"); '' for no hours. */
  hours: string;
  /** Added here (not on the task yet): may be removed again. */
  added: boolean;
}

interface AdvanceRow {
  volunteerId: number | null;
  /** As typed, in the centre's currency. */
  amount: string;
  note: string;
}

interface OutcomeValues {
  doneOn: string;
  rows: HoursRow[];
  note: string;
  advances: AdvanceRow[];
}

/** tasks.complete's input, and a done day that is not after today (the core refuses it too). */
function outcomeFormSchema(today: string) {
  return contract['tasks.complete'].input.extend({
    outcome: taskOutcomeSchema.extend({ doneOn: isoDateSchema.refine((d) => d <= today, 'validation.dateInFuture') }),
  });
}

/** Where a path of tasks.complete's input is shown: minutes are those of the rows with hours typed. */
function outcomeFieldOf(path: string, v: OutcomeValues) {
  const [top, field, n, key] = path.split('.');
  if (top !== 'outcome') return null;
  if (field === 'doneOn' || field === 'note') return field;
  if (field === 'minutes' && n !== undefined && /^\d+$/.test(n)) {
    const withHours = v.rows.map((r, i) => (r.hours.trim() === '' ? -1 : i)).filter((i) => i >= 0);
    const row = withHours[Number(n)];
    return row === undefined ? null : (`rows.${row}.hours` as const);
  }
  if (field === 'advances' && n !== undefined && /^\d+$/.test(n)) {
    const i = Number(n);
    if (key === 'volunteerId') return `advances.${i}.volunteerId` as const;
    if (key === 'note') return `advances.${i}.note` as const;
    return `advances.${i}.amount` as const;
  }
  return null;
}

/**
 * Record that a task was done: the day (today by default), the hours each volunteer spent
 * ("1.5" → 90 minutes), a note, and money a volunteer advanced, typed in the centre's currency and
 * kept in minor units (integer arithmetic, no floats). Checked with tasks.complete's own schema.
 */
export function OutcomeForm(props: {
  task: CallOutput<'tasks.get'>;
  today: string;
  currency: Currency;
  onDone: (task: CallOutput<'tasks.complete'>) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation(['tasks', 'common']);
  /** The one amount reader of the app (shared/domain/amounts.ts), in the UI language. */
  const readAmount = (text: string): number | null => {
    const parsed = parseAmount(text, i18n.language, props.currency);
    return parsed.ok ? parsed.minor : null;
  };
  const text = useTaskText();
  const formId = useId();
  const complete = useMutate('tasks.complete');
  const schema = outcomeFormSchema(props.today);
  const f = useCallForm({
    call: 'tasks.complete',
    defaultValues: {
      doneOn: props.today,
      rows: props.task.volunteers.map((v) => ({ volunteerId: v.volunteerId, fullName: v.fullName, hours: '', added: false })),
      note: '',
      advances: [],
    } as OutcomeValues,
    schema,
    // Hours and amounts as people write them; text that is not one goes as NaN, refused with its own message below.
    toInput: (v: OutcomeValues) => ({
      id: props.task.id,
      outcome: {
        doneOn: v.doneOn,
        minutes: v.rows.filter((r) => r.hours.trim() !== '').map((r) => ({ volunteerId: r.volunteerId, minutes: parseHours(r.hours) ?? Number.NaN })),
        note: v.note,
        advances: v.advances.map((a) => ({
          volunteerId: a.volunteerId as number,
          amountMinor: readAmount(a.amount) ?? Number.NaN,
          currency: props.currency,
          note: a.note,
        })),
      },
    }),
    fieldOf: outcomeFieldOf,
    onCancel: props.onClose,
    onInvalid: () => focusFirstInvalid(),
    onSubmit: async (input) => {
      props.onDone(await complete.mutateAsync(input));
    },
  });
  const { control, watch, setValue, getValues, clearErrors } = f.form;
  /** A message goes away as soon as its field is changed. */
  const register: typeof f.form.register = (name, options) => f.form.register(name, { ...options, onChange: () => clearErrors(name) });
  const rows = useFieldArray({ control, name: 'rows' });
  const advances = useFieldArray({ control, name: 'advances' });
  const values = watch();
  const firstRef = useRef<HTMLInputElement | null>(null);
  const doneOnRef = useRef<HTMLInputElement | null>(null);

  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    // Today is already filled in: the next keystroke is the hours of the first volunteer.
    sectionRef.current?.scrollIntoView({ block: 'start' });
    (firstRef.current ?? doneOnRef.current)?.focus({ preventScroll: true });
  }, []);

  /** After the messages are shown: the first field that needs attention gets the focus. */
  const focusFirstInvalid = () => setTimeout(() => sectionRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);

  const addAdvance = () => {
    const volunteers = getValues('rows');
    advances.append({ volunteerId: volunteers.length === 1 ? (volunteers[0]?.volunteerId ?? null) : null, amount: '', note: '' }, { shouldFocus: false });
    // Focus the new payment's first field once it is there.
    const index = getValues('advances').length - 1;
    setTimeout(() => document.querySelector<HTMLSelectElement>(`[data-advance="${formId}-${index}"]`)?.focus(), 0);
  };
  const removeRow = (index: number) => {
    const volunteerId = getValues(`rows.${index}.volunteerId`);
    getValues('advances').forEach((a, i) => {
      if (a.volunteerId === volunteerId) setValue(`advances.${i}.volunteerId`, null, { shouldDirty: true });
    });
    rows.remove(index);
  };

  // The schema's words for text that is no number, or a number out of range, in the tasks' own terms.
  const hoursError = (i: number) => {
    const e = f.error(`rows.${i}.hours`);
    if (e === undefined) return undefined;
    return parseHours(values.rows[i]?.hours ?? '') === null ? 'tasks:validation.hours' : commonKey(e);
  };
  const amountError = (i: number) => {
    const e = f.error(`advances.${i}.amount`);
    if (e === undefined) return undefined;
    const amount = readAmount(values.advances[i]?.amount ?? '');
    return amount === null ? 'tasks:validation.money' : e === 'validation.range' ? 'tasks:validation.moneyRange' : commonKey(e);
  };
  const volunteerError = (i: number) => {
    const e = f.error(`advances.${i}.volunteerId`);
    if (e === undefined) return undefined;
    return values.advances[i]?.volunteerId === null ? 'tasks:validation.advanceVolunteer' : commonKey(e);
  };
  const fieldError = (name: 'doneOn' | 'note') => {
    const e = f.error(name);
    return e === undefined ? undefined : commonKey(e);
  };
  const idSelect = (value: string) => (value === '' ? null : Number(value));

  return (
    <section ref={sectionRef} className="card outcome" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>{t('tasks:actions.doneTitle')}</h2>
      <KeyForm onSubmit={f.submit} onCancel={f.cancel}>
        <RequiredLegend />
        <div className="outcome-grid">
          <div className="outcome-main">
            <TaskField label={t('tasks:outcome.doneOn')} error={fieldError('doneOn')} required>
              {(p) => (
                <Controller
                  control={control}
                  name="doneOn"
                  render={({ field }) => (
                    <DateInput
                      {...p}
                      required
                      name={field.name}
                      value={field.value}
                      max={props.today}
                      onChange={(value) => {
                        field.onChange(value);
                        clearErrors('doneOn');
                      }}
                      onBlur={field.onBlur}
                      inputRef={(el) => {
                        doneOnRef.current = el;
                        field.ref(el);
                      }}
                    />
                  )}
                />
              )}
            </TaskField>
            <fieldset className="outcome-hours">
              <legend>{t('tasks:outcome.hoursTitle')}</legend>
              <p className="field-hint">{t('tasks:outcome.hoursHint')}</p>
              {rows.fields.length === 0 ? <p className="muted">{t('tasks:outcome.noVolunteers')}</p> : null}
              {rows.fields.map((r, i) => {
                const hours = register(`rows.${i}.hours`);
                return (
                  <div key={r.id} className="outcome-hours-row">
                    <TaskField label={t('tasks:outcome.hoursOf', { name: r.fullName })} error={hoursError(i)}>
                      {(p) => (
                        <input
                          {...p}
                          {...hours}
                          ref={(el) => {
                            hours.ref(el);
                            if (i === 0) firstRef.current = el;
                          }}
                          inputMode="decimal"
                          autoComplete="off"
                          className="outcome-hours-input"
                        />
                      )}
                    </TaskField>
                    {r.added ? (
                      <button type="button" className="small" onClick={() => removeRow(i)}>
                        {t('tasks:outcome.remove', { name: r.fullName })}
                      </button>
                    ) : null}
                  </div>
                );
              })}
              <VolunteerPicker
                label={t('tasks:outcome.addVolunteer')}
                exclude={values.rows.map((r) => r.volunteerId)}
                onPick={(v) => rows.append({ volunteerId: v.id, fullName: v.fullName, hours: '', added: true }, { shouldFocus: false })}
              />
            </fieldset>
            <TaskField label={t('tasks:outcome.note')} error={fieldError('note')}>
              {(p) => <textarea {...p} rows={2} {...register('note')} />}
            </TaskField>
          </div>
          <fieldset className="outcome-advances">
            <legend>{t('tasks:outcome.advancesTitle')}</legend>
            <p className="field-hint">{t('tasks:outcome.advancesIntro')}</p>
            {advances.fields.map((a, i) => {
              const amount = readAmount(values.advances[i]?.amount ?? '');
              return (
                <div key={a.id} className="outcome-advance-row">
                  <TaskField label={t('tasks:outcome.advanceVolunteer')} error={volunteerError(i)} required>
                    {(p) => (
                      <select {...p} data-advance={`${formId}-${i}`} {...register(`advances.${i}.volunteerId`, { setValueAs: idSelect })}>
                        <option value="">{t('tasks:outcome.chooseVolunteer')}</option>
                        {values.rows.map((v) => (
                          <option key={v.volunteerId} value={v.volunteerId}>
                            {v.fullName}
                          </option>
                        ))}
                      </select>
                    )}
                  </TaskField>
                  <TaskField
                    label={t('tasks:outcome.amount', { currency: props.currency })}
                    hint={amount !== null && amount > 0 ? t('tasks:outcome.amountIs', { amount: text.money(amount, props.currency) }) : t('tasks:outcome.amountHint')}
                    error={amountError(i)}
                    required
                  >
                    {(p) => <input {...p} inputMode="decimal" autoComplete="off" {...register(`advances.${i}.amount`)} />}
                  </TaskField>
                  <TaskField label={t('tasks:outcome.advanceNote')} className="outcome-advance-note" error={f.error(`advances.${i}.note`) ? commonKey(f.error(`advances.${i}.note`)) : undefined}>
                    {(p) => <input {...p} {...register(`advances.${i}.note`)} />}
                  </TaskField>
                  <button type="button" className="small outcome-advance-remove" onClick={() => advances.remove(i)}>
                    {t('tasks:outcome.removeAdvance')}
                  </button>
                </div>
              );
            })}
            <button type="button" onClick={addAdvance} disabled={values.rows.length === 0}>
              {advances.fields.length === 0 ? t('tasks:outcome.addAdvance') : t('tasks:outcome.anotherAdvance')}
            </button>
          </fieldset>
        </div>
        {f.notice}
        <div className="actions">
          <button type="submit" className="primary big" disabled={complete.isPending || f.saving}>
            {t('tasks:outcome.save')}
          </button>
          <button type="button" onClick={f.cancel}>
            {t('tasks:actions.back')}
          </button>
          <span className="field-hint">{t('common:saveShortcut')}</span>
        </div>
      </KeyForm>
    </section>
  );
}
