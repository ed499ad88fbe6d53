import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/domain/settings';
import { changeLanguage } from './i18n';
import { useMutate } from './api';

/** Each language named in itself, so anyone can find their own. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  ru: 'Русский',
  uk: 'Українська',
  pl: 'Polski',
  el: 'Ελληνικά',
};

export function LanguageSwitcher({ remember = true }: { remember?: boolean }) {
  const { t, i18n } = useTranslation();
  const save = useMutate('settings.setLanguage');
  return (
    <label className="language-switcher">
      <span className="visually-hidden">{t('common:language')}</span>
      <select
        aria-label={t('common:language')}
        value={i18n.language}
        onChange={(e) => {
          const lng = e.target.value as Language;
          void changeLanguage(lng);
          if (remember) save.mutate({ language: lng });
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
