import { useRef, useState } from 'react';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { MEMBER_RELATIONS, type MemberInput, type MemberRelation } from '../../../shared/domain/households';
import { Field } from '../../ui/Field';
import { fieldText } from '../../ui/ErrorNotice';
import { wholeNumber } from '../../ui/formNumbers';
import type { CallForm } from '../../ui/useCallForm';
import { ResidentPicker } from '../requests/ResidentPicker';
import { useHouseholdText } from './householdText';

/** A member being added: a registered resident, or an unnamed person with a birth year (typed). */
export interface MemberRow {
  key: number;
  resident: { id: number; fullName: string; birthYear: number | null } | null;
  relation: MemberRelation;
  birthYear: string;
}

let nextKey = 1;

/**
 * The rows as the call's members (households.create's `members`, households.addMember's
 * `member`): a typed birth year goes through the one number reader, so that the call's own
 * schema refuses what is not a year ("19x5": not a number; "85": not a birth year).
 */
export function rowsAsMembers(rows: MemberRow[]): MemberInput[] {
  return rows.map((r): MemberInput => (r.resident ? { residentId: r.resident.id, relation: r.relation } : { residentId: null, relation: r.relation, birthYear: wholeNumber(r.birthYear, null) }));
}

/** The fields of a row that carry a message: the resident (their id in the call), the relation, the birth year. */
const ROW_FIELDS = { residentId: 'resident', relation: 'relation', birthYear: 'birthYear' } as const;

/**
 * Where the call's message on a member ("members.2.birthYear", or "member.birthYear" for the one
 * member added) is shown: that row's field in the form's `rows` ("rows.2.birthYear"), or null.
 */
export function memberField(path: string, prefix: 'members' | 'member'): `rows.${number}.${'resident' | 'relation' | 'birthYear'}` | null {
  const parts = path.split('.');
  if (parts[0] !== prefix) return null;
  const [row, key] = prefix === 'member' ? ['0', parts[1]] : [parts[1], parts[2]];
  if (row === undefined || !/^\d+$/.test(row) || key === undefined || !(key in ROW_FIELDS)) return null;
  return `rows.${Number(row)}.${ROW_FIELDS[key as keyof typeof ROW_FIELDS]}`;
}

/** The rows' messages as the editor takes them ("2.birthYear"), read from the form's fields. */
export function rowMessages(count: number, error: (field: `rows.${number}.${'resident' | 'relation' | 'birthYear'}`) => string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < count; i += 1) {
    for (const [key, field] of Object.entries(ROW_FIELDS)) {
      const message = error(`rows.${i}.${field}`);
      if (message) out[`${i}.${key}`] = message;
    }
  }
  return out;
}

/** The row that an edit changed (the editor gives back all the rows), or null when a row was added or removed. */
function changedRow(before: MemberRow[], after: MemberRow[]): number | null {
  const i = after.findIndex((r, n) => r !== before[n]);
  return i >= 0 && after.length === before.length ? i : null;
}

/** A form whose members being added are its `rows`. */
export interface RowsValues {
  rows: MemberRow[];
}

/**
 * The editor as a field of a form on the call's schema (`useCallForm`): the rows are the form's
 * `rows`, each row's messages (placed there by `memberField`) under its own fields; a row's
 * messages go as soon as it is changed, and all of them when a row is removed (they are by number).
 */
export function MemberRowsField<V extends RowsValues>({ f, single }: { f: CallForm<V>; single?: boolean }) {
  const form = f.form as unknown as UseFormReturn<RowsValues>;
  const error = f.error as unknown as (name: string) => string | undefined;
  return (
    <Controller
      control={form.control}
      name="rows"
      render={({ field }) => (
        <MembersEditor
          rows={field.value}
          onChange={(next) => {
            if (next.length < field.value.length) form.clearErrors('rows');
            const row = changedRow(field.value, next);
            if (row !== null) form.clearErrors(`rows.${row}`);
            field.onChange(next);
          }}
          errors={rowMessages(field.value.length, error)}
          single={single}
        />
      )}
    />
  );
}

/** The relations a member may have to the head, as a select's options. */
export function RelationOptions() {
  const text = useHouseholdText();
  return (
    <>
      {MEMBER_RELATIONS.map((r) => (
        <option key={r} value={r}>
          {text.relation(r)}
        </option>
      ))}
    </>
  );
}

/**
 * The members being added, each with their relation to the head (and an unnamed one's birth
 * year), and two buttons: add a registered resident (the resident picker: type, arrows, Enter) or
 * an unnamed member. A new row's relation takes the focus; Escape in the picker closes it only.
 * `single`: one member at most (adding a member to a household).
 */
export function MembersEditor(props: { rows: MemberRow[]; onChange: (rows: MemberRow[]) => void; errors: Record<string, string>; single?: boolean | undefined }) {
  const text = useHouseholdText();
  const { t } = text;
  const [picking, setPicking] = useState(false);
  /** The row just added: its relation takes the focus as it appears. */
  const focusKey = useRef<number | null>(null);
  const pickButton = useRef<HTMLButtonElement>(null);
  const { rows, onChange } = props;

  const add = (row: Omit<MemberRow, 'key'>) => {
    const key = nextKey++;
    onChange([...rows, { ...row, key }]);
    focusKey.current = key;
  };
  const update = (key: number, change: Partial<MemberRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const full = props.single === true && rows.length > 0;

  return (
    <div className="household-members-editor">
      {rows.length > 0 ? (
        <ol className="household-rows">
          {rows.map((row, i) => {
            const residentError = props.errors[`${i}.residentId`];
            return (
              <li key={row.key} className="household-row">
                <div className="household-row-who">
                  {row.resident ? (
                    <>
                      <strong>{row.resident.fullName}</strong>
                      {row.resident.birthYear !== null ? <span className="muted"> · {row.resident.birthYear}</span> : null}
                    </>
                  ) : (
                    <span className="muted">{t('residents:household.form.unnamedMember')}</span>
                  )}
                  {residentError ? (
                    <div className="field-error" role="alert">
                      {fieldText(t, residentError)}
                    </div>
                  ) : null}
                </div>
                <Field label={t('residents:household.relation')} error={props.errors[`${i}.relation`]}>
                  {(p) => (
                    <select
                      {...p}
                      ref={(el) => {
                        if (el && focusKey.current === row.key) {
                          focusKey.current = null;
                          el.focus();
                        }
                      }}
                      value={row.relation}
                      onChange={(e) => update(row.key, { relation: e.target.value as MemberRelation })}
                    >
                      <RelationOptions />
                    </select>
                  )}
                </Field>
                {row.resident ? (
                  <div />
                ) : (
                  <Field label={t('residents:household.born')} error={props.errors[`${i}.birthYear`]} hint={t('residents:household.form.birthYearHint')}>
                    {(p) => <input {...p} inputMode="numeric" maxLength={4} autoComplete="off" value={row.birthYear} onChange={(e) => update(row.key, { birthYear: e.target.value })} />}
                  </Field>
                )}
                <button
                  type="button"
                  className="small"
                  aria-label={t('residents:household.form.removeNamed', { name: row.resident?.fullName ?? t('residents:household.form.unnamedMember') })}
                  onClick={() => {
                    onChange(rows.filter((r) => r.key !== row.key));
                    pickButton.current?.focus();
                  }}
                >
                  {t('residents:household.form.remove')}
                </button>
              </li>
            );
          })}
        </ol>
      ) : null}
      {picking ? (
        <div
          className="household-picker"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              // Closes the picker, not the whole form.
              e.stopPropagation();
              setPicking(false);
              window.setTimeout(() => pickButton.current?.focus(), 0);
            }
          }}
        >
          <ResidentPicker
            label={t('residents:household.form.findResident')}
            autoFocus
            onPick={(r) => {
              setPicking(false);
              add({ resident: { id: r.id, fullName: r.fullName, birthYear: r.birthYear }, relation: 'spouse', birthYear: '' });
            }}
          />
        </div>
      ) : null}
      {full ? null : (
        <div className="actions">
          <button type="button" ref={pickButton} onClick={() => setPicking(true)} disabled={picking} autoFocus={props.single === true && rows.length === 0}>
            {t('residents:household.form.addResident')}
          </button>
          <button type="button" onClick={() => add({ resident: null, relation: 'child', birthYear: '' })}>
            {t('residents:household.form.addUnnamed')}
          </button>
        </div>
      )}
    </div>
  );
}
