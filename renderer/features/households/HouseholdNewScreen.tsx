import { useWatch, type Path } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import type { Resident } from '../../../shared/domain/residents';
import { useCall, useMutate } from '../../app/api';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { useHouseholdText } from './householdText';
import { memberField, MemberRowsField, rowMessages, rowsAsMembers, type RowsValues } from './MembersEditor';
import './households.css';

/** Register a household from a resident's page: they are its head. */
export function HouseholdNewScreen() {
  const { t } = useHouseholdText();
  const id = Number(useParams().id);
  const page = useCall('residents.get', { id });
  if (page.isError) return <ErrorNotice error={page.error} />;
  if (!page.data) return <p className="loading">{t('common:loading')}</p>;
  return <HouseholdForm key={id} head={page.data.resident} />;
}

type Address = { settlement: string; street: string; house: string; flat: string };
type HouseholdValues = Address & RowsValues;

function HouseholdForm({ head }: { head: Resident }) {
  const text = useHouseholdText();
  const { t } = text;
  const navigate = useNavigate();
  const create = useMutate('households.create');
  const settlements = useCall('residents.settlements', {});
  const back = () => void navigate(`/residents/${head.id}`);
  const f = useCallForm({
    call: 'households.create',
    defaultValues: { settlement: head.settlement, street: head.street, house: head.house, flat: head.flat, rows: [] } as HouseholdValues,
    toInput: (v: HouseholdValues) => ({
      headResidentId: head.id,
      members: rowsAsMembers(v.rows),
      address: { settlement: v.settlement, street: v.street, house: v.house, flat: v.flat },
    }),
    // The address's fields by their names, a member's on its row ("rows.<row>.<field>"), the head above the buttons' notice.
    fieldOf: (path) => {
      if (path.startsWith('address.')) return path.slice(8) as keyof Address;
      if (path.startsWith('members.')) return memberField(path, 'members');
      if (path.startsWith('headResidentId')) return 'headResidentId' as Path<HouseholdValues>;
      return null;
    },
    onCancel: back,
    onSubmit: async (input) => {
      await create.mutateAsync(input);
      back();
    },
  });
  const { register, control } = f.form;
  const rows = useWatch({ control, name: 'rows' });
  const errors = rowMessages(rows.length, f.error);
  const headError = f.error('headResidentId' as Path<HouseholdValues>);

  const addressField = (name: keyof Address, label: string, list?: string) => (
    <Field label={label} error={f.error(name)}>
      {(p) => <input {...p} {...register(name)} list={list} autoComplete="off" />}
    </Field>
  );

  return (
    <div>
      <h1>{t('residents:household.registerTitle')}</h1>
      <KeyForm className="household-form" onSubmit={f.submit} onCancel={f.cancel} aria-labelledby="household-form-head">
        <fieldset>
          <legend id="household-form-head">{t('residents:household.head')}</legend>
          <p className="household-head-name">
            <strong>{head.fullName}</strong>
            {head.birthYear !== null ? <span className="muted"> · {head.birthYear}</span> : null}
          </p>
          {headError ? (
            <div className="field-error" role="alert">
              {fieldText(t, headError)}
            </div>
          ) : null}
        </fieldset>
        <fieldset className="form-grid-4">
          <legend>{t('residents:household.address')}</legend>
          {addressField('settlement', t('residents:form.settlement'), 'household-settlements')}
          {addressField('street', t('residents:form.street'))}
          {addressField('house', t('residents:form.house'))}
          {addressField('flat', t('residents:form.flat'))}
          <datalist id="household-settlements">
            {(settlements.data ?? []).map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </fieldset>
        <fieldset>
          <legend>{t('residents:household.form.otherMembers')}</legend>
          {rows.length === 0 ? <p className="field-hint">{t('residents:household.form.noMembers')}</p> : null}
          <MemberRowsField f={f} />
        </fieldset>
        {f.notice}
        {Object.keys(errors).length > 0 || headError ? (
          <div role="alert" className="notice notice-error">
            {t('common:errors.validation')}
          </div>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={create.isPending || f.saving}>
            {t('residents:household.form.save', { count: rows.length + 1 })}
          </button>
          <button type="button" onClick={f.cancel}>
            {t('common:cancel')}
          </button>
          <span className="field-hint">{t('common:saveShortcut')}</span>
        </div>
      </KeyForm>
    </div>
  );
}
