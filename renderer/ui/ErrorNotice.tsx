import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { errorText as translateError, fieldText as translateField, type ErrorTextOptions, type Translate } from '../../shared/api/error-text';
import type { FieldIssue } from '../../shared/api/errors';
import { LOCALE_OF, type Language } from '../../shared/domain/settings';

/** i18next's `t` (any namespaces: the keys are full) with the app's instance and the user's locale. */
function translate(t: (key: string, options?: Record<string, unknown>) => string): Translate {
  return {
    t: (key, options) => t(key, options),
    exists: (key, options) => i18next.exists(key, options),
    locale: LOCALE_OF[i18next.language as Language] ?? 'en-GB',
  };
}

/**
 * A failed call as a translated sentence with its details (shared/api/error-text.ts), never a
 * stack trace, an English message or a key. `options.ns`: a screen's own wording of some codes.
 */
export function errorText(t: (key: string, options?: Record<string, unknown>) => string, error: unknown, options?: ErrorTextOptions): string {
  return translateError(translate(t), error, options);
}

/** A field's message ('validation.required', 'tasks:validation.hours' or a FieldIssue) as a sentence; `values` fill a screen's own sentence ({{max}}). */
export function fieldText(t: (key: string, options?: Record<string, unknown>) => string, issue: string | Pick<FieldIssue, 'message'>, values?: Record<string, unknown>): string {
  return translateField(translate(t), issue, values);
}

export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div role="alert" className="notice notice-error">
      {errorText(t, error)}
    </div>
  );
}
