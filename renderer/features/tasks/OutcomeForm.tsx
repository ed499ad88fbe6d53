import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate, MAX_ADVANCE_MINOR, taskOutcomeSchema, type TaskOutcomeInput } from '../../../shared/domain/tasks';
import type { CallOutput } from '../../../shared/api/contract';
import type { Currency } from '../../../shared/domain/settings';
import { useMutate } from '../../app/api';
import { ApiError } from '../../bridge';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { KeyForm } from '../../ui/KeyForm';
import { parseAmount, parseHours } from '../../../shared/domain/amounts';
import { commonKey, TaskField } from './TaskField';
import { useTaskText } from './taskText';
import { VolunteerPicker } from './VolunteerPicker';
import './tasks.css';

interface HoursRow {
  volunteerId: number;
  fullName: string;
  hours: string;
  /** Added here (not on the task yet): may be removed again. */
  added: boolean;
}

interface AdvanceRow {
  key: number;
  volunteerId: number | null;
  amount: string;
  note: string;
}

type Errors = Record<string, string>;

/**
 * Record that a task was done: the day (today by default), the hours each volunteer spent
 * ("1.5" → 90 minutes), a note, and money a volunteer advanced, typed in the centre's currency and
 * kept in minor units (integer arithmetic, no floats).
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
  const [doneOn, setDoneOn] = useState(props.today);
  const [rows, setRows] = useState<HoursRow[]>(() => props.task.volunteers.map((v) => ({ volunteerId: v.volunteerId, fullName: v.fullName, hours: '', added: false })));
  const [note, setNote] = useState('');
  const [advances, setAdvances] = useState<AdvanceRow[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const nextKey = useRef(1);
  const firstRef = useRef<HTMLInputElement>(null);
  const doneOnRef = useRef<HTMLInputElement>(null);

  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    // Today is already filled in: the next keystroke is the hours of the first volunteer.
    sectionRef.current?.scrollIntoView({ block: 'start' });
    (firstRef.current ?? doneOnRef.current)?.focus({ preventScroll: true });
  }, []);

  /** A message goes away as soon as its field is changed. */
  const clearError = (field: string) =>
    setErrors((es) => {
      if (!(field in es)) return es;
      const rest = { ...es };
      delete rest[field];
      return rest;
    });
  const setRow = (volunteerId: number, hours: string) => {
    setRows((rs) => rs.map((r) => (r.volunteerId === volunteerId ? { ...r, hours } : r)));
    clearError(`hours.${volunteerId}`);
  };
  const setAdvance = (key: number, patch: Partial<AdvanceRow>) => {
    setAdvances((as) => as.map((a) => (a.key === key ? { ...a, ...patch } : a)));
    if (patch.amount !== undefined) clearError(`amount.${key}`);
    if (patch.volunteerId !== undefined) clearError(`advanceVolunteer.${key}`);
  };
  const addAdvance = () => {
    const key = nextKey.current++;
    setAdvances((as) => [...as, { key, volunteerId: rows.length === 1 ? (rows[0]?.volunteerId ?? null) : null, amount: '', note: '' }]);
    // Focus the new payment's first field once it is there.
    setTimeout(() => document.querySelector<HTMLSelectElement>(`[data-advance="${formId}-${key}"]`)?.focus(), 0);
  };

  /** After the messages are shown: the first field that needs attention gets the focus. */
  const focusFirstInvalid = () =>
    setTimeout(() => sectionRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    const next: Errors = {};
    if (!isIsoDate(doneOn)) next.doneOn = 'common:validation.date';
    else if (doneOn > props.today) next.doneOn = 'common:validation.dateInFuture';
    const minutes: NonNullable<TaskOutcomeInput['minutes']> = [];
    for (const r of rows) {
      if (r.hours.trim() === '') continue;
      const m = parseHours(r.hours);
      if (m === null) next[`hours.${r.volunteerId}`] = 'tasks:validation.hours';
      else minutes.push({ volunteerId: r.volunteerId, minutes: m });
    }
    const money: NonNullable<TaskOutcomeInput['advances']> = [];
    for (const a of advances) {
      if (a.volunteerId === null) next[`advanceVolunteer.${a.key}`] = 'tasks:validation.advanceVolunteer';
      const amount = readAmount(a.amount);
      if (amount === null) next[`amount.${a.key}`] = 'tasks:validation.money';
      else if (amount < 1 || amount > MAX_ADVANCE_MINOR) next[`amount.${a.key}`] = 'tasks:validation.moneyRange';
      if (a.volunteerId !== null && amount !== null) money.push({ volunteerId: a.volunteerId, amountMinor: amount, currency: props.currency, note: a.note });
    }
    const parsed = taskOutcomeSchema.safeParse({ doneOn, minutes, note, advances: money });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) next[String(issue.path[0])] ??= commonKey(issue.message);
    }
    setErrors(next);
    if (!parsed.success || Object.keys(next).length > 0) {
      focusFirstInvalid();
      return;
    }
    try {
      props.onDone(await complete.mutateAsync({ id: props.task.id, outcome: parsed.data }));
    } catch (err) {
      if (err instanceof ApiError && err.body.fields) {
        const fields: Errors = {};
        for (const f of err.body.fields) {
          const path = f.path.replace(/^outcome\./, '');
          if (path === 'doneOn') fields.doneOn = commonKey(f.message);
          else fields[path.split('.')[0] ?? path] = commonKey(f.message);
        }
        setErrors(fields);
        focusFirstInvalid();
      }
    }
  };

  return (
    <section ref={sectionRef} className="card outcome" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>{t('tasks:actions.doneTitle')}</h2>
      <KeyForm onSubmit={() => submit()} onCancel={props.onClose}>
        <div className="outcome-grid">
          <div className="outcome-main">
            <TaskField label={t('tasks:outcome.doneOn')} error={errors.doneOn}>
              {(p) => (
                <input
                  {...p}
                  ref={doneOnRef}
                  type="date"
                  max={props.today}
                  value={doneOn}
                  onChange={(e) => {
                    setDoneOn(e.target.value);
                    clearError('doneOn');
                  }}
                />
              )}
            </TaskField>
            <fieldset className="outcome-hours">
              <legend>{t('tasks:outcome.hoursTitle')}</legend>
              <p className="field-hint">{t('tasks:outcome.hoursHint')}</p>
              {rows.length === 0 ? <p className="muted">{t('tasks:outcome.noVolunteers')}</p> : null}
              {rows.map((r, i) => (
                <div key={r.volunteerId} className="outcome-hours-row">
                  <TaskField label={t('tasks:outcome.hoursOf', { name: r.fullName })} error={errors[`hours.${r.volunteerId}`]}>
                    {(p) => (
                      <input
                        {...p}
                        ref={i === 0 ? firstRef : undefined}
                        inputMode="decimal"
                        autoComplete="off"
                        className="outcome-hours-input"
                        value={r.hours}
                        onChange={(e) => setRow(r.volunteerId, e.target.value)}
                      />
                    )}
                  </TaskField>
                  {r.added ? (
                    <button
                      type="button"
                      className="small"
                      onClick={() => {
                        setRows((rs) => rs.filter((x) => x.volunteerId !== r.volunteerId));
                        setAdvances((as) => as.map((a) => (a.volunteerId === r.volunteerId ? { ...a, volunteerId: null } : a)));
                      }}
                    >
                      {t('tasks:outcome.remove', { name: r.fullName })}
                    </button>
                  ) : null}
                </div>
              ))}
              <VolunteerPicker
                label={t('tasks:outcome.addVolunteer')}
                exclude={rows.map((r) => r.volunteerId)}
                onPick={(v) => setRows((rs) => [...rs, { volunteerId: v.id, fullName: v.fullName, hours: '', added: true }])}
              />
            </fieldset>
            <TaskField label={t('tasks:outcome.note')} error={errors.note}>
              {(p) => <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
            </TaskField>
          </div>
          <fieldset className="outcome-advances">
            <legend>{t('tasks:outcome.advancesTitle')}</legend>
            <p className="field-hint">{t('tasks:outcome.advancesIntro')}</p>
            {advances.map((a) => {
              const amount = readAmount(a.amount);
              return (
                <div key={a.key} className="outcome-advance-row">
                  <TaskField label={t('tasks:outcome.advanceVolunteer')} error={errors[`advanceVolunteer.${a.key}`]}>
                    {(p) => (
                      <select
                        {...p}
                        data-advance={`${formId}-${a.key}`}
                        value={a.volunteerId ?? ''}
                        onChange={(e) => setAdvance(a.key, { volunteerId: e.target.value === '' ? null : Number(e.target.value) })}
                      >
                        <option value="">{t('tasks:outcome.chooseVolunteer')}</option>
                        {rows.map((v) => (
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
                    error={errors[`amount.${a.key}`]}
                  >
                    {(p) => <input {...p} inputMode="decimal" autoComplete="off" value={a.amount} onChange={(e) => setAdvance(a.key, { amount: e.target.value })} />}
                  </TaskField>
                  <TaskField label={t('tasks:outcome.advanceNote')} className="outcome-advance-note">
                    {(p) => <input {...p} value={a.note} onChange={(e) => setAdvance(a.key, { note: e.target.value })} />}
                  </TaskField>
                  <button type="button" className="small outcome-advance-remove" onClick={() => setAdvances((as) => as.filter((x) => x.key !== a.key))}>
                    {t('tasks:outcome.removeAdvance')}
                  </button>
                </div>
              );
            })}
            <button type="button" onClick={addAdvance} disabled={rows.length === 0}>
              {advances.length === 0 ? t('tasks:outcome.addAdvance') : t('tasks:outcome.anotherAdvance')}
            </button>
          </fieldset>
        </div>
        <ErrorNotice error={complete.error} />
        <div className="actions">
          <button type="submit" className="primary big" disabled={complete.isPending}>
            {t('tasks:outcome.save')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('tasks:actions.back')}
          </button>
          <span className="field-hint">{t('common:saveShortcut')}</span>
        </div>
      </KeyForm>
    </section>
  );
}
