import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../bridge';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import './duplicates.css';

type Side = 'survivor' | 'other';

/** One line of the comparison: its label and a record's value as text ('' shows the dash). */
export interface MergeLine<R> {
  label: string;
  value: (record: R) => string;
}

/** The merge call as useMutate gives it (residents.merge, volunteers.merge): it answers with the survivor. */
export interface MergeCall<F extends string> {
  mutateAsync: (input: { survivorId: number; otherId: number; fields: Record<F, Side> }) => Promise<{ id: number }>;
  isPending: boolean;
  error: unknown;
}

/**
 * Two records of one person side by side (residents.merge, volunteers.merge): the record that
 * stays and the one that goes (the two swap places), the value to keep picked line by line (the
 * survivor's at first), then one merge, after which `onMerged` gets the survivor's id. The texts
 * are the namespace's `merge.*` (title, intro, field, keeps, goes, confirm, swap).
 */
export function MergeCompare<F extends string, R extends { id: number; fullName: string }>(props: {
  ns: 'residents' | 'volunteers';
  a: R;
  b: R;
  fields: readonly F[];
  lines: Record<F, MergeLine<R>>;
  /** Shown above the table for the pair as it stands (the matcher's reasons). */
  above?: (survivor: R, other: R) => ReactNode;
  merge: MergeCall<F>;
  onMerged: (survivorId: number) => void;
  onCancel: () => void;
}) {
  const { ns, merge, lines } = props;
  const { t } = useTranslation([ns, 'common']);
  const [swapped, setSwapped] = useState(false);
  const survivor = swapped ? props.b : props.a;
  const other = swapped ? props.a : props.b;
  const [picks, setPicks] = useState<Record<F, Side>>(() => Object.fromEntries(props.fields.map((f) => [f, 'survivor'])) as Record<F, Side>);
  const dash = t('common:none');
  const issues = merge.error instanceof ApiError ? (merge.error.body.fields ?? []) : [];
  const confirm = async () => {
    if (merge.isPending) return;
    try {
      const saved = await merge.mutateAsync({ survivorId: survivor.id, otherId: other.id, fields: picks });
      props.onMerged(saved.id);
    } catch {
      // Shown below.
    }
  };
  return (
    <div>
      <div className="page-head">
        <h1>{t(`${ns}:merge.title`)}</h1>
      </div>
      <p className="field-hint">{t(`${ns}:merge.intro`)}</p>
      {props.above ? <p>{props.above(survivor, other)}</p> : null}
      <table className="card merge-table">
        <thead>
          <tr>
            <th scope="col">{t(`${ns}:merge.field`)}</th>
            <th scope="col">
              {t(`${ns}:merge.keeps`)}: {survivor.fullName}
            </th>
            <th scope="col">
              {t(`${ns}:merge.goes`)}: {other.fullName}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.fields.map((f) => {
            const mine = lines[f].value(survivor);
            const theirs = lines[f].value(other);
            return (
              <tr key={f}>
                <th scope="row">{lines[f].label}</th>
                {(['survivor', 'other'] as const).map((side) => (
                  <td key={side}>
                    <label>
                      <input
                        type="radio"
                        name={`merge-${f}`}
                        checked={picks[f] === side}
                        onChange={() => setPicks((p) => ({ ...p, [f]: side }))}
                        aria-label={`${lines[f].label}: ${(side === 'survivor' ? mine : theirs) || dash}`}
                      />
                      <span>{(side === 'survivor' ? mine : theirs) || dash}</span>
                    </label>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {issues.length > 0 ? (
        <div role="alert" className="notice notice-error">
          {issues.map((i) => fieldText(t, i)).join(' ')}
        </div>
      ) : (
        <ErrorNotice error={merge.error} />
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void confirm()} disabled={merge.isPending}>
          {t(`${ns}:merge.confirm`)}
        </button>
        <button type="button" onClick={() => setSwapped((s) => !s)}>
          {t(`${ns}:merge.swap`)}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common:cancel')}
        </button>
      </div>
    </div>
  );
}
