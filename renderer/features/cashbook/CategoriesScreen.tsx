import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTRY_TYPES, type CategoryDto, type EntryType } from '../../../shared/domain/cashbook';
import { useCall, useMutate } from '../../app/api';
import { ApiError } from '../../bridge';
import { Field, RequiredLegend } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { useCashbookText } from './cashbookText';

/** Income and expense categories: built-in ones (translated), the centre's own (add, rename, archive). */
export function CategoriesScreen() {
  const { t } = useTranslation(['cashbook', 'common']);
  const text = useCashbookText();
  const categories = useCall('cashbook.categories', { includeArchived: true });
  const create = useMutate('cashbook.createCategory');
  const rename = useMutate('cashbook.renameCategory');
  const archive = useMutate('cashbook.setCategoryArchived');
  const [editing, setEditing] = useState<{ id: number; name: string; error?: string } | null>(null);
  const f = useCallForm({
    call: 'cashbook.createCategory',
    defaultValues: { name: '', direction: 'expense' } as { name: string; direction: EntryType },
    toInput: (v: { name: string; direction: EntryType }) => v,
    onSubmit: async (input) => {
      await create.mutateAsync(input);
    },
    // The direction stays for the next category; the name is cleared.
    afterSave: (v) => ({ ...v, name: '' }),
  });

  const fieldError = (err: unknown): string | undefined => (err instanceof ApiError ? err.body.fields?.[0]?.message : undefined);

  const saveRename = async (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    try {
      await rename.mutateAsync({ id: editing.id, name: editing.name });
      setEditing(null);
    } catch (err) {
      setEditing({ ...editing, error: fieldError(err) ?? 'validation.invalid' });
    }
  };

  if (!categories.data) return <p className="loading">{t('common:loading')}</p>;

  const columns = ((col: ReturnType<typeof columnsOf<CategoryDto>>) => [
    col(
      'name',
      t('cashbook:categories.name'),
      (c) =>
        editing?.id === c.id ? (
          <form className="cb-inline-form" onSubmit={(e) => void saveRename(e)}>
            <Field label={t('cashbook:categories.nameOf', { name: c.name ?? '' })} error={editing.error}>
              {(p) => <input {...p} autoFocus value={editing.name} maxLength={100} onChange={(e) => setEditing({ ...editing, name: e.target.value })} />}
            </Field>
            <button type="submit" className="small primary">
              {t('common:save')}
            </button>
            <button type="button" className="small" onClick={() => setEditing(null)}>
              {t('common:cancel')}
            </button>
          </form>
        ) : (
          <>
            {text.category(c)}
            {c.archived ? <span className="badge">{t('cashbook:accounts.archived')}</span> : null}
          </>
        ),
      { value: (c) => text.category(c) },
    ),
    col('entries', t('cashbook:categories.entries'), (c) => c.entryCount, { value: (c) => c.entryCount, align: 'num' }),
    col('actions', <span className="visually-hidden">{t('cashbook:list.actions')}</span>, (c) => (
      <div className="row-actions">
        {c.code === null && editing?.id !== c.id ? (
          <button type="button" className="small" onClick={() => setEditing({ id: c.id, name: c.name ?? '' })} aria-label={t('cashbook:categories.renameOf', { name: text.category(c) })}>
            {t('cashbook:categories.rename')}
          </button>
        ) : null}
        <button
          type="button"
          className="small"
          onClick={() => archive.mutate({ id: c.id, archived: !c.archived })}
          aria-label={t(c.archived ? 'cashbook:accounts.restoreOf' : 'cashbook:accounts.archiveOf', { name: text.category(c) })}
        >
          {c.archived ? t('cashbook:accounts.restore') : t('cashbook:accounts.archive')}
        </button>
      </div>
    )),
  ])(columnsOf<CategoryDto>(categories.data));

  return (
    <>
      <section className="card">
        <h2>{t('cashbook:categories.addTitle')}</h2>
        <KeyForm className="cb-category-form" onSubmit={f.submit}>
          <Field label={t('cashbook:categories.name')} error={f.error('name')} required>
            {(p) => <input {...p} maxLength={100} {...f.form.register('name', { onChange: () => f.form.clearErrors('name') })} />}
          </Field>
          <Field label={t('cashbook:categories.direction')} required>
            {(p) => (
              <select {...p} {...f.form.register('direction')}>
                {ENTRY_TYPES.map((d) => (
                  <option key={d} value={d}>
                    {t(`cashbook:types.${d}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="primary" disabled={create.isPending || f.saving}>
            {t('cashbook:categories.add')}
          </button>
          <RequiredLegend />
        </KeyForm>
        {f.notice}
      </section>
      <ErrorNotice error={archive.error} />
      <div className="cb-two">
        {ENTRY_TYPES.map((d) => (
          <section key={d}>
            <h2>{t(`cashbook:categories.${d}Title`)}</h2>
            <DataTable
              data={categories.data.filter((c) => c.direction === d)}
              caption={t(`cashbook:categories.${d}Title`)}
              empty={t('common:none')}
              rowKey={(c) => String(c.id)}
              rowClass={(c) => (c.archived ? 'archived' : undefined)}
              columns={columns}
            />
          </section>
        ))}
      </div>
    </>
  );
}
