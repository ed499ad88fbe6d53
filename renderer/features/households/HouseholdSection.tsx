import { useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { LEAVE_REASONS, type Household, type HouseholdAddress, type HouseholdMember, type MemberInput, type MemberRelation } from '../../../shared/domain/households';
import { useCall, useMutate } from '../../app/api';
import { column, DataTable } from '../../ui/DataTable';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { Field, RequiredLegend } from '../../ui/Field';
import { PanelForm, setterOf, thenClose } from '../../ui/PanelForm';
import { useFormat } from '../../ui/format';
import { ResidentPicker } from '../requests/ResidentPicker';
import { useHouseholdText } from './householdText';
import { memberField, MemberRowsField, RelationOptions, rowsAsMembers, type RowsValues } from './MembersEditor';
import './households.css';
import { DateInput } from '../../ui/DateInput';
import { useCallForm } from '../../ui/useCallForm';

type Panel = { kind: 'add' } | { kind: 'address' } | { kind: 'head' } | { kind: 'end'; member: HouseholdMember } | { kind: 'move'; member: HouseholdMember } | { kind: 'split' };

/** The new head when the head leaves and others stay: one of the registered members who stay. */
function NewHeadSelect(props: { household: Household; leaving: number[]; value: number | null; onChange: (id: number | null) => void; error?: string | undefined }) {
  const text = useHouseholdText();
  const headLeaves = props.household.headMemberId !== null && props.leaving.includes(props.household.headMemberId);
  const staying = props.household.members.filter((m) => !props.leaving.includes(m.id));
  if (!headLeaves || staying.length === 0) return null;
  return (
    <MemberSelect
      label={text.t('residents:household.newHead')}
      hint={text.t('residents:household.newHeadHint')}
      members={staying.filter((m) => m.residentId !== null)}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      choose
    />
  );
}

/** One of a household's members (a head, a new head), by the membership's id; null until chosen ("Choose…", with `choose`). */
function MemberSelect(props: {
  label: string;
  members: HouseholdMember[];
  value: number | null;
  onChange: (id: number | null) => void;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  autoFocus?: boolean;
  choose?: boolean;
}) {
  const text = useHouseholdText();
  return (
    <Field label={props.label} error={props.error} hint={props.hint} required={props.required}>
      {(p) => (
        <select {...p} autoFocus={props.autoFocus} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value === '' ? null : Number(e.target.value))}>
          {props.choose ? <option value="">{text.t('residents:household.choose')}</option> : null}
          {props.members.map((m) => (
            <option key={m.id} value={m.id}>
              {text.name(m)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A day not after today, shown as the centre's today until changed ('' in the form: the call's default). */
function DayField(props: { label: string; value: string; today: string; onChange: (v: string) => void; error?: string | undefined }) {
  return (
    <Field label={props.label} error={props.error}>
      {(p) => <DateInput {...p} max={props.today || undefined} value={props.value || props.today} onChange={props.onChange} />}
    </Field>
  );
}

function RelationSelect(props: { label: string; value: MemberRelation; onChange: (r: MemberRelation) => void; error?: string | undefined; autoFocus?: boolean }) {
  return (
    <Field label={props.label} error={props.error}>
      {(p) => (
        <select {...p} autoFocus={props.autoFocus} value={props.value} onChange={(e) => props.onChange(e.target.value as MemberRelation)}>
          <RelationOptions />
        </select>
      )}
    </Field>
  );
}

/**
 * A resident's household on their page: the address, the head, the members now (relation, birth
 * year, a link to each registered one) and those who left; add a member, end a membership (left or
 * died, confirmed), move a member to another household, split. Not in one: a button to register
 * a household with them as its head.
 */
export function HouseholdSection({ residentId }: { residentId: number }) {
  const { t } = useHouseholdText();
  const households = useCall('households.ofResident', { residentId });
  const current = households.data?.current ?? null;
  return (
    <section className="card household-section" aria-labelledby="household-title">
      <div className="page-head">
        <h2 id="household-title">{t('residents:household.title')}</h2>
        {households.data && current === null ? (
          <Link to={`/residents/${residentId}/household/new`} className="button">
            {t('residents:household.register')}
          </Link>
        ) : null}
      </div>
      {households.isError ? <ErrorNotice error={households.error} /> : null}
      {households.data && current === null ? <p className="field-hint">{t('residents:household.none')}</p> : null}
      {current ? <HouseholdView household={current} residentId={residentId} /> : null}
    </section>
  );
}

function HouseholdView({ household: h, residentId }: { household: Household; residentId: number }) {
  const text = useHouseholdText();
  const { t } = text;
  const format = useFormat();
  const [panel, setPanel] = useState<Panel | null>(null);
  const head = h.members.find((m) => m.id === h.headMemberId);
  const addButton = useRef<HTMLButtonElement>(null);
  /** A panel closed (saved or cancelled): the focus goes to "Add a member", not to the page's top. */
  const close = () => {
    setPanel(null);
    window.setTimeout(() => addButton.current?.focus(), 0);
  };
  const who = (m: HouseholdMember): ReactNode =>
    m.residentId !== null && m.residentId !== residentId ? <Link to={`/residents/${m.residentId}`}>{text.name(m)}</Link> : <strong>{text.name(m)}</strong>;

  return (
    <div>
      <dl className="details household-details">
        <dt>{t('residents:household.address')}</dt>
        <dd>{h.address || t('common:none')}</dd>
        <dt>{t('residents:household.head')}</dt>
        <dd>{head ? text.name(head) : t('common:none')}</dd>
        <dt>{t('residents:household.since')}</dt>
        <dd>{format.date(h.formedOn)}</dd>
      </dl>
      <DataTable
        className="household-members"
        data={h.members}
        caption={t('residents:household.members', { count: h.size })}
        captionVisible
        empty={t('common:none')}
        rowKey={(m) => String(m.id)}
        columns={[
          column<HouseholdMember>('member', t('residents:household.member'), who),
          column<HouseholdMember>('relation', t('residents:household.relation'), (m) => text.relation(m.relation)),
          column<HouseholdMember>('born', t('residents:household.born'), (m) => m.birthYear ?? t('common:none'), { align: 'num' }),
          column<HouseholdMember>('actions', <span className="visually-hidden">{t('residents:household.actions')}</span>, (m) => (
            <div className="actions household-row-actions">
              <button type="button" className="small" aria-label={t('residents:household.end.openNamed', { name: text.name(m) })} onClick={() => setPanel({ kind: 'end', member: m })}>
                {t('residents:household.end.open')}
              </button>
              <button type="button" className="small" aria-label={t('residents:household.move.openNamed', { name: text.name(m) })} onClick={() => setPanel({ kind: 'move', member: m })}>
                {t('residents:household.move.open')}
              </button>
            </div>
          )),
        ]}
      />
      {panel === null ? (
        <div className="actions household-actions">
          <button type="button" ref={addButton} onClick={() => setPanel({ kind: 'add' })}>
            {t('residents:household.add.open')}
          </button>
          {h.members.length > 1 ? (
            <button type="button" onClick={() => setPanel({ kind: 'split' })}>
              {t('residents:household.split.open')}
            </button>
          ) : null}
          <button type="button" onClick={() => setPanel({ kind: 'address' })}>
            {t('residents:household.editAddress.open')}
          </button>
          {h.members.some((m) => m.residentId !== null && m.id !== h.headMemberId) ? (
            <button type="button" onClick={() => setPanel({ kind: 'head' })}>
              {t('residents:household.changeHead.open')}
            </button>
          ) : null}
        </div>
      ) : null}
      {panel?.kind === 'add' ? <AddMemberPanel household={h} onDone={close} /> : null}
      {panel?.kind === 'end' ? <EndPanel key={panel.member.id} household={h} member={panel.member} onDone={close} /> : null}
      {panel?.kind === 'move' ? <MovePanel key={panel.member.id} household={h} member={panel.member} onDone={close} /> : null}
      {panel?.kind === 'split' ? <SplitPanel household={h} onDone={close} /> : null}
      {panel?.kind === 'address' ? <AddressPanel household={h} onDone={close} /> : null}
      {panel?.kind === 'head' ? <HeadPanel household={h} onDone={close} /> : null}
      {h.past.length > 0 ? (
        <>
          <h3>{t('residents:household.past', { count: h.past.length })}</h3>
          <ul className="household-past">
            {h.past.map((m) => (
              <li key={m.id}>
                {who(m)}
                {m.fullName !== null ? ` · ${text.relation(m.relation)}` : null}
                {' · '}
                {m.endReason ? text.endReason(m.endReason) : null}
                {m.toOn ? ` · ${format.date(m.toOn)}` : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** A member joins: checked with households.addMember's own schema, the messages on the row's fields. */
function AddMemberPanel({ household, onDone }: { household: Household; onDone: () => void }) {
  const { t } = useHouseholdText();
  const add = useMutate('households.addMember');
  const f = useCallForm({
    call: 'households.addMember',
    defaultValues: { rows: [] } as RowsValues,
    // One row at most (the editor is `single`); none yet: the Save button waits for one.
    toInput: (v: RowsValues) => ({ id: household.id, member: rowsAsMembers(v.rows)[0] as MemberInput }),
    fieldOf: (path) => memberField(path, 'member'),
    ...thenClose(add.mutateAsync, onDone),
  });
  const rows = f.form.watch('rows');
  return (
    <PanelForm className="household-panel" title={t('residents:household.add.title')} f={f} label={t('residents:household.add.save')} busy={add.isPending} ready={rows.length > 0}>
      <MemberRowsField f={f} single />
    </PanelForm>
  );
}

/**
 * A household id the form has not got yet (nothing chosen): the call's schema refuses it with zod's
 * own words ("invalid"); the panel says what is missing instead.
 */
function missing(message: string | undefined, value: unknown, instead = 'validation.required'): string | undefined {
  return message !== undefined && (value === null || value === undefined) ? instead : message;
}

interface EndValues {
  reason: (typeof LEAVE_REASONS)[number];
  /** '' until changed: the centre's today. */
  on: string;
  newHeadMemberId: number | null;
}

function EndPanel({ household, member, onDone }: { household: Household; member: HouseholdMember; onDone: () => void }) {
  const text = useHouseholdText();
  const { t } = text;
  const end = useMutate('households.endMembership');
  const today = useCall('app.status', {}).data?.today ?? '';
  const f = useCallForm({
    call: 'households.endMembership',
    defaultValues: { reason: 'left', on: '', newHeadMemberId: null } as EndValues,
    toInput: (v: EndValues) => ({
      id: household.id,
      memberId: member.id,
      reason: v.reason,
      ...(v.on !== '' ? { on: v.on } : {}),
      ...(v.newHeadMemberId !== null ? { newHeadMemberId: v.newHeadMemberId } : {}),
    }),
    ...thenClose(end.mutateAsync, onDone),
  });
  const { register, watch, clearErrors } = f.form;
  const set = setterOf(f.form);
  const [on, newHead] = watch(['on', 'newHeadMemberId']);
  return (
    <PanelForm className="household-panel" title={t('residents:household.end.title', { name: text.name(member) })} f={f} label={t('residents:household.end.confirm')} danger busy={end.isPending}>
      <Field label={t('residents:household.end.reason')} error={f.error('reason')}>
        {(p) => (
          <select {...p} autoFocus {...register('reason', { onChange: () => clearErrors('reason') })}>
            {LEAVE_REASONS.map((r) => (
              <option key={r} value={r}>
                {text.endReason(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <DayField label={t('residents:household.end.on')} value={on} today={today} onChange={set('on')} error={f.error('on')} />
      <NewHeadSelect
        household={household}
        leaving={[member.id]}
        value={newHead}
        onChange={set('newHeadMemberId')}
        error={f.error('newHeadMemberId')}
      />
      <p>{t('residents:household.end.question')}</p>
    </PanelForm>
  );
}

interface MoveValues {
  toHouseholdId: number | null;
  relation: MemberRelation;
  newHeadMemberId: number | null;
}

function MovePanel({ household, member, onDone }: { household: Household; member: HouseholdMember; onDone: () => void }) {
  const text = useHouseholdText();
  const { t } = text;
  const move = useMutate('households.moveMember');
  const [picked, setPicked] = useState<{ id: number; fullName: string } | null>(null);
  const target = useCall('households.ofResident', { residentId: picked?.id ?? 0 }, { enabled: picked !== null });
  const to = picked ? (target.data?.current ?? null) : null;
  const f = useCallForm({
    call: 'households.moveMember',
    defaultValues: { toHouseholdId: null, relation: member.relation === 'head' ? 'spouse' : member.relation, newHeadMemberId: null } as MoveValues,
    // The household is the picked resident's; none (yet): null, which the call's schema refuses.
    toInput: (v: MoveValues) => ({
      id: household.id,
      memberId: member.id,
      toHouseholdId: to?.id as number,
      relation: v.relation,
      ...(v.newHeadMemberId !== null ? { newHeadMemberId: v.newHeadMemberId } : {}),
    }),
    ...thenClose(move.mutateAsync, onDone),
  });
  const { watch, setValue, clearErrors } = f.form;
  const set = setterOf(f.form);
  const [relation, newHead] = watch(['relation', 'newHeadMemberId']);
  const targetError = missing(f.error('toHouseholdId'), to?.id, 'validation.unknownHousehold');
  const targetAlert = targetError ? (
    <div className="field-error" role="alert">
      {fieldText(t, targetError)}
    </div>
  ) : null;
  const pick = (next: { id: number; fullName: string } | null) => {
    setPicked(next);
    setValue('toHouseholdId', null, { shouldDirty: next !== null });
    clearErrors('toHouseholdId');
  };
  const toHead = to?.members.find((m) => m.id === to.headMemberId);
  return (
    <PanelForm className="household-panel" title={t('residents:household.move.title', { name: text.name(member) })} f={f} label={t('residents:household.move.confirm')} busy={move.isPending || !to}>
      {picked === null ? (
        <div onKeyDown={(e) => e.key === 'Escape' && e.stopPropagation()}>
          <ResidentPicker label={t('residents:household.move.find')} autoFocus onPick={(r) => pick({ id: r.id, fullName: r.fullName })} />
          {targetAlert}
        </div>
      ) : (
        <div className="household-target">
          {target.data ? (
            to ? (
              <p>{t('residents:household.move.target', { address: to.address || t('common:none'), head: toHead ? text.name(toHead) : t('common:none') })}</p>
            ) : (
              <p className="notice notice-warning">{t('residents:household.move.noHousehold', { name: picked.fullName })}</p>
            )
          ) : (
            <p className="loading">{t('common:loading')}</p>
          )}
          {targetAlert}
          <button type="button" className="small" onClick={() => pick(null)}>
            {t('residents:household.move.another')}
          </button>
        </div>
      )}
      {picked !== null ? (
        <RelationSelect
          label={t('residents:household.move.relation')}
          value={relation}
          onChange={set('relation')}
          error={f.error('relation')}
          autoFocus
        />
      ) : null}
      <NewHeadSelect
        household={household}
        leaving={[member.id]}
        value={newHead}
        onChange={set('newHeadMemberId')}
        error={f.error('newHeadMemberId')}
      />
    </PanelForm>
  );
}

interface SplitValues {
  /** The members who leave, in the household's order, with their relation to the new head. */
  leaving: { memberId: number; relation: MemberRelation }[];
  headMemberId: number | null;
  newHeadMemberId: number | null;
}

/** Where households.split's members.N is shown: the Nth leaving member other than the new head. */
function splitFieldOf(path: string, v: SplitValues) {
  const [top, n, key] = path.split('.');
  if (top === 'headMemberId' || top === 'newHeadMemberId') return top;
  if (top === 'members' && n !== undefined && /^\d+$/.test(n)) {
    const others = v.leaving.map((l, i) => (l.memberId === v.headMemberId ? -1 : i)).filter((i) => i >= 0);
    const row = others[Number(n)];
    return row === undefined || key !== 'relation' ? null : (`leaving.${row}.relation` as const);
  }
  return null;
}

function SplitPanel({ household, onDone }: { household: Household; onDone: () => void }) {
  const text = useHouseholdText();
  const { t } = text;
  const split = useMutate('households.split');
  const f = useCallForm({
    call: 'households.split',
    defaultValues: { leaving: [], headMemberId: null, newHeadMemberId: null } as SplitValues,
    // A head not among those who leave is no head of theirs: sent as null, refused as "required".
    toInput: (v: SplitValues) => {
      const head = v.leaving.some((l) => l.memberId === v.headMemberId) ? v.headMemberId : null;
      return {
        id: household.id,
        headMemberId: head as number,
        members: v.leaving.filter((l) => l.memberId !== head),
        ...(v.newHeadMemberId !== null ? { newHeadMemberId: v.newHeadMemberId } : {}),
      };
    },
    fieldOf: splitFieldOf,
    ...thenClose(split.mutateAsync, onDone),
  });
  const { watch, setValue, clearErrors } = f.form;
  const set = setterOf(f.form);
  const [leaving, head, newHead] = watch(['leaving', 'headMemberId', 'newHeadMemberId']);
  const leavingIds = leaving.map((l) => l.memberId);
  const headCandidates = household.members.filter((m) => leavingIds.includes(m.id) && m.residentId !== null);
  const setLeaving = (next: SplitValues['leaving']) => {
    // In the household's order, whatever order they were ticked in.
    const order = household.members.map((m) => m.id);
    setValue(
      'leaving',
      [...next].sort((a, b) => order.indexOf(a.memberId) - order.indexOf(b.memberId)),
      { shouldDirty: true },
    );
    clearErrors('leaving');
  };
  const headError = missing(f.error('headMemberId'), leavingIds.includes(head ?? -1) ? head : null);
  return (
    <PanelForm className="household-panel" title={t('residents:household.split.title')} f={f} label={t('residents:household.split.confirm')} busy={split.isPending}>
      <RequiredLegend />
      <fieldset>
        <legend>{t('residents:household.split.leaving')}</legend>
        {household.members.map((m, i) => {
          const index = leavingIds.indexOf(m.id);
          const row = leaving[index];
          return (
            <div key={m.id} className="household-split-row">
              <label className="checkbox">
                <input
                  type="checkbox"
                  autoFocus={i === 0}
                  checked={row !== undefined}
                  onChange={(e) => {
                    if (e.target.checked) setLeaving([...leaving, { memberId: m.id, relation: m.relation === 'head' ? 'parent' : m.relation }]);
                    else setLeaving(leaving.filter((l) => l.memberId !== m.id));
                    if (!e.target.checked && head === m.id) setValue('headMemberId', null, { shouldDirty: true });
                  }}
                />
                <span>{text.name(m)}</span>
              </label>
              {row !== undefined && head !== m.id ? (
                <RelationSelect
                  label={t('residents:household.split.relation')}
                  value={row.relation}
                  onChange={(r) => setLeaving(leaving.map((l) => (l.memberId === m.id ? { ...l, relation: r } : l)))}
                  error={f.error(`leaving.${index}.relation`)}
                />
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <MemberSelect label={t('residents:household.split.head')} members={headCandidates} value={head} onChange={set('headMemberId')} error={headError} required choose />
      <NewHeadSelect
        household={household}
        leaving={leavingIds}
        value={newHead}
        onChange={set('newHeadMemberId')}
        error={f.error('newHeadMemberId')}
      />
      <p className="field-hint">{t('residents:household.split.hint')}</p>
    </PanelForm>
  );
}

type AddressValues = HouseholdAddress;

/** The household's address (the members' own records keep theirs). */
function AddressPanel({ household, onDone }: { household: Household; onDone: () => void }) {
  const { t } = useHouseholdText();
  const update = useMutate('households.update');
  const f = useCallForm({
    call: 'households.update',
    defaultValues: { settlement: household.settlement, street: household.street, house: household.house, flat: household.flat } as AddressValues,
    toInput: (address: AddressValues) => ({ id: household.id, address }),
    fieldOf: (path) => {
      const [top, key] = path.split('.');
      return top === 'address' && (key === 'settlement' || key === 'street' || key === 'house' || key === 'flat') ? key : null;
    },
    ...thenClose(update.mutateAsync, onDone),
  });
  const field = (key: keyof AddressValues, autoFocus = false) => (
    <Field label={t(`residents:form.${key}`)} error={f.error(key)}>
      {(p) => <input {...p} autoFocus={autoFocus} {...f.form.register(key, { onChange: () => f.form.clearErrors(key) })} />}
    </Field>
  );
  return (
    <PanelForm className="household-panel" title={t('residents:household.editAddress.title')} f={f} label={t('residents:household.editAddress.save')} busy={update.isPending}>
      {field('settlement', true)}
      {field('street')}
      {field('house')}
      {field('flat')}
      <p className="field-hint">{t('residents:household.editAddress.hint')}</p>
    </PanelForm>
  );
}

interface HeadValues {
  headMemberId: number | null;
  relation: MemberRelation;
  /** '' until changed: the centre's today. */
  on: string;
}

/** Another registered member heads the household from a day; the former head stays with a new relation. */
function HeadPanel({ household, onDone }: { household: Household; onDone: () => void }) {
  const text = useHouseholdText();
  const { t } = text;
  const change = useMutate('households.changeHead');
  const candidates = household.members.filter((m) => m.residentId !== null && m.id !== household.headMemberId);
  const today = useCall('app.status', {}).data?.today ?? '';
  const f = useCallForm({
    call: 'households.changeHead',
    defaultValues: { headMemberId: candidates[0]?.id ?? null, relation: 'spouse', on: '' } as HeadValues,
    toInput: (v: HeadValues) => ({ id: household.id, headMemberId: v.headMemberId as number, relation: v.relation, ...(v.on !== '' ? { on: v.on } : {}) }),
    ...thenClose(change.mutateAsync, onDone),
  });
  const set = setterOf(f.form);
  const [head, relation, on] = f.form.watch(['headMemberId', 'relation', 'on']);
  return (
    <PanelForm className="household-panel" title={t('residents:household.changeHead.title')} f={f} label={t('residents:household.changeHead.save')} busy={change.isPending}>
      <RequiredLegend />
      <MemberSelect label={t('residents:household.newHead')} members={candidates} value={head} onChange={set('headMemberId')} error={missing(f.error('headMemberId'), head)} required autoFocus />
      {household.headMemberId !== null ? (
        <RelationSelect
          label={t('residents:household.changeHead.relation')}
          value={relation}
          onChange={set('relation')}
          error={f.error('relation')}
        />
      ) : null}
      <DayField label={t('residents:household.changeHead.on')} value={on} today={today} onChange={set('on')} error={f.error('on')} />
      <p className="field-hint">{t('residents:household.changeHead.hint')}</p>
    </PanelForm>
  );
}
