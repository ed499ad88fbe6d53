import { useEffect, useMemo, useRef } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { addDays, isIsoDate, isTime, PARTS_OF_DAY, type PartOfDay, type TaskDetail } from '../../../shared/domain/tasks';
import type { RequestDetail } from '../../../shared/domain/requests';
import { useMutate } from '../../app/api';
import { DateInput, TimeInput } from '../../ui/DateInput';
import { RequiredLegend } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { useDebounced } from '../../ui/useDebounced';
import { KindSelect } from '../requests/KindSelect';
import { parseHours } from '../../../shared/domain/amounts';
import { TaskField } from './TaskField';
import { VolunteerSuggestions, type SuggestQuery } from './VolunteerSuggestions';
import './tasks.css';

/** What the form holds: the estimate as typed ("1,5", "1:30"); '' for no part of the day or no time. */
interface TaskFormValues {
  kindId: number | null;
  scheduledOn: string;
  partOfDay: PartOfDay | '';
  startTime: string;
  estimate: string;
  note: string;
  volunteerIds: number[];
}

/**
 * Plan a task from a request, keyboard first: the day is focused (tomorrow), then the part of the
 * day or a time, the estimate and a note; beside them the volunteers ranked for that slot. Ctrl+Enter
 * saves (tasks.create with the picked volunteers).
 */
export function TaskForm(props: {
  request: Pick<RequestDetail, 'id' | 'kindId' | 'residentId'>;
  today: string;
  onSaved: (task: TaskDetail) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation(['tasks', 'requests', 'common']);
  const create = useMutate('tasks.create');
  const dayRef = useRef<HTMLInputElement | null>(null);
  const f = useCallForm({
    call: 'tasks.create',
    defaultValues: { kindId: props.request.kindId, scheduledOn: addDays(props.today, 1), partOfDay: '', startTime: '', estimate: '', note: '', volunteerIds: [] } as TaskFormValues,
    toInput: (v: TaskFormValues) => ({
      requestId: props.request.id,
      kindId: v.kindId ?? 0,
      scheduledOn: v.scheduledOn,
      partOfDay: v.partOfDay === '' ? null : v.partOfDay,
      startTime: v.startTime === '' ? null : v.startTime,
      // Not hours as people write them ("1,5", "1:30", "90 min"): refused, with the hours' own message.
      estimatedMinutes: v.estimate.trim() === '' ? null : (parseHours(v.estimate) ?? Number.NaN),
      volunteerIds: v.volunteerIds,
      note: v.note,
    }),
    fieldOf: (path) => {
      const head = path.split('.')[0] ?? '';
      if (head === 'estimatedMinutes') return 'estimate';
      return ['kindId', 'scheduledOn', 'partOfDay', 'startTime', 'note', 'volunteerIds'].includes(head) ? (head as keyof TaskFormValues) : null;
    },
    onCancel: props.onClose,
    onSubmit: async (input) => {
      props.onSaved(await create.mutateAsync(input));
    },
  });
  const { register, control, watch, setValue } = f.form;
  const [kindId, scheduledOn, partOfDay, startTime, estimate, volunteerIds] = watch(['kindId', 'scheduledOn', 'partOfDay', 'startTime', 'estimate', 'volunteerIds']);
  const estimateError = f.error('estimate') && parseHours(estimate) === null && estimate.trim() !== '' ? 'tasks:validation.hours' : f.error('estimate');

  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    // The whole form and its suggestions in view (they fit 1366×768), the day focused.
    sectionRef.current?.scrollIntoView({ block: 'start' });
    dayRef.current?.focus({ preventScroll: true });
  }, []);

  const residentId = props.request.residentId;
  const slotReady = kindId !== null && isIsoDate(scheduledOn) && (startTime === '' || isTime(startTime));
  const part = partOfDay === '' ? null : partOfDay;
  const query = useMemo<SuggestQuery | null>(
    () => (slotReady && kindId !== null ? { kindId, residentId, scheduledOn, partOfDay: part, startTime: startTime === '' ? null : startTime } : null),
    [slotReady, kindId, residentId, scheduledOn, part, startTime],
  );
  const debouncedQuery = useDebounced(query, 200);
  const choose = (next: { partOfDay: PartOfDay | ''; startTime?: string }) => {
    setValue('partOfDay', next.partOfDay, { shouldDirty: true });
    if (next.startTime !== undefined) setValue('startTime', next.startTime, { shouldDirty: true });
  };

  return (
    <section ref={sectionRef} className="card task-plan" aria-labelledby="plan-task-title">
      <h3 id="plan-task-title">{t('tasks:plan.title')}</h3>
      <KeyForm className="task-plan-grid" onSubmit={f.submit} onCancel={f.cancel}>
        <div className="form-grid task-plan-fields">
          <TaskField label={t('tasks:plan.day')} error={f.error('scheduledOn')} required>
            {(p) => (
              <Controller
                control={control}
                name="scheduledOn"
                render={({ field }) => (
                  <DateInput
                    {...p}
                    required
                    name={field.name}
                    value={field.value}
                    min={props.today}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    inputRef={(el) => {
                      dayRef.current = el;
                      field.ref(el);
                    }}
                  />
                )}
              />
            )}
          </TaskField>
          <TaskField label={t('tasks:plan.estimate')} hint={t('tasks:plan.estimateHint')} error={estimateError}>
            {(p) => <input {...p} inputMode="decimal" autoComplete="off" {...register('estimate')} />}
          </TaskField>
          <fieldset className="span-2 task-parts">
            <legend>{t('tasks:plan.part')}</legend>
            <div className="radios">
              <label className="radio">
                <input type="radio" name="task-part" checked={partOfDay === '' && startTime === ''} onChange={() => choose({ partOfDay: '', startTime: '' })} />
                <span>{t('tasks:anyTime')}</span>
              </label>
              {PARTS_OF_DAY.map((part) => (
                <label key={part} className="radio">
                  <input type="radio" name="task-part" value={part} checked={partOfDay === part} onChange={() => choose({ partOfDay: part, startTime: '' })} />
                  <span>{t(`tasks:parts.${part}`)}</span>
                </label>
              ))}
            </div>
            <TaskField label={t('tasks:plan.time')} hint={t('tasks:plan.timeHint')} error={f.error('startTime')} className="task-time">
              {(p) => (
                <Controller
                  control={control}
                  name="startTime"
                  render={({ field }) => (
                    <TimeInput
                      {...p}
                      name={field.name}
                      value={field.value}
                      onBlur={field.onBlur}
                      inputRef={field.ref}
                      onChange={(v) => {
                        field.onChange(v);
                        if (v !== '') setValue('partOfDay', '', { shouldDirty: true });
                      }}
                    />
                  )}
                />
              )}
            </TaskField>
          </fieldset>
          <TaskField label={t('tasks:plan.kind')} error={f.error('kindId')} className="span-2" required>
            {(p) => (
              <Controller
                control={control}
                name="kindId"
                render={({ field }) => <KindSelect {...p} ref={field.ref} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
              />
            )}
          </TaskField>
          <TaskField label={t('tasks:plan.note')} error={f.error('note')} className="span-2">
            {(p) => <textarea {...p} rows={2} {...register('note')} />}
          </TaskField>
        </div>
        <VolunteerSuggestions
          query={debouncedQuery}
          selected={volunteerIds}
          onChange={(ids) => setValue('volunteerIds', ids, { shouldDirty: true })}
          error={f.error('volunteerIds')}
        />
        <div className="task-plan-actions">
          <RequiredLegend />
          {f.notice}
          <div className="actions">
            <button type="submit" className="primary big" disabled={create.isPending || f.saving}>
              {t('tasks:plan.save')}
            </button>
            <button type="button" onClick={f.cancel}>
              {t('tasks:plan.close')}
            </button>
            <span className="field-hint">{t('common:saveShortcut')}</span>
          </div>
        </div>
      </KeyForm>
    </section>
  );
}
