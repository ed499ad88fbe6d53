import { useState } from 'react';
import { OPTION_LISTS, type AssessmentOption, type OptionList } from '../../../shared/domain/assessments';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { fieldErrorsOf } from '../households/householdText';
import { useAssessmentText } from './assessmentText';
import './assessments.css';

/**
 * /assessments/lists: the kinds of assessment and the need areas. Built-in entries keep their
 * translated names; the centre adds its own, renames them, and archives any entry it no longer
 * offers (assessments that have it keep it).
 */
export function AssessmentListsScreen() {
  const { t } = useAssessmentText();
  const options = useCall('assessments.options', { includeArchived: true });
  if (options.isError) return <ErrorNotice error={options.error} />;
  if (!options.data) return <p className="loading">{t('common:loading')}</p>;
  return (
    <div>
      <h1>{t('assessments:lists.title')}</h1>
      <p className="field-hint">{t('assessments:lists.hint')}</p>
      {OPTION_LISTS.map((list) => (
        <OptionListCard key={list} list={list} items={list === 'kind' ? options.data.kinds : options.data.areas} />
      ))}
    </div>
  );
}

function OptionListCard({ list, items }: { list: OptionList; items: AssessmentOption[] }) {
  const text = useAssessmentText();
  const { t } = text;
  const add = useMutate('assessments.addOption');
  const rename = useMutate('assessments.renameOption');
  const archive = useMutate('assessments.setOptionArchived');
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: number; name: string } | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const fail = (err: unknown) => {
    const fields = fieldErrorsOf(err);
    if (fields) setError(fields.name ?? Object.values(fields)[0]);
    else setFailure(text.error(err));
  };
  const submit = async () => {
    setError(undefined);
    setFailure(null);
    try {
      if (editing) {
        await rename.mutateAsync({ id: editing.id, name: editing.name });
        setEditing(null);
      } else {
        await add.mutateAsync({ list, name });
        setName('');
      }
    } catch (err) {
      fail(err);
    }
  };
  const titleId = `assessment-list-${list}`;
  return (
    <section className="card assessment-list-card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t(`assessments:lists.${list}`)}</h2>
      <DataTable
        data={items}
        caption={t(`assessments:lists.${list}`)}
        empty={t('common:none')}
        rowKey={(o) => String(o.id)}
        rowClass={(o) => (o.archived ? 'muted' : undefined)}
        noSort
        columns={((col) => [
          col('name', t(`assessments:lists.${list}`), (o) => (
            <>
              {text[list](o)}
              {o.code !== null ? <span className="badge">{t('assessments:lists.builtIn')}</span> : null}
              {o.archived ? <span className="badge">{t('assessments:lists.archived')}</span> : null}
            </>
          )),
          col('actions', <span className="visually-hidden">{t('common:table.actions')}</span>, (o) => (
          <div className="actions assessment-list-actions">
            {o.code === null ? (
              <button type="button" className="small" aria-label={t('assessments:lists.renameNamed', { name: text[list](o) })} onClick={() => setEditing({ id: o.id, name: o.name ?? '' })}>
                {t('assessments:lists.rename')}
              </button>
            ) : null}
            <button
              type="button"
              className="small"
              aria-label={t(o.archived ? 'assessments:lists.restoreNamed' : 'assessments:lists.archiveNamed', { name: text[list](o) })}
              onClick={() => void archive.mutateAsync({ id: o.id, archived: !o.archived }).catch(fail)}
            >
              {t(o.archived ? 'assessments:lists.restore' : 'assessments:lists.archive')}
            </button>
          </div>
          )),
        ])(columnsOf(items))}
      />
      <KeyForm className="assessment-list-form" onSubmit={submit} onCancel={() => setEditing(null)}>
        <Field label={editing ? t('assessments:lists.newName') : t(`assessments:lists.add.${list}`)} error={error}>
          {(p) => (
            <input
              {...p}
              value={editing ? editing.name : name}
              onChange={(e) => (editing ? setEditing({ ...editing, name: e.target.value }) : setName(e.target.value))}
              autoFocus={editing !== null}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={add.isPending || rename.isPending}>
            {editing ? t('common:save') : t('assessments:lists.addButton')}
          </button>
          {editing ? (
            <button type="button" onClick={() => setEditing(null)}>
              {t('common:cancel')}
            </button>
          ) : null}
        </div>
      </KeyForm>
      {failure ? (
        <div role="alert" className="notice notice-error">
          {failure}
        </div>
      ) : null}
      {error && !editing && name === '' ? <p className="field-error">{fieldText(t, error)}</p> : null}
    </section>
  );
}
