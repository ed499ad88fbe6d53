import { useTranslation } from 'react-i18next';
import type { Severity } from '../../../shared/domain/assessments';
import { errorText } from '../../ui/ErrorNotice';

type Labelled = { code: string | null; name: string | null };

/** The assessments' words: a kind's or need area's label (built-in: translated; the centre's own: its name), severities, errors. */
export function useAssessmentText() {
  const { t } = useTranslation(['assessments', 'common']);
  return {
    t,
    kind: (k: Labelled) => (k.code !== null ? t(`common:assessment.kind.${k.code}`) : (k.name ?? '')),
    area: (a: Labelled) => (a.code !== null ? t(`common:assessment.area.${a.code}`) : (a.name ?? '')),
    severity: (s: Severity) => t(`common:assessment.severity.${s}`),
    error: (err: unknown) => errorText(t, err),
  };
}
