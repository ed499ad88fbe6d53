/**
 * How far an import's long work is, in rows of the file: read, compared with the register, written
 * (the `import` task's progress, renderer/app/progress.ts; the steps as shared/domain/imports.ts
 * importStepOf counts them). Nothing while no numbers have come.
 */
import { useTranslation } from 'react-i18next';
import { importStepOf } from '../../../shared/domain/imports';
import { useFormat } from '../../ui/format';

export function ImportProgress({ run, steps }: { run: { done: number; total: number } | undefined; steps: 1 | 2 | 3 }) {
  const { t } = useTranslation('imports');
  const format = useFormat();
  if (!run || run.total <= 0) return null;
  const at = importStepOf(run.done, run.total, steps);
  return (
    <div className="progress-line">
      <progress max={at.rows} value={at.done} aria-label={t(`imports:busy.steps.${at.step}.label`)} />
      <span>{t(`imports:busy.steps.${at.step}.rows`, { done: format.number(at.done), count: at.rows })}</span>
    </div>
  );
}
