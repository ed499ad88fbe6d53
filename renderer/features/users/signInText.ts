import type { TFunction } from 'i18next';
import { ApiError } from '../../bridge';
import { errorText } from '../../ui/ErrorNotice';

/** The sign-in and unlock errors as sentences: attempts left, or when to try again. */
export function signInErrorText(t: TFunction, error: unknown, time: (iso: string) => string): string | null {
  if (!error) return null;
  if (error instanceof ApiError) {
    const details = error.body.details ?? {};
    if (error.body.code === 'signInFailed') {
      const left = typeof details.attemptsLeft === 'number' ? details.attemptsLeft : null;
      return left === null ? t('users:signIn.wrongNoCount') : t('users:signIn.wrong', { count: left });
    }
    if (error.body.code === 'lockedOut' && typeof details.until === 'string') return t('users:signIn.lockedOut', { time: time(details.until) });
    if (error.body.code === 'validation') return t('users:signIn.wrongNoCount');
  }
  return errorText(t, error);
}
