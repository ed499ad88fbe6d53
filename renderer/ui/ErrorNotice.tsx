import { useTranslation } from 'react-i18next';
import { ApiError } from '../bridge';
import { isErrorCode } from '../../shared/api/errors';

/** A failed call as a translated sentence, never a stack trace. */
export function errorText(t: (key: string) => string, error: unknown): string {
  if (error instanceof ApiError && isErrorCode(error.body.code)) return t(`common:errors.${error.body.code}`);
  return t('common:errors.internal');
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
