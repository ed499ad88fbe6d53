import { useRef, useState } from 'react';
import { MEMBER_RELATIONS, type MemberInput, type MemberRelation } from '../../../shared/domain/households';
import { Field } from '../../ui/Field';
import { fieldText } from '../../ui/ErrorNotice';
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

/** The rows as the core's member inputs; a birth year that is not a number is a field message. */
export function rowsToMembers(rows: MemberRow[]): { members: MemberInput[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const members = rows.map((r, i): MemberInput => {
    if (r.resident) return { residentId: r.resident.id, relation: r.relation };
    const typed = r.birthYear.trim();
    if (typed !== '' && !/^\d{4}$/.test(typed)) errors[`${i}.birthYear`] = 'validation.birthYear';
    return { residentId: null, relation: r.relation, birthYear: typed === '' ? null : Number(typed) };
  });
  return { members, errors };
}

/**
 * The members being added, each with their relation to the head (and an unnamed one's birth
 * year), and two buttons: add a registered resident (the resident picker: type, arrows, Enter) or
 * an unnamed member. A new row's relation takes the focus; Escape in the picker closes it only.
 * `single`: one member at most (adding a member to a household).
 */
export function MembersEditor(props: { rows: MemberRow[]; onChange: (rows: MemberRow[]) => void; errors: Record<string, string>; single?: boolean }) {
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
                      {MEMBER_RELATIONS.map((r) => (
                        <option key={r} value={r}>
                          {text.relation(r)}
                        </option>
                      ))}
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
