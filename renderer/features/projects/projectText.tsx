import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityKind, ParticipantStatus } from '../../../shared/domain/projects';
import { ApiError } from '../../bridge';
import { errorText, fieldText } from '../../ui/ErrorNotice';
import { useFormat } from '../../ui/format';

/** The projects' words: kinds, statuses, periods, figures against targets, errors. */
export function useProjectText() {
  const { t } = useTranslation(['projects', 'common']);
  const format = useFormat();
  return {
    t,
    format,
    kind: (k: ActivityKind) => t(`projects:kind.${k}`),
    status: (s: ParticipantStatus) => t(`projects:status.${s}`),
    period: (from: string, to: string) => t('projects:period', { from: format.date(from), to: format.date(to) }),
    /** "96 of 145", or the figure alone without a target. */
    ofTarget: (value: number, target: number | null) => (target === null ? format.number(value) : t('projects:ofTarget', { value: format.number(value), target: format.number(target) })),
    hours: (h: number) => t('projects:hours', { hours: format.number(h) }),
    error: (err: unknown) => errorText(t, err),
  };
}

/** The field messages of a refused call, by path with `strip` taken off its start ("data." → "name"). */
export function fieldErrorsOf(err: unknown, strip: RegExp = /^$/): Record<string, string> | null {
  if (!(err instanceof ApiError) || !err.body.fields?.length) return null;
  const out: Record<string, string> = {};
  for (const f of err.body.fields) out[f.path.replace(strip, '')] ??= f.message;
  return out;
}

/** A save that shows field messages beside the fields and any other failure as one translated line. */
export function useSave(strip?: RegExp) {
  const text = useProjectText();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  /** Saves unless the screen found problems itself (`found`: field → message key). */
  const attempt = async (save: () => Promise<void>, found: Record<string, string> = {}) => {
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    try {
      await save();
    } catch (err) {
      const fields = fieldErrorsOf(err, strip);
      if (fields) setErrors(fields);
      else setFailure(text.error(err));
    }
  };
  return { errors, failure, attempt };
}

/** The failure, and the field messages no field on the form shows. */
export function Failure({ failure, errors, shown }: { failure: string | null; errors: Record<string, string>; shown: string[] }) {
  const { t } = useProjectText();
  const others = Object.entries(errors).filter(([k]) => !shown.includes(k));
  if (!failure && others.length === 0) return null;
  return (
    <div role="alert" className="notice notice-error">
      {failure ?? others.map(([, m]) => fieldText(t, m)).join(' ')}
    </div>
  );
}

export function StatusBadge({ status }: { status: ParticipantStatus }) {
  const text = useProjectText();
  return <span className={`badge project-status-${status}`}>{text.status(status)}</span>;
}
