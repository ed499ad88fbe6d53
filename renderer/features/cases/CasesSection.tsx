import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CallOutput } from '../../../shared/api/contract';
import { ApiError } from '../../bridge';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useFormat } from '../../ui/format';
import { goalsOf, useCaseText, useSave } from './caseText';
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

function OpenCasePanel(props: { residentId: number; householdId: number | null; ownOpen: boolean; today: string; onDone: () => void }) {
  const text = useCaseText();
  const { t } = text;
  const navigate = useNavigate();
  const open = useMutate('cases.open');
  const save = useSave();
  const [subject, setSubject] = useState<'resident' | 'household'>(props.ownOpen && props.householdId !== null ? 'household' : 'resident');
  const [openedOn, setOpenedOn] = useState('');
  const [goals, setGoals] = useState('');
  const [nextReviewOn, setNextReviewOn] = useState('');
  const openCaseId = save.raw instanceof ApiError ? save.raw.body.details?.caseId : undefined;
  const submit = () =>
    save.attempt(async () => {
      const c = await open.mutateAsync({
        ...(subject === 'household' && props.householdId !== null ? { householdId: props.householdId } : { residentId: props.residentId }),
        ...(openedOn !== '' ? { openedOn } : {}),
        ...(nextReviewOn !== '' ? { nextReviewOn } : {}),
        goals: goalsOf(goals),
      });
      void navigate(`/cases/${c.id}`);
    });
  const subjectError = save.errors.residentId ?? save.errors.householdId;
  return (
    <KeyForm className="card case-panel" onSubmit={submit} onCancel={props.onDone} aria-labelledby="case-open-title">
      <h3 id="case-open-title">{t('cases:open.title')}</h3>
      {props.householdId !== null ? (
        <fieldset className="case-subject">
          <legend>{t('cases:open.whose')}</legend>
          <label className="checkbox">
            <input type="radio" name="case-subject" autoFocus={subject === 'resident'} checked={subject === 'resident'} onChange={() => setSubject('resident')} />
            <span>{t('cases:open.resident')}</span>
          </label>
          <label className="checkbox">
            <input type="radio" name="case-subject" autoFocus={subject === 'household'} checked={subject === 'household'} onChange={() => setSubject('household')} />
            <span>{t('cases:open.household')}</span>
          </label>
        </fieldset>
      ) : null}
      {subjectError ? (
        <div className="field-error" role="alert">
          {fieldText(t, subjectError)} {openCaseId !== undefined ? <Link to={`/cases/${openCaseId}`}>{t('cases:open.goToOpen')}</Link> : null}
        </div>
      ) : null}
      <Field label={t('cases:fields.openedOn')} error={save.errors.openedOn}>
        {(p) => <DateInput {...p} autoFocus={props.householdId === null} max={props.today || undefined} value={openedOn || props.today} onChange={setOpenedOn} />}
      </Field>
      <Field label={t('cases:fields.goals')} hint={t('cases:fields.goalsHint')} error={save.errors.goals}>
        {(p) => <textarea {...p} rows={3} value={goals} onChange={(e) => setGoals(e.target.value)} />}
      </Field>
      <Field label={t('cases:fields.nextReviewOn')} error={save.errors.nextReviewOn}>
        {(p) => <DateInput {...p} value={nextReviewOn} onChange={setNextReviewOn} />}
      </Field>
      {save.failure ? (
        <div role="alert" className="notice notice-error">
          {save.failure}
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={open.isPending}>
          {t('cases:open.save')}
        </button>
        <button type="button" onClick={props.onDone}>
          {t('common:cancel')}
        </button>
      </div>
    </KeyForm>
  );
}
