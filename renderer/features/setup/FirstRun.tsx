import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutate } from '../../app/api';
import { changeLanguage } from '../../app/i18n';
import { LANGUAGE_NAMES } from '../../app/LanguageSwitcher';
import { Field } from '../../ui/Field';
import { SelectField } from '../../ui/SelectField';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ApiError } from '../../bridge';
import {
  centreSettingsSchema,
  COUNTRIES,
  COUNTRY_DEFAULTS,
  CURRENCIES,
  LANGUAGES,
  type Country,
  type Currency,
  type Language,
} from '../../../shared/domain/settings';
import { passwordProblem, PASSWORD_MIN_STRONG } from '../../../shared/domain/users';

/** First run: the centre's name, country, currency, default language, and a demo-data choice. */
export function FirstRun() {
  const { t, i18n } = useTranslation(['setup', 'common']);
  const complete = useMutate('setup.complete');
  const [centreName, setCentreName] = useState('');
  const [country, setCountry] = useState<Country>('OTHER');
  const [currency, setCurrency] = useState<Currency>('EUR');
  const [language, setLanguage] = useState<Language>((LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en');
  const [demo, setDemo] = useState(false);
  const [adminName, setAdminName] = useState('');
  const [adminPassword, setAdminPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const pickLanguage = (lng: Language) => {
    setLanguage(lng);
    void changeLanguage(lng);
  };
  const pickCountry = (c: Country) => {
    setCountry(c);
    setCurrency(COUNTRY_DEFAULTS[c].currency);
    pickLanguage(COUNTRY_DEFAULTS[c].language);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = { centreName, country, currency, language };
    const parsed = centreSettingsSchema.safeParse(input);
    const passwordError = passwordProblem(adminPassword, 'admin');
    const found: Record<string, string> = {
      ...(parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]))),
      ...(passwordError ? { adminPassword: passwordError } : {}),
      ...(!passwordError && repeat !== adminPassword ? { repeat: 'validation.passwordsDiffer' } : {}),
    };
    setErrors(found);
    if (!parsed.success || Object.keys(found).length > 0) return;
    complete.mutate({ ...parsed.data, demo, adminName, adminPassword });
  };

  const serverError = complete.error instanceof ApiError && complete.error.body.code !== 'validation' ? complete.error : null;

  return (
    <main className="page narrow first-run">
      <h1>{t('setup:title')}</h1>
      <p className="lead">{t('setup:intro')}</p>
      <form onSubmit={submit} noValidate className="card form-grid">
        <Field label={t('setup:centreName')} error={errors.centreName} hint={t('setup:centreNameHint')} className="span-2">
          {(p) => <input {...p} autoFocus value={centreName} onChange={(e) => setCentreName(e.target.value)} />}
        </Field>
        <Field label={t('setup:adminName')} hint={t('setup:adminNameHint')} className="span-2">
          {(p) => <input {...p} value={adminName} onChange={(e) => setAdminName(e.target.value)} autoComplete="name" />}
        </Field>
        <Field label={t('setup:adminPassword')} error={errors.adminPassword} hint={t('setup:adminPasswordHint', { count: PASSWORD_MIN_STRONG })}>
          {(p) => <input {...p} type="password" value={adminPassword} onChange={(e) => setAdminPassword(e.target.value)} autoComplete="new-password" />}
        </Field>
        <Field label={t('setup:adminPasswordRepeat')} error={errors.repeat}>
          {(p) => <input {...p} type="password" value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" />}
        </Field>
        <SelectField label={t('setup:country')} value={country} options={COUNTRIES} optionLabel={(c) => t(`setup:countries.${c}`)} onChange={pickCountry} />
        <SelectField label={t('setup:currency')} value={currency} options={CURRENCIES} optionLabel={(c) => t(`setup:currencies.${c}`)} onChange={setCurrency} />
        <SelectField label={t('setup:language')} value={language} options={LANGUAGES} optionLabel={(l) => LANGUAGE_NAMES[l]} onChange={pickLanguage} className="span-2" optionLang />
        <label className="checkbox span-2">
          <input type="checkbox" checked={demo} onChange={(e) => setDemo(e.target.checked)} />
          <span>
            <strong>{t('setup:demo')}</strong>
            <span className="field-hint">{t('setup:demoHint')}</span>
          </span>
        </label>
        <ErrorNotice error={serverError} />
        <div className="actions span-2">
          <button type="submit" className="primary" disabled={complete.isPending}>
            {complete.isPending ? t('setup:starting') : t('setup:start')}
          </button>
        </div>
      </form>
    </main>
  );
}
