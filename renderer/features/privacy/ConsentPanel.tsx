import { useState, type FormEvent } from 'react';
import './privacy.css';
import { useTranslation } from 'react-i18next';
import { CONSENT_SCOPES, HEALTH_BASES, LEGAL_BASES, type ConsentScope, type LegalBasis } from '../../../shared/domain/privacy';
import { useCall, useMutate } from '../../app/api';
import { ApiError } from '../../bridge';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
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
  const settings = useCall('privacy.settings', {});
  const status = useCall('app.status', {});
  const record = useMutate('privacy.recordConsent');
  const withdraw = useMutate('privacy.withdrawConsent');
  const [open, setOpen] = useState(false);
  const [basis, setBasis] = useState<LegalBasis>('consent');
  const [scopes, setScopes] = useState<ConsentScope[]>(['basic']);
  const [givenOn, setGivenOn] = useState(props.today);
  const [note, setNote] = useState('');

  const fieldError = (path: string) =>
    record.error instanceof ApiError ? record.error.body.fields?.find((f) => f.path === path)?.message : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await record.mutateAsync({ residentId: props.residentId, basis, scopes, givenOn, note });
      setOpen(false);
      setNote('');
    } catch {
      // Shown beside the fields.
    }
  };

  const toggle = (s: ConsentScope, on: boolean) => setScopes((list) => (on ? [...list, s] : list.filter((x) => x !== s)));
  const healthWithoutBasis = scopes.includes('health') && !HEALTH_BASES.includes(basis);

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
      {open ? (
        <form className="form-grid consent-form" noValidate onSubmit={(e) => void submit(e)}>
          <Field label={t('privacy:consent.basis')} error={fieldError('basis') ?? (healthWithoutBasis ? 'validation.healthBasis' : undefined)} hint={t(`privacy:basisHint.${basis}`)}>
            {(p) => (
              <select {...p} value={basis} autoFocus onChange={(e) => setBasis(e.target.value as LegalBasis)}>
                {LEGAL_BASES.map((b) => (
                  <option key={b} value={b}>
                    {t(`privacy:basis.${b}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('privacy:consent.givenOn')} error={fieldError('givenOn')}>
            {(p) => <DateInput {...p} value={givenOn} max={props.today} onChange={setGivenOn} />}
          </Field>
          <fieldset className="span-2 scopes">
            <legend>{t('privacy:consent.scopes')}</legend>
            {CONSENT_SCOPES.map((s) => (
              <label key={s} className="checkbox">
                <input type="checkbox" checked={scopes.includes(s)} onChange={(e) => toggle(s, e.target.checked)} />
                <span>{t(`privacy:scope.${s}`)}</span>
              </label>
            ))}
            {fieldError('scopes') ? (
              <div className="field-error" role="alert">
                {fieldText(t, fieldError('scopes') ?? '')}
              </div>
            ) : null}
          </fieldset>
          <Field label={t('privacy:consent.note')} error={fieldError('note')} className="span-2" hint={t('privacy:consent.noteHint')}>
            {(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} autoComplete="off" />}
          </Field>
          <p className="field-hint span-2">{t('privacy:consent.noticeVersion', { version: settings.data?.noticeVersion ?? '', name: status.data?.user.name ?? '' })}</p>
          {record.error instanceof ApiError && record.error.body.code === 'validation' ? null : <ErrorNotice error={record.error} />}
          <div className="actions span-2">
            <button type="submit" className="primary" disabled={record.isPending || healthWithoutBasis}>
              {t('privacy:consent.save')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('common:cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
