import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { centreSettingsSchema, COUNTRIES, CURRENCIES, LANGUAGES, type CentreSettings } from '../../../shared/domain/settings';
import { useCall, useMutate } from '../../app/api';
import { LANGUAGE_NAMES } from '../../app/LanguageSwitcher';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';

function SettingsForm({ initial }: { initial: CentreSettings }) {
  const { t } = useTranslation(['settings', 'setup', 'common']);
  const save = useMutate('settings.update');
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const set = <K extends keyof CentreSettings>(key: K, value: CentreSettings[K]) => setValues((v) => ({ ...v, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = centreSettingsSchema.safeParse(values);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    save.mutate(parsed.data);
  };
  return (
    <form className="card form-grid" onSubmit={submit} noValidate>
      <Field label={t('setup:centreName')} error={error} className="span-2">
        {(p) => <input {...p} value={values.centreName} onChange={(e) => set('centreName', e.target.value)} />}
      </Field>
      <Field label={t('setup:country')}>
        {(p) => (
          <select {...p} value={values.country} onChange={(e) => set('country', e.target.value as CentreSettings['country'])}>
            {COUNTRIES.map((c) => (
              <option key={c} value={c}>
                {t(`setup:countries.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('setup:currency')}>
        {(p) => (
          <select {...p} value={values.currency} onChange={(e) => set('currency', e.target.value as CentreSettings['currency'])}>
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {t(`setup:currencies.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('settings:defaultLanguage')} hint={t('settings:defaultLanguageHint')}>
        {(p) => (
          <select {...p} value={values.language} onChange={(e) => set('language', e.target.value as CentreSettings['language'])}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ErrorNotice error={save.error} />
      {save.isSuccess ? (
        <div className="notice notice-success span-2" role="status">
          {t('settings:saved')}
        </div>
      ) : null}
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('common:save')}
        </button>
      </div>
    </form>
  );
}

export function SettingsScreen() {
  const { t } = useTranslation(['settings', 'common']);
  const status = useCall('app.status', {});
  const counts = useCall('app.counts', {});
  if (!status.data?.settings) return <ErrorNotice error={status.error} />;
  return (
    <div>
      <h1>{t('settings:title')}</h1>
      <SettingsForm initial={status.data.settings} />
      <section className="card">
        <h2>{t('settings:about')}</h2>
        <dl className="details">
          <dt>{t('settings:version')}</dt>
          <dd>{status.data.version}</dd>
          <dt>{t('settings:schema')}</dt>
          <dd>{status.data.schemaVersion}</dd>
          {counts.data ? (
            <>
              <dt>{t('settings:records')}</dt>
              <dd>
                {t('settings:residentsCount', { count: counts.data.residents })} · {t('settings:requestsCount', { count: counts.data.requests })}
              </dd>
            </>
          ) : null}
        </dl>
      </section>
    </div>
  );
}
