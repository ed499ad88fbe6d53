import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { CASE_OUTCOMES, CONTACT_KINDS, type CaseOutcome, type ContactKind } from '../../../shared/domain/cases';
import type { CallOutput } from '../../../shared/api/contract';
import { ApiError } from '../../bridge';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { Field, RequiredLegend } from '../../ui/Field';
import { useCallForm } from '../../ui/useCallForm';
import { PanelForm, setterOf, thenClose } from '../../ui/PanelForm';
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

/** The plan's goals, one a line, checked with cases.updatePlan's own schema. */
function PlanPanel({ c, onDone }: { c: Case; onDone: () => void }) {
  const { t } = useCaseText();
  const update = useMutate('cases.updatePlan');
  const f = useCallForm({
    call: 'cases.updatePlan',
    defaultValues: { goals: c.goals.join('\n') },
    toInput: (v: { goals: string }) => ({ id: c.id, goals: goalsOf(v.goals) }),
    // A goal's message ("goals.2": too long) is the one field's.
    fieldOf: (path) => (path.split('.')[0] === 'goals' ? 'goals' : null),
    ...thenClose(update.mutateAsync, onDone),
  });
  return (
    <PanelForm className="case-panel" title={t('cases:plan.edit')} f={f} label={t('common:save')} busy={update.isPending}>
      <Field label={t('cases:fields.goals')} hint={t('cases:fields.goalsHint')} error={f.error('goals')} className="case-note">
        {(p) => <textarea {...p} rows={5} autoFocus {...f.form.register('goals', { onChange: () => f.form.clearErrors('goals') })} />}
      </Field>
    </PanelForm>
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
    ...thenClose(add.mutateAsync, onDone),
  });
  const { watch, clearErrors } = f.form;
  const set = setterOf(f.form);
  /** A message goes away as soon as its field is changed. */
  const register = (name: keyof ActionValues) => f.form.register(name, { onChange: () => clearErrors(name) });
  const [dueOn, who] = watch(['dueOn', 'who']);
  return (
    <PanelForm className="case-panel" title={t('cases:action.open')} f={f} label={t('cases:action.save')} busy={add.isPending}>
      <RequiredLegend />
      <Field label={t('cases:fields.action')} error={f.error('text')} className="case-note" required>
        {(p) => <input {...p} autoFocus {...register('text')} />}
      </Field>
      <DateField
        label={t('cases:fields.dueOn')}
        value={dueOn}
        onChange={set('dueOn')}
        error={f.missingOr('dueOn')}
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
    </PanelForm>
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
    ...thenClose(log.mutateAsync, onDone),
  });
  const { watch, clearErrors } = f.form;
  const set = setterOf(f.form);
  const [on, note] = watch(['on', 'note']);
  return (
    <PanelForm className="case-panel" title={t('cases:contact.open')} f={f} label={t('cases:contact.save')} busy={log.isPending}>
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
        onChange={set('on')}
        error={f.error('on')}
        max={today}
      />
      <NoteField
        label={t('cases:fields.note')}
        value={note}
        onChange={set('note')}
        error={f.error('note')}
      />
    </PanelForm>
  );
}

interface ReviewValues {
  /** '' until changed: the centre's today. */
  on: string;
  note: string;
  /** '' for none. */
  next: string;
}

/** A periodic review and the next review's day, checked with cases.review's own schema. */
function ReviewPanel({ c, today, onDone }: { c: Case; today: string; onDone: () => void }) {
  const { t } = useCaseText();
  const review = useMutate('cases.review');
  const f = useCallForm({
    call: 'cases.review',
    defaultValues: { on: '', note: '', next: '' } as ReviewValues,
    toInput: (v: ReviewValues) => ({ id: c.id, note: v.note, ...(v.on !== '' ? { on: v.on } : {}), ...(v.next !== '' ? { nextReviewOn: v.next } : {}) }),
    fieldOf: (path) => (path === 'on' || path === 'note' ? path : path === 'nextReviewOn' ? 'next' : null),
    ...thenClose(review.mutateAsync, onDone),
  });
  const [on, note, next] = f.form.watch(['on', 'note', 'next']);
  const set = setterOf(f.form);
  return (
    <PanelForm className="case-panel" title={t('cases:review.open')} f={f} label={t('cases:review.save')} busy={review.isPending}>
      <DateField label={t('cases:fields.reviewedOn')} value={on || today} onChange={set('on')} error={f.error('on')} max={today} autoFocus />
      <NoteField label={t('cases:fields.note')} value={note} onChange={set('note')} error={f.error('note')} />
      <DateField label={t('cases:fields.nextReviewOn')} value={next} onChange={set('next')} error={f.error('next')} />
    </PanelForm>
  );
}

interface AgreementValues {
  /** '' until changed: the centre's today. */
  signedOn: string;
  note: string;
}

/** The signed agreement (social contract), checked with cases.recordAgreement's own schema. */
function AgreementPanel({ c, today, onDone }: { c: Case; today: string; onDone: () => void }) {
  const { t } = useCaseText();
  const record = useMutate('cases.recordAgreement');
  const f = useCallForm({
    call: 'cases.recordAgreement',
    defaultValues: { signedOn: c.agreementOn ?? '', note: c.agreementNote } as AgreementValues,
    toInput: (v: AgreementValues) => ({ id: c.id, signedOn: v.signedOn || today, note: v.note }),
    ...thenClose(record.mutateAsync, onDone),
  });
  const [on, note] = f.form.watch(['signedOn', 'note']);
  const set = setterOf(f.form);
  return (
    <PanelForm className="case-panel" title={t('cases:agreement.open')} f={f} label={t('cases:agreement.save')} busy={record.isPending}>
      <DateField label={t('cases:fields.signedOn')} value={on || today} onChange={set('signedOn')} error={f.error('signedOn')} max={today} autoFocus />
      <NoteField label={t('cases:fields.note')} value={note} onChange={set('note')} error={f.error('note')} />
    </PanelForm>
  );
}

interface CloseValues {
  outcome: CaseOutcome;
  /** '' until changed: the centre's today. */
  closedOn: string;
  note: string;
}

/**
 * The case closed with its outcome, checked with cases.close's own schema. With actions still
 * open the core says how many: shown as a warning, and the next save confirms.
 */
function ClosePanel({ c, today, onDone }: { c: Case; today: string; onDone: () => void }) {
  const text = useCaseText();
  const { t } = text;
  const closeCase = useMutate('cases.close');
  /** The core's words on the actions still open, once it has said them. */
  const [warning, setWarning] = useState<string | null>(null);
  const f = useCallForm({
    call: 'cases.close',
    defaultValues: { outcome: 'goalsMet', closedOn: '', note: '' } as CloseValues,
    toInput: (v: CloseValues) => ({ id: c.id, outcome: v.outcome, note: v.note, confirmOpenActions: warning !== null, ...(v.closedOn !== '' ? { closedOn: v.closedOn } : {}) }),
    onCancel: onDone,
    onSubmit: async (input) => {
      try {
        await closeCase.mutateAsync(input);
      } catch (err) {
        if (!(err instanceof ApiError && err.body.code === 'openActions')) throw err;
        setWarning(text.error(err));
        return false;
      }
      onDone();
      return true;
    },
  });
  const [on, note] = f.form.watch(['closedOn', 'note']);
  const set = setterOf(f.form);
  return (
    <PanelForm className="case-panel" title={t('cases:close.title')} f={f} label={warning !== null ? t('cases:close.confirm') : t('cases:close.save')} danger busy={closeCase.isPending}>
      <Field label={t('cases:fields.outcome')} error={f.error('outcome')}>
        {(p) => (
          <select {...p} autoFocus {...f.form.register('outcome', { onChange: () => f.form.clearErrors('outcome') })}>
            {CASE_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {text.outcome(o)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <DateField label={t('cases:fields.closedOn')} value={on || today} onChange={set('closedOn')} error={f.error('closedOn')} max={today} />
      <NoteField label={t('cases:fields.closingNote')} value={note} onChange={set('note')} error={f.error('note')} />
      {warning !== null ? (
        <div role="alert" className="notice notice-warning case-warning">
          {warning}
        </div>
      ) : null}
    </PanelForm>
  );
}
