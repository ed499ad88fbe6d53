import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRIES, CURRENCIES, LANGUAGES, type CentreSettings } from '../../../shared/domain/settings';
import { useCall, useMutate } from '../../app/api';
import { LANGUAGE_NAMES } from '../../app/LanguageSwitcher';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field, RequiredLegend } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { SelectField } from '../../ui/SelectField';
import { HostingSection } from './HostingSection';

function SettingsForm({ initial }: { initial: CentreSettings }) {
  const { t } = useTranslation(['settings', 'setup', 'common']);
  const save = useMutate('settings.update');
  const [saved, setSaved] = useState(false);
  const f = useCallForm({
    call: 'settings.update',
    defaultValues: initial,
    toInput: (v: CentreSettings) => v,
    onSubmit: async (input) => {
      setSaved(false);
      await save.mutateAsync(input);
      setSaved(true);
    },
  });
  const { register, watch, setValue } = f.form;
  const [country, currency, language] = watch(['country', 'currency', 'language']);
  return (
    <KeyForm className="card form-grid" onSubmit={f.submit}>
      <RequiredLegend />
      <Field label={t('setup:centreName')} error={f.error('centreName')} className="span-2" required>
        {(p) => <input {...p} {...register('centreName')} />}
      </Field>
      <SelectField label={t('setup:country')} value={country} options={COUNTRIES} optionLabel={(c) => t(`setup:countries.${c}`)} onChange={(v) => setValue('country', v, { shouldDirty: true })} />
      <SelectField label={t('setup:currency')} value={currency} options={CURRENCIES} optionLabel={(c) => t(`setup:currencies.${c}`)} onChange={(v) => setValue('currency', v, { shouldDirty: true })} />
      <SelectField
        label={t('settings:defaultLanguage')}
        hint={t('settings:defaultLanguageHint')}
        value={language}
        options={LANGUAGES}
        optionLabel={(l) => LANGUAGE_NAMES[l]}
        onChange={(v) => setValue('language', v, { shouldDirty: true })}
        optionLang
      />
      {f.notice}
      {saved ? (
        <div className="notice notice-success span-2" role="status">
          {t('settings:saved')}
        </div>
      ) : null}
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={save.isPending || f.saving}>
          {t('common:save')}
        </button>
      </div>
    </KeyForm>
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
