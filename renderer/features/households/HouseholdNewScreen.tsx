import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Resident } from '../../../shared/domain/residents';
import { useCall, useMutate } from '../../app/api';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { fieldErrorsOf, useHouseholdText } from './householdText';
import { MembersEditor, rowsToMembers, type MemberRow } from './MembersEditor';
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

function HouseholdForm({ head }: { head: Resident }) {
  const text = useHouseholdText();
  const { t } = text;
  const navigate = useNavigate();
  const create = useMutate('households.create');
  const settlements = useCall('residents.settlements', {});
  const [address, setAddress] = useState<Address>({ settlement: head.settlement, street: head.street, house: head.house, flat: head.flat });
  const [rows, setRows] = useState<MemberRow[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const back = () => void navigate(`/residents/${head.id}`);

  const save = async () => {
    if (create.isPending) return;
    const { members, errors: found } = rowsToMembers(rows);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    try {
      await create.mutateAsync({ headResidentId: head.id, members, address });
      back();
    } catch (err) {
      const fields = fieldErrorsOf(err, /^(members|address)\./);
      if (fields) setErrors(fields);
      else setFailure(text.error(err));
    }
  };

  const addressField = (name: keyof Address, label: string, list?: string) => (
    <Field label={label} error={errors[name]}>
      {(p) => <input {...p} list={list} autoComplete="off" value={address[name]} onChange={(e) => setAddress({ ...address, [name]: e.target.value })} />}
    </Field>
  );

  return (
    <div>
      <h1>{t('residents:household.registerTitle')}</h1>
      <KeyForm className="household-form" onSubmit={save} onCancel={back} aria-labelledby="household-form-head">
        <fieldset>
          <legend id="household-form-head">{t('residents:household.head')}</legend>
          <p className="household-head-name">
            <strong>{head.fullName}</strong>
            {head.birthYear !== null ? <span className="muted"> · {head.birthYear}</span> : null}
          </p>
          {errors.headResidentId ? (
            <div className="field-error" role="alert">
              {fieldText(t, errors.headResidentId)}
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
          <MembersEditor
            rows={rows}
            onChange={(next) => {
              // The messages are by row number: a removed row makes them stale.
              if (next.length < rows.length) setErrors({});
              setRows(next);
            }}
            errors={errors}
          />
        </fieldset>
        {failure ? (
          <div role="alert" className="notice notice-error">
            {failure}
          </div>
        ) : null}
        {Object.keys(errors).length > 0 && !failure ? (
          <div role="alert" className="notice notice-error">
            {t('common:errors.validation')}
          </div>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={create.isPending}>
            {t('residents:household.form.save', { count: rows.length + 1 })}
          </button>
          <button type="button" onClick={back}>
            {t('common:cancel')}
          </button>
          <span className="field-hint">{t('common:saveShortcut')}</span>
        </div>
      </KeyForm>
    </div>
  );
}
