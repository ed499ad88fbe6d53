import { useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { CASE_OUTCOMES, CONTACT_KINDS, type CaseOutcome, type ContactKind } from '../../../shared/domain/cases';
import type { CallOutput } from '../../../shared/api/contract';
import { ApiError } from '../../bridge';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { Field, RequiredLegend } from '../../ui/Field';
import { useCallForm } from '../../ui/useCallForm';
import { KeyForm } from '../../ui/KeyForm';
import { useFormat } from '../../ui/format';
import { goalsOf, useCaseText, useSave } from './caseText';
import './cases.css';
import { DateInput } from '../../ui/DateInput';

type Case = CallOutput<'cases.get'>;
type Panel = 'plan' | 'action' | 'contact' | 'review' | 'agreement' | 'close';

/**
 * /cases/:id: a case (social accompaniment) for its worker: who it is for, the plan (goals and
 * agreed actions with due days and who is responsible), contacts, reviews, the signed agreement
 * and the closure. Each change opens a small form under the buttons (Escape cancels); closing with
 * actions still open shows how many and asks to confirm.
 */
export function CaseScreen() {
  const { t } = useCaseText();
  const id = Number(useParams().id);
  const found = useCall('cases.get', { id });
  if (found.isError) return <ErrorNotice error={found.error} />;
  if (!found.data) return <p className="loading">{t('common:loading')}</p>;
  return <CaseView c={found.data} />;
}

function CaseView({ c }: { c: Case }) {
  const text = useCaseText();
  const { t } = text;
  const format = useFormat();
  const today = useCall('app.status', {}).data?.today ?? '';
  const [panel, setPanel] = useState<Panel | null>(null);
  const buttons = useRef<HTMLDivElement>(null);
  const close = () => {
    setPanel(null);
    window.setTimeout(() => buttons.current?.querySelector('button')?.focus(), 0);
  };
  const open = c.status === 'open';
  const subjectLink = c.residentId !== null ? `/residents/${c.residentId}` : null;
  const dash = t('common:none');
  return (
    <div className="case-screen">
      <div className="page-head">
        <h1>
          {t('cases:screen.title', { id: c.id })}: {subjectLink ? <Link to={subjectLink}>{c.subjectName || dash}</Link> : c.subjectName || dash}
          {c.householdId !== null ? <span className="badge">{t('cases:section.household')}</span> : null}
        </h1>
        <div className="actions">
          <Link to={`/cases/${c.id}/print`} className="button">
            {t('cases:print.button')}
          </Link>
          <Link to="/caseload" className="button">
            {t('cases:caseload.title')}
          </Link>
        </div>
      </div>
      <dl className="card details">
        <dt>{t('cases:fields.status')}</dt>
        <dd>
          {text.status(c.status)}
          {c.closedOn ? ` · ${format.date(c.closedOn)}` : null}
          {c.outcome ? ` · ${text.outcome(c.outcome)}` : null}
        </dd>
        <dt>{t('cases:fields.worker')}</dt>
        <dd>{c.workerName}</dd>
        <dt>{t('cases:fields.openedOn')}</dt>
        <dd>{format.date(c.openedOn)}</dd>
        {c.assessmentId !== null ? (
          <>
            <dt>{t('cases:fields.assessment')}</dt>
            <dd>
              <Link to={`/assessments/${c.assessmentId}`}>{t('cases:fields.assessmentLink')}</Link>
            </dd>
          </>
        ) : null}
        <dt>{t('cases:fields.agreement')}</dt>
        <dd>{c.agreementOn ? `${t('cases:agreement.signed', { date: format.date(c.agreementOn) })}${c.agreementNote ? ` — ${c.agreementNote}` : ''}` : t('cases:agreement.none')}</dd>
        <dt>{t('cases:fields.nextReviewOn')}</dt>
        <dd className={c.reviewOverdue ? 'case-overdue' : undefined}>
          {c.nextReviewOn ? format.date(c.nextReviewOn) : dash}
          {c.reviewOverdue ? ` · ${t('cases:overdue')}` : null}
        </dd>
        {c.closingNote ? (
          <>
            <dt>{t('cases:fields.closingNote')}</dt>
            <dd className="pre">{c.closingNote}</dd>
          </>
        ) : null}
      </dl>

      {open && panel === null ? (
        <div className="actions case-buttons" ref={buttons}>
          <button type="button" onClick={() => setPanel('action')}>
            {t('cases:action.open')}
          </button>
          <button type="button" onClick={() => setPanel('contact')}>
            {t('cases:contact.open')}
          </button>
          <button type="button" onClick={() => setPanel('review')}>
            {t('cases:review.open')}
          </button>
          <button type="button" onClick={() => setPanel('plan')}>
            {t('cases:plan.open')}
          </button>
          <button type="button" onClick={() => setPanel('agreement')}>
            {t('cases:agreement.open')}
          </button>
          <button type="button" className="danger" onClick={() => setPanel('close')}>
            {t('cases:close.open')}
          </button>
        </div>
      ) : null}
      {panel === 'plan' ? <PlanPanel c={c} onDone={close} /> : null}
      {panel === 'action' ? <ActionPanel c={c} onDone={close} /> : null}
      {panel === 'contact' ? <ContactPanel c={c} today={today} onDone={close} /> : null}
      {panel === 'review' ? <ReviewPanel c={c} today={today} onDone={close} /> : null}
      {panel === 'agreement' ? <AgreementPanel c={c} today={today} onDone={close} /> : null}
      {panel === 'close' ? <ClosePanel c={c} today={today} onDone={close} /> : null}

      <section className="card" aria-labelledby="case-plan-title">
        <h2 id="case-plan-title">{t('cases:plan.title')}</h2>
        <h3>{t('cases:fields.goals')}</h3>
        {c.goals.length === 0 ? <p className="field-hint">{t('cases:plan.noGoals')}</p> : <ol className="case-goals">{c.goals.map((g, i) => <li key={i}>{g}</li>)}</ol>}
        <h3>{t('cases:action.title', { count: c.openActions })}</h3>
        <ActionsTable c={c} />
      </section>

      <section className="card" aria-labelledby="case-contacts-title">
        <h2 id="case-contacts-title">{t('cases:contact.title', { count: c.contacts.length })}</h2>
        {c.contacts.length === 0 ? <p className="field-hint">{t('cases:contact.none')}</p> : null}
        <ul className="case-log">
          {c.contacts.map((x) => (
            <li key={x.id}>
              <strong>{format.date(x.on)}</strong> · {text.kind(x.kind)} · <span className="muted">{x.byUserName}</span>
              {x.note ? <div className="pre">{x.note}</div> : null}
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="case-reviews-title">
        <h2 id="case-reviews-title">{t('cases:review.title', { count: c.reviews.length })}</h2>
        {c.reviews.length === 0 ? <p className="field-hint">{t('cases:review.none')}</p> : null}
        <ul className="case-log">
          {c.reviews.map((x) => (
            <li key={x.id}>
              <strong>{format.date(x.on)}</strong> · <span className="muted">{x.byUserName}</span>
              {x.nextReviewOn ? ` · ${t('cases:review.next', { date: format.date(x.nextReviewOn) })}` : null}
              {x.note ? <div className="pre">{x.note}</div> : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function ActionsTable({ c }: { c: Case }) {
  const { t } = useCaseText();
  const format = useFormat();
  const complete = useMutate('cases.completeAction');
  const save = useSave();
  if (c.actions.length === 0) return <p className="field-hint">{t('cases:action.none')}</p>;
  return (
    <>
      <DataTable
        className="case-actions"
        data={c.actions}
        caption={t('cases:fields.action')}
        empty={t('cases:action.none')}
        rowKey={(a) => String(a.id)}
        rowClass={(a) => (a.overdue ? 'case-overdue' : undefined)}
        columns={((col) => [
          col('action', t('cases:fields.action'), (a) => a.text),
          col(
            'dueOn',
            t('cases:fields.dueOn'),
            (a) => (
              <>
                {format.date(a.dueOn)}
                {a.overdue ? ` · ${t('cases:overdue')}` : null}
              </>
            ),
            { value: (a) => a.dueOn },
          ),
          col('responsible', t('cases:fields.responsible'), (a) => a.responsibleUserName ?? a.responsibleText, { value: (a) => a.responsibleUserName ?? a.responsibleText }),
          col(
            'doneOn',
            t('cases:fields.doneOn'),
            (a) =>
              a.doneOn ? (
                format.date(a.doneOn)
              ) : c.status === 'open' ? (
                <button
                  type="button"
                  className="small"
                  aria-label={t('cases:action.doneNamed', { text: a.text })}
                  disabled={complete.isPending}
                  onClick={() => void save.attempt(async () => void (await complete.mutateAsync({ id: c.id, actionId: a.id })))}
                >
                  {t('cases:action.done')}
                </button>
              ) : (
                t('common:none')
              ),
            { value: (a) => a.doneOn },
          ),
        ])(columnsOf(c.actions))}
      />
      <Failure save={save} />
    </>
  );
}

function Failure({ save }: { save: ReturnType<typeof useSave> }) {
  const { t } = useCaseText();
  const message = save.failure ?? (Object.keys(save.errors).length > 0 ? Object.values(save.errors).map((m) => fieldText(t, m)).join(' ') : null);
  if (!message) return null;
  return (
    <div role="alert" className="notice notice-error">
      {message}
    </div>
  );
}

function PanelFrame(props: { title: string; onSubmit: () => Promise<void>; onDone: () => void; busy: boolean; save: ReturnType<typeof useSave>; shown: string[]; label: string; children: ReactNode; danger?: boolean }) {
  const { t } = useCaseText();
  const rest = { ...props.save, errors: Object.fromEntries(Object.entries(props.save.errors).filter(([k]) => !props.shown.includes(k))) };
  return (
    <KeyForm className="card case-panel" onSubmit={props.onSubmit} onCancel={props.onDone} aria-label={props.title}>
      <h3>{props.title}</h3>
      {props.children}
      <Failure save={rest} />
      <div className="actions">
        <button type="submit" className={props.danger ? 'danger' : 'primary'} disabled={props.busy}>
          {props.label}
        </button>
        <button type="button" onClick={props.onDone}>
          {t('common:cancel')}
        </button>
        <span className="field-hint">{t('common:saveShortcut')}</span>
      </div>
    </KeyForm>
  );
}

function DateField(props: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined; max?: string; autoFocus?: boolean; required?: boolean }) {
  return (
    <Field label={props.label} error={props.error} required={props.required}>
      {(p) => <DateInput {...p} autoFocus={props.autoFocus} max={props.max || undefined} value={props.value} onChange={props.onChange} />}
    </Field>
  );
}

function NoteField(props: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined; autoFocus?: boolean }) {
  return (
    <Field label={props.label} error={props.error} className="case-note">
      {(p) => <textarea {...p} rows={3} autoFocus={props.autoFocus} value={props.value} onChange={(e) => props.onChange(e.target.value)} />}
    </Field>
  );
}

function PlanPanel({ c, onDone }: { c: Case; onDone: () => void }) {
  const { t } = useCaseText();
  const update = useMutate('cases.updatePlan');
  const save = useSave();
  const [goals, setGoals] = useState(c.goals.join('\n'));
  const submit = () =>
    save.attempt(async () => {
      await update.mutateAsync({ id: c.id, goals: goalsOf(goals) });
      onDone();
    });
  return (
    <PanelFrame title={t('cases:plan.edit')} onSubmit={submit} onDone={onDone} busy={update.isPending} save={save} shown={['goals']} label={t('common:save')}>
      <Field label={t('cases:fields.goals')} hint={t('cases:fields.goalsHint')} error={save.errors.goals} className="case-note">
        {(p) => <textarea {...p} rows={5} autoFocus value={goals} onChange={(e) => setGoals(e.target.value)} />}
      </Field>
    </PanelFrame>
  );
}

interface ActionValues {
  text: string;
  dueOn: string;
  /** A worker's id, or 'other' for someone named in words. */
  who: string;
  other: string;
}

/** A next step of the plan, checked with cases.addAction's own schema (a due day is required). */
function ActionPanel({ c, onDone }: { c: Case; onDone: () => void }) {
  const { t } = useCaseText();
  const add = useMutate('cases.addAction');
  const workers = useCall('cases.caseload', {}).data?.workers ?? [];
  const f = useCallForm({
    call: 'cases.addAction',
    defaultValues: { text: '', dueOn: '', who: 'other', other: '' } as ActionValues,
    toInput: (v: ActionValues) => ({ id: c.id, text: v.text, dueOn: v.dueOn, ...(v.who === 'other' ? { responsibleText: v.other } : { responsibleUserId: Number(v.who) }) }),
    fieldOf: (path, v) => {
      if (path === 'text' || path === 'dueOn') return path;
      if (path === 'responsibleUserId') return 'who';
      if (path === 'responsibleText') return v.who === 'other' ? 'other' : 'who';
      return null;
    },
    onCancel: onDone,
    onSubmit: async (input) => {
      await add.mutateAsync(input);
      onDone();
    },
  });
  const { watch, setValue, clearErrors } = f.form;
  /** A message goes away as soon as its field is changed. */
  const register = (name: keyof ActionValues) => f.form.register(name, { onChange: () => clearErrors(name) });
  const [dueOn, who] = watch(['dueOn', 'who']);
  const title = t('cases:action.open');
  return (
    <KeyForm className="card case-panel" onSubmit={f.submit} onCancel={f.cancel} aria-label={title}>
      <h3>{title}</h3>
      <RequiredLegend />
      <Field label={t('cases:fields.action')} error={f.error('text')} className="case-note" required>
        {(p) => <input {...p} autoFocus {...register('text')} />}
      </Field>
      <DateField
        label={t('cases:fields.dueOn')}
        value={dueOn}
        onChange={(value) => {
          setValue('dueOn', value, { shouldDirty: true });
          clearErrors('dueOn');
        }}
        // Nothing chosen yet: the day is missing rather than wrong.
        error={f.error('dueOn') !== undefined && dueOn === '' ? 'validation.required' : f.error('dueOn')}
        required
      />
      <Field label={t('cases:fields.responsible')} error={f.error('who')}>
        {(p) => (
          <select {...p} {...register('who')}>
            <option value="other">{t('cases:action.someoneElse')}</option>
            {workers.map((w) => (
              <option key={w.id} value={String(w.id)}>
                {w.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {who === 'other' ? (
        <Field label={t('cases:fields.responsibleText')} hint={t('cases:fields.responsibleHint')} error={f.error('other')}>
          {(p) => <input {...p} {...register('other')} />}
        </Field>
      ) : null}
      {f.notice}
      <div className="actions">
        <button type="submit" className="primary" disabled={add.isPending || f.saving}>
          {t('cases:action.save')}
        </button>
        <button type="button" onClick={f.cancel}>
          {t('common:cancel')}
        </button>
        <span className="field-hint">{t('common:saveShortcut')}</span>
      </div>
    </KeyForm>
  );
}

interface ContactValues {
  kind: ContactKind;
  /** '' until changed: the centre's today. */
  on: string;
  note: string;
}

/** A contact or intervention, checked with cases.logContact's own schema. */
function ContactPanel({ c, today, onDone }: { c: Case; today: string; onDone: () => void }) {
  const text = useCaseText();
  const { t } = text;
  const log = useMutate('cases.logContact');
  const f = useCallForm({
    call: 'cases.logContact',
    defaultValues: { kind: 'visit', on: '', note: '' } as ContactValues,
    toInput: (v: ContactValues) => ({ id: c.id, kind: v.kind, note: v.note, ...(v.on !== '' ? { on: v.on } : {}) }),
    onCancel: onDone,
    onSubmit: async (input) => {
      await log.mutateAsync(input);
      onDone();
    },
  });
  const { watch, setValue, clearErrors } = f.form;
  const [on, note] = watch(['on', 'note']);
  const title = t('cases:contact.open');
  return (
    <KeyForm className="card case-panel" onSubmit={f.submit} onCancel={f.cancel} aria-label={title}>
      <h3>{title}</h3>
      <Field label={t('cases:fields.kind')} error={f.error('kind')}>
        {(p) => (
          <select {...p} autoFocus {...f.form.register('kind', { onChange: () => clearErrors('kind') })}>
            {CONTACT_KINDS.map((k) => (
              <option key={k} value={k}>
                {text.kind(k)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <DateField
        label={t('cases:fields.on')}
        value={on || today}
        onChange={(value) => {
          setValue('on', value, { shouldDirty: true });
          clearErrors('on');
        }}
        error={f.error('on')}
        max={today}
      />
      <NoteField
        label={t('cases:fields.note')}
        value={note}
        onChange={(value) => {
          setValue('note', value, { shouldDirty: true });
          clearErrors('note');
        }}
        error={f.error('note')}
      />
      {f.notice}
      <div className="actions">
        <button type="submit" className="primary" disabled={log.isPending || f.saving}>
          {t('cases:contact.save')}
        </button>
        <button type="button" onClick={f.cancel}>
          {t('common:cancel')}
        </button>
        <span className="field-hint">{t('common:saveShortcut')}</span>
      </div>
    </KeyForm>
  );
}

function ReviewPanel({ c, today, onDone }: { c: Case; today: string; onDone: () => void }) {
  const { t } = useCaseText();
  const review = useMutate('cases.review');
  const save = useSave();
  const [on, setOn] = useState('');
  const [note, setNote] = useState('');
  const [next, setNext] = useState('');
  const submit = () =>
    save.attempt(async () => {
      await review.mutateAsync({ id: c.id, note, ...(on !== '' ? { on } : {}), ...(next !== '' ? { nextReviewOn: next } : {}) });
      onDone();
    });
  return (
    <PanelFrame title={t('cases:review.open')} onSubmit={submit} onDone={onDone} busy={review.isPending} save={save} shown={['on', 'note', 'nextReviewOn']} label={t('cases:review.save')}>
      <DateField label={t('cases:fields.reviewedOn')} value={on || today} onChange={setOn} error={save.errors.on} max={today} autoFocus />
      <NoteField label={t('cases:fields.note')} value={note} onChange={setNote} error={save.errors.note} />
      <DateField label={t('cases:fields.nextReviewOn')} value={next} onChange={setNext} error={save.errors.nextReviewOn} />
    </PanelFrame>
  );
}

function AgreementPanel({ c, today, onDone }: { c: Case; today: string; onDone: () => void }) {
  const { t } = useCaseText();
  const record = useMutate('cases.recordAgreement');
  const save = useSave();
  const [on, setOn] = useState(c.agreementOn ?? '');
  const [note, setNote] = useState(c.agreementNote);
  const submit = () =>
    save.attempt(async () => {
      await record.mutateAsync({ id: c.id, signedOn: on || today, note });
      onDone();
    });
  return (
    <PanelFrame title={t('cases:agreement.open')} onSubmit={submit} onDone={onDone} busy={record.isPending} save={save} shown={['signedOn', 'note']} label={t('cases:agreement.save')}>
      <DateField label={t('cases:fields.signedOn')} value={on || today} onChange={setOn} error={save.errors.signedOn} max={today} autoFocus />
      <NoteField label={t('cases:fields.note')} value={note} onChange={setNote} error={save.errors.note} />
    </PanelFrame>
  );
}

function ClosePanel({ c, today, onDone }: { c: Case; today: string; onDone: () => void }) {
  const text = useCaseText();
  const { t } = text;
  const closeCase = useMutate('cases.close');
  const save = useSave();
  const [on, setOn] = useState('');
  const [outcome, setOutcome] = useState<CaseOutcome>('goalsMet');
  const [note, setNote] = useState('');
  /** The core said how many actions are still open: the next submit confirms. */
  const warned = save.raw instanceof ApiError && save.raw.body.code === 'openActions';
  const submit = () =>
    save.attempt(async () => {
      await closeCase.mutateAsync({ id: c.id, outcome, note, confirmOpenActions: warned, ...(on !== '' ? { closedOn: on } : {}) });
      onDone();
    });
  return (
    <KeyForm className="card case-panel" onSubmit={submit} onCancel={onDone} aria-label={t('cases:close.title')}>
      <h3>{t('cases:close.title')}</h3>
      <Field label={t('cases:fields.outcome')} error={save.errors.outcome}>
        {(p) => (
          <select {...p} autoFocus value={outcome} onChange={(e) => setOutcome(e.target.value as CaseOutcome)}>
            {CASE_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {text.outcome(o)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <DateField label={t('cases:fields.closedOn')} value={on || today} onChange={setOn} error={save.errors.closedOn} max={today} />
      <NoteField label={t('cases:fields.closingNote')} value={note} onChange={setNote} error={save.errors.note} />
      {warned ? (
        <div role="alert" className="notice notice-warning case-warning">
          {save.failure}
        </div>
      ) : (
        <Failure save={{ ...save, errors: Object.fromEntries(Object.entries(save.errors).filter(([k]) => !['outcome', 'closedOn', 'note'].includes(k))) }} />
      )}
      <div className="actions">
        <button type="submit" className="danger" disabled={closeCase.isPending}>
          {warned ? t('cases:close.confirm') : t('cases:close.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common:cancel')}
        </button>
      </div>
    </KeyForm>
  );
}
