import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, isIsoDate, isTime, PARTS_OF_DAY, taskInputSchema, type PartOfDay, type TaskDetail } from '../../../shared/domain/tasks';
import type { RequestDetail } from '../../../shared/domain/requests';
import { useMutate } from '../../app/api';
import { ApiError } from '../../bridge';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useDebounced } from '../../ui/useDebounced';
import { KindSelect } from '../requests/KindSelect';
import { parseHours } from '../../../shared/domain/amounts';
import { commonKey, TaskField } from './TaskField';
import { VolunteerSuggestions, type SuggestQuery } from './VolunteerSuggestions';
import './tasks.css';

type Errors = Partial<Record<'kindId' | 'scheduledOn' | 'startTime' | 'estimatedMinutes' | 'note' | 'volunteerIds' | 'partOfDay', string>>;

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
  const [kindId, setKindId] = useState<number | null>(props.request.kindId);
  const [scheduledOn, setScheduledOn] = useState(() => addDays(props.today, 1));
  const [partOfDay, setPartOfDay] = useState<PartOfDay | null>(null);
  const [startTime, setStartTime] = useState('');
  const [estimate, setEstimate] = useState('');
  const [note, setNote] = useState('');
  const [volunteerIds, setVolunteerIds] = useState<number[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  /** A message goes away as soon as its field is changed. */
  const changed = (field: keyof Errors) => setErrors((es) => (es[field] === undefined ? es : { ...es, [field]: undefined }));
  const dayRef = useRef<HTMLInputElement>(null);
  const kindRef = useRef<HTMLSelectElement>(null);
  const timeRef = useRef<HTMLInputElement>(null);
  const estimateRef = useRef<HTMLInputElement>(null);

  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    // The whole form and its suggestions in view (they fit 1366×768), the day focused.
    sectionRef.current?.scrollIntoView({ block: 'start' });
    dayRef.current?.focus({ preventScroll: true });
  }, []);

  const residentId = props.request.residentId;
  const slotReady = kindId !== null && isIsoDate(scheduledOn) && (startTime === '' || isTime(startTime));
  const query = useMemo<SuggestQuery | null>(
    () => (slotReady && kindId !== null ? { kindId, residentId, scheduledOn, partOfDay, startTime: startTime === '' ? null : startTime } : null),
    [slotReady, kindId, residentId, scheduledOn, partOfDay, startTime],
  );
  const debouncedQuery = useDebounced(query, 200);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    const next: Errors = {};
    const minutes = estimate.trim() === '' ? null : parseHours(estimate);
    if (minutes === null && estimate.trim() !== '') next.estimatedMinutes = 'tasks:validation.hours';
    const parsed = taskInputSchema.safeParse({
      requestId: props.request.id,
      kindId: kindId ?? undefined,
      scheduledOn,
      partOfDay,
      startTime: startTime === '' ? null : startTime,
      estimatedMinutes: minutes,
      volunteerIds,
      note,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]) as keyof Errors;
        next[key] ??= commonKey(issue.message);
      }
    }
    if (kindId === null) next.kindId = 'common:validation.unknownKind';
    setErrors(next);
    if (!parsed.success || Object.keys(next).length > 0) {
      if (next.scheduledOn) dayRef.current?.focus();
      else if (next.kindId) kindRef.current?.focus();
      else if (next.startTime) timeRef.current?.focus();
      else if (next.estimatedMinutes) estimateRef.current?.focus();
      return;
    }
    try {
      props.onSaved(await create.mutateAsync(parsed.data));
    } catch (err) {
      if (err instanceof ApiError && err.body.fields) {
        setErrors(Object.fromEntries(err.body.fields.map((f) => [f.path.split('.')[0], commonKey(f.message)])));
      }
    }
  };

  return (
    <section ref={sectionRef} className="card task-plan" aria-labelledby="plan-task-title">
      <h3 id="plan-task-title">{t('tasks:plan.title')}</h3>
      <form
        className="task-plan-grid"
        noValidate
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          }
        }}
      >
        <div className="form-grid task-plan-fields">
          <TaskField label={t('tasks:plan.day')} error={errors.scheduledOn}>
            {(p) => (
              <input
                {...p}
                ref={dayRef}
                type="date"
                required
                value={scheduledOn}
                min={props.today}
                onChange={(e) => {
                  setScheduledOn(e.target.value);
                  changed('scheduledOn');
                }}
              />
            )}
          </TaskField>
          <TaskField label={t('tasks:plan.estimate')} hint={t('tasks:plan.estimateHint')} error={errors.estimatedMinutes}>
            {(p) => (
              <input
                {...p}
                ref={estimateRef}
                inputMode="decimal"
                autoComplete="off"
                value={estimate}
                onChange={(e) => {
                  setEstimate(e.target.value);
                  changed('estimatedMinutes');
                }}
              />
            )}
          </TaskField>
          <fieldset className="span-2 task-parts">
            <legend>{t('tasks:plan.part')}</legend>
            <div className="radios">
              <label className="radio">
                <input
                  type="radio"
                  name="task-part"
                  checked={partOfDay === null && startTime === ''}
                  onChange={() => {
                    setPartOfDay(null);
                    setStartTime('');
                  }}
                />
                <span>{t('tasks:anyTime')}</span>
              </label>
              {PARTS_OF_DAY.map((part) => (
                <label key={part} className="radio">
                  <input
                    type="radio"
                    name="task-part"
                    value={part}
                    checked={partOfDay === part}
                    onChange={() => {
                      setPartOfDay(part);
                      setStartTime('');
                    }}
                  />
                  <span>{t(`tasks:parts.${part}`)}</span>
                </label>
              ))}
            </div>
            <TaskField label={t('tasks:plan.time')} hint={t('tasks:plan.timeHint')} error={errors.startTime} className="task-time">
              {(p) => (
                <input
                  {...p}
                  ref={timeRef}
                  type="time"
                  value={startTime}
                  onChange={(e) => {
                    setStartTime(e.target.value);
                    changed('startTime');
                    if (e.target.value !== '') setPartOfDay(null);
                  }}
                />
              )}
            </TaskField>
          </fieldset>
          <TaskField label={t('tasks:plan.kind')} error={errors.kindId} className="span-2">
            {(p) => (
              <KindSelect
                {...p}
                ref={kindRef}
                value={kindId}
                onChange={(v) => {
                  setKindId(v);
                  changed('kindId');
                }}
              />
            )}
          </TaskField>
          <TaskField label={t('tasks:plan.note')} error={errors.note} className="span-2">
            {(p) => <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
          </TaskField>
        </div>
        <VolunteerSuggestions query={debouncedQuery} selected={volunteerIds} onChange={setVolunteerIds} error={errors.volunteerIds} />
        <div className="task-plan-actions">
          <ErrorNotice error={create.error} />
          <div className="actions">
            <button type="submit" className="primary big" disabled={create.isPending}>
              {t('tasks:plan.save')}
            </button>
            <button type="button" onClick={props.onClose}>
              {t('tasks:plan.close')}
            </button>
            <span className="field-hint">{t('common:saveShortcut')}</span>
          </div>
        </div>
      </form>
    </section>
  );
}
