import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { LEAVE_REASONS, MEMBER_RELATIONS, type Household, type HouseholdMember, type MemberRelation } from '../../../shared/domain/households';
import { useCall, useMutate } from '../../app/api';
import { column, DataTable } from '../../ui/DataTable';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useFormat } from '../../ui/format';
import { ResidentPicker } from '../requests/ResidentPicker';
import { fieldErrorsOf, useHouseholdText } from './householdText';
import { MembersEditor, rowsToMembers, type MemberRow } from './MembersEditor';
import './households.css';
import { DateInput } from '../../ui/DateInput';

type Panel = { kind: 'add' } | { kind: 'address' } | { kind: 'head' } | { kind: 'end'; member: HouseholdMember } | { kind: 'move'; member: HouseholdMember } | { kind: 'split' };

/** A save that shows field messages beside the fields and any other failure as one translated line. */
function useSave(strip?: RegExp) {
  const text = useHouseholdText();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const attempt = async (found: Record<string, string>, save: () => Promise<void>) => {
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    try {
      await save();
    } catch (err) {
      const fields = fieldErrorsOf(err, strip);
      if (fields) setErrors(fields);
      else setFailure(text.error(err));
    }
  };
  return { errors, failure, attempt };
}

function Failure({ failure, errors, shown }: { failure: string | null; errors: Record<string, string>; shown: string[] }) {
  const { t } = useHouseholdText();
  const others = Object.entries(errors).filter(([k]) => !shown.includes(k));
  if (!failure && others.length === 0) return null;
  return (
    <div role="alert" className="notice notice-error">
      {failure ?? others.map(([, m]) => fieldText(t, m)).join(' ')}
    </div>
  );
}

/** Confirm (or save) and Cancel at the end of a panel. */
function PanelActions({ label, onCancel, danger, busy }: { label: string; onCancel: () => void; danger?: boolean; busy: boolean }) {
  const { t } = useHouseholdText();
  return (
    <div className="actions">
      <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy}>
        {label}
      </button>
      <button type="button" onClick={onCancel}>
        {t('common:cancel')}
      </button>
    </div>
  );
}

/** The new head when the head leaves and others stay: one of the registered members who stay. */
function NewHeadSelect(props: { household: Household; leaving: number[]; value: number | null; onChange: (id: number | null) => void; error?: string | undefined }) {
  const text = useHouseholdText();
  const headLeaves = props.household.headMemberId !== null && props.leaving.includes(props.household.headMemberId);
  const staying = props.household.members.filter((m) => !props.leaving.includes(m.id));
  if (!headLeaves || staying.length === 0) return null;
  const candidates = staying.filter((m) => m.residentId !== null);
  return (
    <Field label={text.t('residents:household.newHead')} error={props.error} hint={text.t('residents:household.newHeadHint')}>
      {(p) => (
        <select {...p} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value === '' ? null : Number(e.target.value))}>
          <option value="">{text.t('residents:household.choose')}</option>
          {candidates.map((m) => (
            <option key={m.id} value={m.id}>
              {text.name(m)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function RelationSelect(props: { label: string; value: MemberRelation; onChange: (r: MemberRelation) => void; error?: string | undefined; autoFocus?: boolean }) {
  const text = useHouseholdText();
  return (
    <Field label={props.label} error={props.error}>
      {(p) => (
        <select {...p} autoFocus={props.autoFocus} value={props.value} onChange={(e) => props.onChange(e.target.value as MemberRelation)}>
          {MEMBER_RELATIONS.map((r) => (
            <option key={r} value={r}>
              {text.relation(r)}
            </option>
          ))}
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

function AddMemberPanel({ household, onDone }: { household: Household; onDone: () => void }) {
  const { t } = useHouseholdText();
  const add = useMutate('households.addMember');
  const [rows, setRows] = useState<MemberRow[]>([]);
  const save = useSave(/^member\./);
  // The single row's messages are under "0." in the editor.
  const errors = Object.fromEntries(Object.entries(save.errors).map(([k, v]) => [k === 'residentId' || k === 'birthYear' || k === 'relation' ? `0.${k}` : k, v]));
  const submit = () => {
    const { members, errors: found } = rowsToMembers(rows);
    const member = members[0];
    return save.attempt(found, async () => {
      if (!member) return;
      await add.mutateAsync({ id: household.id, member });
      onDone();
    });
  };
  return (
    <KeyForm className="card household-panel" onSubmit={submit} onCancel={onDone} aria-labelledby="household-add-title">
      <h3 id="household-add-title">{t('residents:household.add.title')}</h3>
      <MembersEditor rows={rows} onChange={setRows} errors={errors} single />
      <Failure failure={save.failure} errors={errors} shown={['0.residentId', '0.birthYear', '0.relation']} />
      <PanelActions label={t('residents:household.add.save')} onCancel={onDone} busy={add.isPending || rows.length === 0} />
    </KeyForm>
  );
}

function EndPanel({ household, member, onDone }: { household: Household; member: HouseholdMember; onDone: () => void }) {
  const text = useHouseholdText();
  const { t } = text;
  const end = useMutate('households.endMembership');
  const [reason, setReason] = useState<(typeof LEAVE_REASONS)[number]>('left');
  const [newHead, setNewHead] = useState<number | null>(null);
  const today = useCall('app.status', {}).data?.today ?? '';
  // Empty until changed: the centre's today.
  const [on, setOn] = useState('');
  const save = useSave();
  const submit = () =>
    save.attempt({}, async () => {
      await end.mutateAsync({ id: household.id, memberId: member.id, reason, ...(on !== '' ? { on } : {}), ...(newHead !== null ? { newHeadMemberId: newHead } : {}) });
      onDone();
    });
  return (
    <KeyForm className="card household-panel" onSubmit={submit} onCancel={onDone} aria-labelledby="household-end-title">
      <h3 id="household-end-title">{t('residents:household.end.title', { name: text.name(member) })}</h3>
      <Field label={t('residents:household.end.reason')}>
        {(p) => (
          <select {...p} autoFocus value={reason} onChange={(e) => setReason(e.target.value as typeof reason)}>
            {LEAVE_REASONS.map((r) => (
              <option key={r} value={r}>
                {text.endReason(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('residents:household.end.on')} error={save.errors.on}>
        {(p) => <DateInput {...p} max={today || undefined} value={on || today} onChange={setOn} />}
      </Field>
      <NewHeadSelect household={household} leaving={[member.id]} value={newHead} onChange={setNewHead} error={save.errors.newHeadMemberId} />
      <p>{t('residents:household.end.question')}</p>
      <Failure failure={save.failure} errors={save.errors} shown={['newHeadMemberId', 'on']} />
      <PanelActions label={t('residents:household.end.confirm')} onCancel={onDone} danger busy={end.isPending} />
    </KeyForm>
  );
}

function MovePanel({ household, member, onDone }: { household: Household; member: HouseholdMember; onDone: () => void }) {
  const text = useHouseholdText();
  const { t } = text;
  const move = useMutate('households.moveMember');
  const [picked, setPicked] = useState<{ id: number; fullName: string } | null>(null);
  const [relation, setRelation] = useState<MemberRelation>(member.relation === 'head' ? 'spouse' : member.relation);
  const [newHead, setNewHead] = useState<number | null>(null);
  const target = useCall('households.ofResident', { residentId: picked?.id ?? 0 }, { enabled: picked !== null });
  const to = picked ? (target.data?.current ?? null) : null;
  const save = useSave();
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const found: Record<string, string> = {};
    if (!to) found.toHouseholdId = 'validation.unknownHousehold';
    return save.attempt(found, async () => {
      if (!to) return;
      await move.mutateAsync({ id: household.id, memberId: member.id, toHouseholdId: to.id, relation, ...(newHead !== null ? { newHeadMemberId: newHead } : {}) });
      onDone();
    });
  };
  const toHead = to?.members.find((m) => m.id === to.headMemberId);
  return (
    <KeyForm className="card household-panel" onSubmit={submit} onCancel={onDone} aria-labelledby="household-move-title">
      <h3 id="household-move-title">{t('residents:household.move.title', { name: text.name(member) })}</h3>
      {picked === null ? (
        <div onKeyDown={(e) => e.key === 'Escape' && e.stopPropagation()}>
          <ResidentPicker label={t('residents:household.move.find')} autoFocus onPick={(r) => setPicked({ id: r.id, fullName: r.fullName })} />
          {save.errors.toHouseholdId ? (
            <div className="field-error" role="alert">
              {fieldText(t, save.errors.toHouseholdId)}
            </div>
          ) : null}
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
          {save.errors.toHouseholdId ? (
            <div className="field-error" role="alert">
              {fieldText(t, save.errors.toHouseholdId)}
            </div>
          ) : null}
          <button type="button" className="small" onClick={() => setPicked(null)}>
            {t('residents:household.move.another')}
          </button>
        </div>
      )}
      {picked !== null ? <RelationSelect label={t('residents:household.move.relation')} value={relation} onChange={setRelation} error={save.errors.relation} autoFocus /> : null}
      <NewHeadSelect household={household} leaving={[member.id]} value={newHead} onChange={setNewHead} error={save.errors.newHeadMemberId} />
      <Failure failure={save.failure} errors={save.errors} shown={['toHouseholdId', 'relation', 'newHeadMemberId']} />
      <PanelActions label={t('residents:household.move.confirm')} onCancel={onDone} busy={move.isPending || !to} />
    </KeyForm>
  );
}

function SplitPanel({ household, onDone }: { household: Household; onDone: () => void }) {
  const text = useHouseholdText();
  const { t } = text;
  const split = useMutate('households.split');
  const [leaving, setLeaving] = useState<Record<number, MemberRelation>>({});
  const [head, setHead] = useState<number | null>(null);
  const [newHead, setNewHead] = useState<number | null>(null);
  const save = useSave();
  const leavingIds = household.members.filter((m) => leaving[m.id] !== undefined).map((m) => m.id);
  const headCandidates = household.members.filter((m) => leaving[m.id] !== undefined && m.residentId !== null);
  const submit = () => {
    const found: Record<string, string> = {};
    if (head === null || !leavingIds.includes(head)) found.headMemberId = 'validation.required';
    return save.attempt(found, async () => {
      if (head === null) return;
      const members = leavingIds.filter((id) => id !== head).map((id) => ({ memberId: id, relation: leaving[id] ?? 'otherRelative' }));
      await split.mutateAsync({ id: household.id, headMemberId: head, members, ...(newHead !== null ? { newHeadMemberId: newHead } : {}) });
      onDone();
    });
  };
  return (
    <KeyForm className="card household-panel" onSubmit={submit} onCancel={onDone} aria-labelledby="household-split-title">
      <h3 id="household-split-title">{t('residents:household.split.title')}</h3>
      <fieldset>
        <legend>{t('residents:household.split.leaving')}</legend>
        {household.members.map((m, i) => (
          <div key={m.id} className="household-split-row">
            <label className="checkbox">
              <input
                type="checkbox"
                autoFocus={i === 0}
                checked={leaving[m.id] !== undefined}
                onChange={(e) => {
                  const next = { ...leaving };
                  if (e.target.checked) next[m.id] = m.relation === 'head' ? 'parent' : m.relation;
                  else delete next[m.id];
                  setLeaving(next);
                  if (!e.target.checked && head === m.id) setHead(null);
                }}
              />
              <span>{text.name(m)}</span>
            </label>
            {leaving[m.id] !== undefined && head !== m.id ? (
              <RelationSelect
                label={t('residents:household.split.relation')}
                value={leaving[m.id] ?? 'otherRelative'}
                onChange={(r) => setLeaving({ ...leaving, [m.id]: r })}
                error={save.errors[`members.${leavingIds.filter((id) => id !== head).indexOf(m.id)}.relation`]}
              />
            ) : null}
          </div>
        ))}
      </fieldset>
      <Field label={t('residents:household.split.head')} error={save.errors.headMemberId}>
        {(p) => (
          <select {...p} value={head ?? ''} onChange={(e) => setHead(e.target.value === '' ? null : Number(e.target.value))}>
            <option value="">{t('residents:household.choose')}</option>
            {headCandidates.map((m) => (
              <option key={m.id} value={m.id}>
                {text.name(m)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <NewHeadSelect household={household} leaving={leavingIds} value={newHead} onChange={setNewHead} error={save.errors.newHeadMemberId} />
      <p className="field-hint">{t('residents:household.split.hint')}</p>
      <Failure failure={save.failure} errors={save.errors} shown={['headMemberId', 'newHeadMemberId', ...leavingIds.map((_, i) => `members.${i}.relation`)]} />
      <PanelActions label={t('residents:household.split.confirm')} onCancel={onDone} busy={split.isPending} />
    </KeyForm>
  );
}

/** The household's address (the members' own records keep theirs). */
function AddressPanel({ household, onDone }: { household: Household; onDone: () => void }) {
  const { t } = useHouseholdText();
  const update = useMutate('households.update');
  const [address, setAddress] = useState({ settlement: household.settlement, street: household.street, house: household.house, flat: household.flat });
  const save = useSave(/^address\./);
  const submit = () =>
    save.attempt({}, async () => {
      await update.mutateAsync({ id: household.id, address });
      onDone();
    });
  const field = (key: keyof typeof address, autoFocus = false) => (
    <Field label={t(`residents:form.${key}`)} error={save.errors[key]}>
      {(p) => <input {...p} autoFocus={autoFocus} value={address[key]} onChange={(e) => setAddress({ ...address, [key]: e.target.value })} />}
    </Field>
  );
  return (
    <KeyForm className="card household-panel" onSubmit={submit} onCancel={onDone} aria-labelledby="household-address-title">
      <h3 id="household-address-title">{t('residents:household.editAddress.title')}</h3>
      {field('settlement', true)}
      {field('street')}
      {field('house')}
      {field('flat')}
      <p className="field-hint">{t('residents:household.editAddress.hint')}</p>
      <Failure failure={save.failure} errors={save.errors} shown={['settlement', 'street', 'house', 'flat']} />
      <PanelActions label={t('residents:household.editAddress.save')} onCancel={onDone} busy={update.isPending} />
    </KeyForm>
  );
}

/** Another registered member heads the household from a day; the former head stays with a new relation. */
function HeadPanel({ household, onDone }: { household: Household; onDone: () => void }) {
  const text = useHouseholdText();
  const { t } = text;
  const change = useMutate('households.changeHead');
  const candidates = household.members.filter((m) => m.residentId !== null && m.id !== household.headMemberId);
  const [head, setHead] = useState<number | null>(candidates[0]?.id ?? null);
  const [relation, setRelation] = useState<MemberRelation>('spouse');
  const today = useCall('app.status', {}).data?.today ?? '';
  const [on, setOn] = useState('');
  const save = useSave();
  const submit = () => {
    const found: Record<string, string> = {};
    if (head === null) found.headMemberId = 'validation.required';
    return save.attempt(found, async () => {
      if (head === null) return;
      await change.mutateAsync({ id: household.id, headMemberId: head, relation, ...(on !== '' ? { on } : {}) });
      onDone();
    });
  };
  return (
    <KeyForm className="card household-panel" onSubmit={submit} onCancel={onDone} aria-labelledby="household-head-title">
      <h3 id="household-head-title">{t('residents:household.changeHead.title')}</h3>
      <Field label={t('residents:household.newHead')} error={save.errors.headMemberId}>
        {(p) => (
          <select {...p} autoFocus value={head ?? ''} onChange={(e) => setHead(e.target.value === '' ? null : Number(e.target.value))}>
            {candidates.map((m) => (
              <option key={m.id} value={m.id}>
                {text.name(m)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {household.headMemberId !== null ? <RelationSelect label={t('residents:household.changeHead.relation')} value={relation} onChange={setRelation} error={save.errors.relation} /> : null}
      <Field label={t('residents:household.changeHead.on')} error={save.errors.on}>
        {(p) => <DateInput {...p} max={today || undefined} value={on || today} onChange={setOn} />}
      </Field>
      <p className="field-hint">{t('residents:household.changeHead.hint')}</p>
      <Failure failure={save.failure} errors={save.errors} shown={['headMemberId', 'relation', 'on']} />
      <PanelActions label={t('residents:household.changeHead.save')} onCancel={onDone} busy={change.isPending} />
    </KeyForm>
  );
}
