import { useState } from 'react';
import './privacy.css';
import { useTranslation } from 'react-i18next';
import { CONSENT_SCOPES, LEGAL_BASES, type ConsentScope, type LegalBasis } from '../../../shared/domain/privacy';
import { useCall, useMutate } from '../../app/api';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { Field, RequiredLegend, RequiredMark } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { useFormat } from '../../ui/format';
import { DateInput } from '../../ui/DateInput';

/**
 * The consent records of a resident (legal basis, scope, date, notice version, who recorded it),
 * a form to record one and a button to withdraw each: withdrawing is as easy as giving (art. 7).
 */
export function ConsentPanel(props: { residentId: number; today: string }) {
  const { t } = useTranslation(['privacy', 'common']);
  const format = useFormat();
  const consents = useCall('privacy.consents', { residentId: props.residentId });
  const withdraw = useMutate('privacy.withdrawConsent');
  const [open, setOpen] = useState(false);

  return (
    <section className="card consent-panel" aria-labelledby="consent-title">
      <div className="page-head">
        <h2 id="consent-title">{t('privacy:consent.title')}</h2>
        {open ? null : (
          <button type="button" onClick={() => setOpen(true)}>
            {t('privacy:consent.record')}
          </button>
        )}
      </div>
      {consents.data && consents.data.length === 0 ? <p className="field-hint">{t('privacy:consent.none')}</p> : null}
      {consents.data && consents.data.length > 0 ? (
        <ul className="consent-list">
          {consents.data.map((c) => (
            <li key={c.id} className={c.withdrawnOn ? 'withdrawn' : ''}>
              <div>
                <strong>{t(`privacy:basis.${c.basis}`)}</strong>
                {' · '}
                {c.scopes.map((s) => t(`privacy:scope.${s}`)).join(', ')}
              </div>
              <div className="field-hint">
                {t('privacy:consent.given', { date: format.date(c.givenOn), version: c.noticeVersion, name: c.recordedBy })}
                {c.note ? ` · ${c.note}` : ''}
              </div>
              {c.withdrawnOn ? (
                <div className="field-hint">{t('privacy:consent.withdrawn', { date: format.date(c.withdrawnOn), name: c.withdrawnBy ?? '' })}</div>
              ) : (
                <ConfirmButton
                  label={t('privacy:consent.withdraw')}
                  aria-label={t('privacy:consent.withdrawLabel', { basis: t(`privacy:basis.${c.basis}`), date: format.date(c.givenOn) })}
                  question={c.scopes.includes('health') ? t('privacy:consent.withdrawHealthWarning') : t('privacy:consent.withdrawQuestion')}
                  confirmLabel={t('privacy:consent.withdrawConfirm')}
                  busy={withdraw.isPending}
                  onConfirm={() => withdraw.mutateAsync({ consentId: c.id }).catch(() => undefined)}
                />
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorNotice error={withdraw.error} />
      {open ? <ConsentForm residentId={props.residentId} today={props.today} onDone={() => setOpen(false)} /> : null}
    </section>
  );
}

interface ConsentValues {
  basis: LegalBasis;
  scopes: ConsentScope[];
  givenOn: string;
  note: string;
}

/**
 * Record a consent, checked with privacy.recordConsent's own schema: a scope is required, and
 * health needs a basis that covers it (said as soon as the basis or the scopes change).
 */
function ConsentForm(props: { residentId: number; today: string; onDone: () => void }) {
  const { t } = useTranslation(['privacy', 'common']);
  const settings = useCall('privacy.settings', {});
  const status = useCall('app.status', {});
  const record = useMutate('privacy.recordConsent');
  const f = useCallForm({
    call: 'privacy.recordConsent',
    defaultValues: { basis: 'consent', scopes: ['basic'], givenOn: props.today, note: '' } as ConsentValues,
    toInput: (v: ConsentValues) => ({ residentId: props.residentId, ...v }),
    onCancel: props.onDone,
    onSubmit: async (input) => {
      await record.mutateAsync(input);
      props.onDone();
    },
  });
  const { register, watch, setValue, clearErrors, trigger } = f.form;
  const [basis, scopes, givenOn] = watch(['basis', 'scopes', 'givenOn']);
  // The basis and the scopes are checked together as they change (the schema's health rule).
  const recheck = () => void trigger(['basis', 'scopes']);
  const toggle = (s: ConsentScope, on: boolean) => {
    setValue('scopes', on ? [...scopes, s] : scopes.filter((x) => x !== s), { shouldDirty: true });
    recheck();
  };
  const basisError = f.error('basis');
  const scopesError = f.error('scopes');

  return (
    <KeyForm className="form-grid consent-form" onSubmit={f.submit} onCancel={f.cancel}>
      <RequiredLegend />
      <Field label={t('privacy:consent.basis')} error={basisError} hint={t(`privacy:basisHint.${basis}`)} required>
        {(p) => (
          <select {...p} autoFocus {...register('basis', { onChange: recheck })}>
            {LEGAL_BASES.map((b) => (
              <option key={b} value={b}>
                {t(`privacy:basis.${b}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('privacy:consent.givenOn')} error={f.error('givenOn')} required>
        {(p) => (
          <DateInput
            {...p}
            value={givenOn}
            max={props.today}
            onChange={(value) => {
              setValue('givenOn', value, { shouldDirty: true });
              clearErrors('givenOn');
            }}
          />
        )}
      </Field>
      <fieldset className="span-2 scopes">
        <legend>
          {t('privacy:consent.scopes')} <RequiredMark />
        </legend>
        {CONSENT_SCOPES.map((s) => (
          <label key={s} className="checkbox">
            <input type="checkbox" checked={scopes.includes(s)} onChange={(e) => toggle(s, e.target.checked)} />
            <span>{t(`privacy:scope.${s}`)}</span>
          </label>
        ))}
        {scopesError ? (
          <div className="field-error" role="alert">
            {fieldText(t, scopesError)}
          </div>
        ) : null}
      </fieldset>
      <Field label={t('privacy:consent.note')} error={f.error('note')} className="span-2" hint={t('privacy:consent.noteHint')}>
        {(p) => <input {...p} autoComplete="off" {...register('note', { onChange: () => clearErrors('note') })} />}
      </Field>
      <p className="field-hint span-2">{t('privacy:consent.noticeVersion', { version: settings.data?.noticeVersion ?? '', name: status.data?.user.name ?? '' })}</p>
      {f.notice}
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={record.isPending || f.saving || basisError === 'validation.healthBasis'}>
          {t('privacy:consent.save')}
        </button>
        <button type="button" onClick={f.cancel}>
          {t('common:cancel')}
        </button>
      </div>
    </KeyForm>
  );
}
