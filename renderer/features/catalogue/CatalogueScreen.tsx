import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KIND_MODES, type KindMode, type ServiceKind } from '../../../shared/domain/catalogue';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field, RequiredLegend } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { SelectField } from '../../ui/SelectField';
import { useLabels } from '../../ui/labels';

interface KindValues {
  name: string;
  isPaid: boolean;
  mode: KindMode;
}

/** A kind's paid switch and mode, saved as they change (one row of the catalogue). */
function KindSettings({ kind, part }: { kind: ServiceKind; part: 'paid' | 'mode' }) {
  const { t } = useTranslation(['catalogue', 'common']);
  const labels = useLabels();
  const update = useMutate('catalogue.update');
  const name = labels.kind(kind);
  return (
    <>
      {part === 'paid' ? (
        <label className="checkbox">
          <input type="checkbox" checked={kind.isPaid} onChange={(e) => update.mutate({ id: kind.id, isPaid: e.target.checked, mode: kind.mode })} />
          <span>{t('catalogue:paid')}</span>
        </label>
      ) : (
        <select aria-label={t('catalogue:modeOf', { name })} value={kind.mode} onChange={(e) => update.mutate({ id: kind.id, isPaid: kind.isPaid, mode: e.target.value as KindMode })}>
          {KIND_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`catalogue:modes.${m}`)}
            </option>
          ))}
        </select>
      )}
      <ErrorNotice error={update.error} />
    </>
  );
}

/** A kind's archive / restore and delete (an own kind never used). */
function KindActions({ kind }: { kind: ServiceKind }) {
  const { t } = useTranslation(['catalogue', 'common']);
  const archive = useMutate('catalogue.setArchived');
  const remove = useMutate('catalogue.delete');
  return (
    <>
      <div className="row-actions">
        <button type="button" className="small" onClick={() => archive.mutate({ id: kind.id, archived: !kind.archived })}>
          {kind.archived ? t('catalogue:restore') : t('catalogue:archive')}
        </button>
        {kind.code === null && !kind.inUse ? (
          <button type="button" className="small danger" onClick={() => remove.mutate({ id: kind.id })}>
            {t('common:delete')}
          </button>
        ) : null}
      </div>
      <ErrorNotice error={archive.error ?? remove.error} />
    </>
  );
}

export function CatalogueScreen() {
  const { t } = useTranslation(['catalogue', 'common']);
  const labels = useLabels();
  const [showArchived, setShowArchived] = useState(false);
  const kinds = useCall('catalogue.list', { includeArchived: showArchived });
  const create = useMutate('catalogue.create');
  const f = useCallForm({
    call: 'catalogue.create',
    defaultValues: { name: '', isPaid: false, mode: 'desk' } as KindValues,
    toInput: (v: KindValues) => v,
    onSubmit: async (input) => {
      await create.mutateAsync(input);
    },
    // Paid and mode stay for the next kind; the name is cleared.
    afterSave: (v) => ({ ...v, name: '' }),
  });
  const mode = f.form.watch('mode');

  return (
    <div>
      <h1>{t('catalogue:title')}</h1>
      <p className="lead">{t('catalogue:intro')}</p>
      <label className="checkbox">
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
        <span>{t('catalogue:showArchived')}</span>
      </label>
      <ErrorNotice error={kinds.error} />
      <DataTable
        data={kinds.data ?? []}
        caption={t('catalogue:title')}
        empty={t('common:none')}
        rowKey={(k) => String(k.id)}
        rowClass={(k) => (k.archived ? 'archived' : undefined)}
        columns={((col) => [
          col(
            'name',
            t('catalogue:columns.name'),
            (k) => (
              <>
                {labels.kind(k)}
                {k.code === null ? <span className="badge">{t('catalogue:own')}</span> : null}
                {k.archived ? <span className="badge">{t('catalogue:archived')}</span> : null}
              </>
            ),
            { value: (k) => labels.kind(k) },
          ),
          col('price', t('catalogue:columns.price'), (k) => <KindSettings kind={k} part="paid" />, { value: (k) => (k.isPaid ? 0 : 1) }),
          col('mode', t('catalogue:columns.mode'), (k) => <KindSettings kind={k} part="mode" />, { value: (k) => t(`catalogue:modes.${k.mode}`) }),
          col('actions', t('catalogue:columns.actions'), (k) => <KindActions kind={k} />),
        ])(columnsOf<ServiceKind>(kinds.data))}
      />
      <KeyForm className="card form-grid-4 add-kind" onSubmit={f.submit}>
        <h2 className="span-4">{t('catalogue:addTitle')}</h2>
        <RequiredLegend />
        <Field label={t('catalogue:columns.name')} error={f.error('name')} className="span-2" required>
          {(p) => <input {...p} {...f.form.register('name')} />}
        </Field>
        <label className="checkbox">
          <input type="checkbox" {...f.form.register('isPaid')} />
          <span>{t('catalogue:paid')}</span>
        </label>
        <SelectField label={t('catalogue:columns.mode')} value={mode} options={KIND_MODES} optionLabel={(m) => t(`catalogue:modes.${m}`)} onChange={(m) => f.form.setValue('mode', m, { shouldDirty: true })} />
        {f.notice}
        <div className="actions span-4">
          <button type="submit" className="primary" disabled={create.isPending || f.saving}>
            {t('catalogue:add')}
          </button>
        </div>
      </KeyForm>
    </div>
  );
}
