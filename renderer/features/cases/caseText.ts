import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseOutcome, ContactKind } from '../../../shared/domain/cases';
import { ApiError } from '../../bridge';
import { errorText } from '../../ui/ErrorNotice';

/** The cases' words: statuses, outcomes, kinds of contact, errors. */
export function useCaseText() {
  const { t } = useTranslation(['cases', 'common']);
  return {
    t,
    status: (s: string) => t(`common:case.status.${s}`),
    outcome: (o: CaseOutcome) => t(`common:case.outcome.${o}`),
    kind: (k: ContactKind) => t(`common:case.contactKind.${k}`),
    error: (err: unknown) => errorText(t, err),
  };
}

/** The field messages of a refused call, by path. */
export function fieldErrorsOf(err: unknown): Record<string, string> | null {
  if (!(err instanceof ApiError) || !err.body.fields?.length) return null;
  const out: Record<string, string> = {};
  for (const f of err.body.fields) out[f.path] ??= f.message;
  return out;
}

/** A save that shows field messages beside the fields and any other failure as one translated line. */
export function useSave() {
  const text = useCaseText();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [raw, setRaw] = useState<unknown>(null);
  const attempt = async (save: () => Promise<void>, found: Record<string, string> = {}) => {
    setErrors(found);
    setFailure(null);
    setRaw(null);
    if (Object.keys(found).length > 0) return;
    try {
      await save();
    } catch (err) {
      setRaw(err);
      const fields = fieldErrorsOf(err);
      if (fields) setErrors(fields);
      else setFailure(text.error(err));
    }
  };
  return { errors, failure, raw, attempt };
}

/** Goals typed one per line. */
export const goalsOf = (text: string): string[] =>
  text
    .split('\n')
    .map((g) => g.trim())
    .filter((g) => g !== '');
