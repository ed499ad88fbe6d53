import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { centreSettingsSchema, COUNTRIES, CURRENCIES, LANGUAGES, type CentreSettings } from '../../../shared/domain/settings';
import { useCall, useMutate } from '../../app/api';
import { LANGUAGE_NAMES } from '../../app/LanguageSwitcher';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { SelectField } from '../../ui/SelectField';
import { HostingSection } from './HostingSection';

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
      <SelectField label={t('setup:country')} value={values.country} options={COUNTRIES} optionLabel={(c) => t(`setup:countries.${c}`)} onChange={(v) => set('country', v)} />
      <SelectField label={t('setup:currency')} value={values.currency} options={CURRENCIES} optionLabel={(c) => t(`setup:currencies.${c}`)} onChange={(v) => set('currency', v)} />
      <SelectField
        label={t('settings:defaultLanguage')}
        hint={t('settings:defaultLanguageHint')}
        value={values.language}
        options={LANGUAGES}
        optionLabel={(l) => LANGUAGE_NAMES[l]}
        onChange={(v) => set('language', v)}
        optionLang
      />
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
      <HostingSection />
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
