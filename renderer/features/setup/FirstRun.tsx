import { useTranslation } from 'react-i18next';
import { useMutate } from '../../app/api';
import { changeLanguage } from '../../app/i18n';
import { LANGUAGE_NAMES } from '../../app/LanguageSwitcher';
import { Field, RequiredLegend } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { secretFormSchema, type Repeat } from '../../ui/secretSchemas';
import { SecretPair } from '../users/SecretPairForm';
import { contract } from '../../../shared/api/contract';
import { SelectField } from '../../ui/SelectField';
import {
  COUNTRIES,
  COUNTRY_DEFAULTS,
  CURRENCIES,
  LANGUAGES,
  type Country,
  type Currency,
  type Language,
} from '../../../shared/domain/settings';
import { PASSWORD_MIN_STRONG } from '../../../shared/domain/users';

interface FirstRunValues {
  centreName: string;
  country: Country;
  currency: Currency;
  language: Language;
  demo: boolean;
  adminName: string;
  adminPassword: string;
  adminPasswordRepeat: string;
}

/** The first admin's password typed twice (setup.complete's own schema checks an admin's length). */
const ADMIN_PASSWORD_REPEAT: Repeat = { first: 'adminPassword', repeat: 'adminPasswordRepeat', message: 'validation.passwordsDiffer' };

/** First run: the centre's name, country, currency, default language, the first admin, and a demo-data choice. */
export function FirstRun() {
  const { t, i18n } = useTranslation(['setup', 'common']);
  const complete = useMutate('setup.complete');
  const toInput = ({ adminPasswordRepeat: _, ...v }: FirstRunValues) => v;
  const f = useCallForm({
    call: 'setup.complete',
    defaultValues: {
      centreName: '',
      country: 'OTHER',
      currency: 'EUR',
      language: (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en',
      demo: false,
      adminName: '',
      adminPassword: '',
      adminPasswordRepeat: '',
    } as FirstRunValues,
    schema: secretFormSchema(contract['setup.complete'].input, { repeats: [ADMIN_PASSWORD_REPEAT] }),
    check: (v: FirstRunValues) => v,
    toInput,
    // Nothing to lose before the centre exists.
    guard: false,
    onSubmit: (input) => complete.mutateAsync(input),
  });
  const { register, watch, setValue } = f.form;
  const [country, currency, language] = watch(['country', 'currency', 'language']);

  const pickLanguage = (lng: Language) => {
    setValue('language', lng);
    void changeLanguage(lng);
  };
  const pickCountry = (c: Country) => {
    setValue('country', c);
    setValue('currency', COUNTRY_DEFAULTS[c].currency);
    pickLanguage(COUNTRY_DEFAULTS[c].language);
  };

  return (
    <main className="page narrow first-run">
      <h1>{t('setup:title')}</h1>
      <p className="lead">{t('setup:intro')}</p>
      <KeyForm onSubmit={f.submit} className="card form-grid">
        <RequiredLegend />
        <Field label={t('setup:centreName')} error={f.error('centreName')} hint={t('setup:centreNameHint')} className="span-2" required>
          {(p) => <input {...p} autoFocus {...register('centreName')} />}
        </Field>
        <Field label={t('setup:adminName')} error={f.error('adminName')} hint={t('setup:adminNameHint')} className="span-2">
          {(p) => <input {...p} {...register('adminName')} autoComplete="name" />}
        </Field>
        <SecretPair
          f={f}
          repeat={ADMIN_PASSWORD_REPEAT}
          kind="password"
          label={t('setup:adminPassword')}
          repeatLabel={t('setup:adminPasswordRepeat')}
          hint={t('setup:adminPasswordHint', { count: PASSWORD_MIN_STRONG })}
          required
        />
        <SelectField label={t('setup:country')} value={country} options={COUNTRIES} optionLabel={(c) => t(`setup:countries.${c}`)} onChange={pickCountry} />
        <SelectField label={t('setup:currency')} value={currency} options={CURRENCIES} optionLabel={(c) => t(`setup:currencies.${c}`)} onChange={(c) => setValue('currency', c)} />
        <SelectField label={t('setup:language')} value={language} options={LANGUAGES} optionLabel={(l) => LANGUAGE_NAMES[l]} onChange={pickLanguage} className="span-2" optionLang />
        <label className="checkbox span-2">
          <input type="checkbox" {...register('demo')} />
          <span>
            <strong>{t('setup:demo')}</strong>
            <span className="field-hint">{t('setup:demoHint')}</span>
          </span>
        </label>
        {f.notice}
        <div className="actions span-2">
          <button type="submit" className="primary" disabled={complete.isPending || f.saving}>
            {complete.isPending ? t('setup:starting') : t('setup:start')}
          </button>
        </div>
      </KeyForm>
    </main>
  );
}
