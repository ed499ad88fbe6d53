import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CallOutput } from '../../../shared/api/contract';
import { ApiError } from '../../bridge';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { PanelForm, setterOf } from '../../ui/PanelForm';
import { useCallForm } from '../../ui/useCallForm';
import { useFormat } from '../../ui/format';
import { goalsOf, useCaseText } from './caseText';
import './cases.css';
import { DateInput } from '../../ui/DateInput';

type Summary = CallOutput<'cases.ofResident'>['cases'][number];

/**
 * A resident's cases on their page: their own and their household's, with the status, the lead
 * worker, the opening day and the next review; coordinators and admins open a case from here and
 * go to it. The front desk sees that a case exists and who leads it, never what it says.
 */
export function CasesSection({ residentId }: { residentId: number }) {
  const text = useCaseText();
  const { t } = text;
  const navigate = useNavigate();
  const format = useFormat();
  const status = useCall('app.status', {});
  const cases = useCall('cases.ofResident', { residentId });
  const [opening, setOpening] = useState(false);
  const role = status.data?.user.role;
  const caseworker = role === 'coordinator' || role === 'admin';
  const list = cases.data?.cases ?? [];
  const hasOpenOwn = list.some((c) => c.status === 'open' && c.residentId === residentId);
  const whose = (c: Summary) => (c.householdId !== null ? t('cases:section.household') : t('cases:section.own'));
  return (
    <section className="card cases-section" aria-labelledby="cases-title">
      <div className="page-head">
        <h2 id="cases-title">{t('cases:section.title')}</h2>
        {caseworker && !opening && cases.data ? (
          <button type="button" onClick={() => setOpening(true)}>
            {t('cases:open.button')}
          </button>
        ) : null}
      </div>
      {cases.isError ? <ErrorNotice error={cases.error} /> : null}
      {cases.data && list.length === 0 ? <p className="field-hint">{t('cases:section.none')}</p> : null}
      {list.length > 0 ? (
        <DataTable
          className="cases-table"
          data={list}
          caption={t('cases:section.title')}
          empty={t('cases:section.none')}
          rowKey={(c) => String(c.id)}
          rowLabel={(c) => t('cases:section.caseNo', { id: c.id, whose: whose(c) })}
          {...(caseworker ? { onOpen: (c: (typeof list)[number]) => void navigate(`/cases/${c.id}`) } : {})}
          columns={((col) => [
            col('case', t('cases:section.case'), (c) =>
              caseworker ? <Link to={`/cases/${c.id}`}>{t('cases:section.caseNo', { id: c.id, whose: whose(c) })}</Link> : t('cases:section.caseNo', { id: c.id, whose: whose(c) }),
            ),
            col(
              'status',
              t('cases:fields.status'),
              (c) => (
                <>
                  {text.status(c.status)}
                  {c.closedOn ? ` · ${format.date(c.closedOn)}` : null}
                  {c.outcome ? ` · ${text.outcome(c.outcome)}` : null}
                </>
              ),
              { value: (c) => text.status(c.status) },
            ),
            col('worker', t('cases:fields.worker'), (c) => c.workerName, { value: (c) => c.workerName }),
            col('openedOn', t('cases:fields.openedOn'), (c) => format.date(c.openedOn), { value: (c) => c.openedOn }),
            col('nextReviewOn', t('cases:fields.nextReviewOn'), (c) => (c.status === 'open' && c.nextReviewOn ? format.date(c.nextReviewOn) : t('common:none')), {
              value: (c) => (c.status === 'open' ? c.nextReviewOn : null),
            }),
          ])(columnsOf(list))}
        />
      ) : null}
      {opening && cases.data ? (
        <OpenCasePanel residentId={residentId} householdId={cases.data.householdId} ownOpen={hasOpenOwn} today={status.data?.today ?? ''} onDone={() => setOpening(false)} />
      ) : null}
    </section>
  );
}

interface OpenValues {
  subject: 'resident' | 'household';
  /** '' for today. */
  openedOn: string;
  goals: string;
  /** '' for none yet. */
  nextReviewOn: string;
}

/**
 * "Open a case" on a resident's page, checked with cases.open's own schema. A case already open
 * for the person or household is refused with the way to it (the refusal's caseId).
 */
function OpenCasePanel(props: { residentId: number; householdId: number | null; ownOpen: boolean; today: string; onDone: () => void }) {
  const text = useCaseText();
  const { t } = text;
  const navigate = useNavigate();
  const open = useMutate('cases.open');
  const [alreadyOpen, setAlreadyOpen] = useState<{ message: string; caseId: number } | null>(null);
  const f = useCallForm({
    call: 'cases.open',
    defaultValues: { subject: props.ownOpen && props.householdId !== null ? 'household' : 'resident', openedOn: '', goals: '', nextReviewOn: '' } as OpenValues,
    toInput: (v: OpenValues) => ({
      ...(v.subject === 'household' && props.householdId !== null ? { householdId: props.householdId } : { residentId: props.residentId }),
      ...(v.openedOn !== '' ? { openedOn: v.openedOn } : {}),
      ...(v.nextReviewOn !== '' ? { nextReviewOn: v.nextReviewOn } : {}),
      goals: goalsOf(v.goals),
    }),
    // A goal's message ("goals.2": too long) is the one field's; whose case it is, the choice's.
    fieldOf: (path) => {
      const top = path.split('.')[0] ?? '';
      if (top === 'residentId' || top === 'householdId') return 'subject';
      return top === 'openedOn' || top === 'goals' || top === 'nextReviewOn' ? top : null;
    },
    onCancel: props.onDone,
    onSubmit: async (input) => {
      setAlreadyOpen(null);
      try {
        const c = await open.mutateAsync(input);
        void navigate(`/cases/${c.id}`);
      } catch (e) {
        const caseId = e instanceof ApiError ? e.body.details?.caseId : undefined;
        if (e instanceof ApiError && typeof caseId === 'number') {
          setAlreadyOpen({ message: e.body.fields?.[0]?.message ?? 'validation.invalid', caseId });
          return false;
        }
        throw e;
      }
      return true;
    },
  });
  const set = setterOf(f.form);
  const [subject, openedOn, nextReviewOn] = f.form.watch(['subject', 'openedOn', 'nextReviewOn']);
  const subjectError = f.error('subject');
  const chooseSubject = (value: OpenValues['subject']) => {
    set('subject')(value);
    setAlreadyOpen(null);
  };
  return (
    <PanelForm className="case-panel" title={t('cases:open.title')} f={f} label={t('cases:open.save')} busy={open.isPending}>
      {props.householdId !== null ? (
        <fieldset className="case-subject">
          <legend>{t('cases:open.whose')}</legend>
          <label className="checkbox">
            <input type="radio" name="case-subject" autoFocus={subject === 'resident'} checked={subject === 'resident'} onChange={() => chooseSubject('resident')} />
            <span>{t('cases:open.resident')}</span>
          </label>
          <label className="checkbox">
            <input type="radio" name="case-subject" autoFocus={subject === 'household'} checked={subject === 'household'} onChange={() => chooseSubject('household')} />
            <span>{t('cases:open.household')}</span>
          </label>
        </fieldset>
      ) : null}
      {alreadyOpen || subjectError ? (
        <div className="field-error" role="alert">
          {fieldText(t, alreadyOpen?.message ?? subjectError ?? '')} {alreadyOpen ? (
            // The way to the open case is the answer to the refusal: it leaves without the unsaved-changes question.
            <Link to={`/cases/${alreadyOpen.caseId}`} onClick={f.allowLeave}>
              {t('cases:open.goToOpen')}
            </Link>
          ) : null}
        </div>
      ) : null}
      <Field label={t('cases:fields.openedOn')} error={f.error('openedOn')}>
        {(p) => <DateInput {...p} autoFocus={props.householdId === null} max={props.today || undefined} value={openedOn || props.today} onChange={set('openedOn')} />}
      </Field>
      <Field label={t('cases:fields.goals')} hint={t('cases:fields.goalsHint')} error={f.error('goals')}>
        {(p) => <textarea {...p} rows={3} {...f.form.register('goals', { onChange: () => f.form.clearErrors('goals') })} />}
      </Field>
      <Field label={t('cases:fields.nextReviewOn')} error={f.error('nextReviewOn')}>
        {(p) => <DateInput {...p} value={nextReviewOn} onChange={set('nextReviewOn')} />}
      </Field>
    </PanelForm>
  );
}
