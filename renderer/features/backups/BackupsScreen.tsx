import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, BackupPreview } from '../../../shared/domain/backups';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useFormat } from '../../ui/format';
import { downloadUrl, host } from '../../bridge/host';
import { StorageWarnings } from './StorageWarnings';
import { TaskProgress } from '../../ui/TaskProgress';

function useSize() {
  const format = useFormat();
  return (bytes: number) => `${format.number(Math.max(0.1, Math.round(bytes / 1024 / 102.4) / 10))} MB`;
}

function RestorePanel({ backup, onClose }: { backup: BackupInfo; onClose: () => void }) {
  const { t } = useTranslation(['backups', 'common']);
  const format = useFormat();
  const preview = useMutate('backups.preview');
  const restore = useMutate('backups.restore');
  const [passphrase, setPassphrase] = useState('');
  const [checked, setChecked] = useState<BackupPreview | null>(null);
  const input = { id: backup.id, ...(backup.encrypted ? { passphrase } : {}) };
  return (
    <section className="card restore-panel" aria-labelledby="restore-title">
      <h2 id="restore-title">{t('backups:restore.title', { when: format.dateTime(backup.createdAt) })}</h2>
      {restore.isSuccess ? (
        <div className="notice notice-success" role="status">
          {t('backups:restore.done')}
        </div>
      ) : (
        <>
          {backup.encrypted ? (
            <Field label={t('backups:passphrase')}>
              {(p) => <input {...p} type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />}
            </Field>
          ) : null}
          {checked ? (
            <dl className="details">
              <dt>{t('backups:preview.centre')}</dt>
              <dd>{checked.centreName ?? t('common:none')}</dd>
              <dt>{t('backups:preview.residents')}</dt>
              <dd>{checked.residents}</dd>
              <dt>{t('backups:preview.requests')}</dt>
              <dd>{checked.requests}</dd>
              <dt>{t('backups:preview.lastEntry')}</dt>
              <dd>{checked.lastEntryAt ? format.dateTime(checked.lastEntryAt) : t('common:none')}</dd>
              <dt>{t('backups:preview.verified')}</dt>
              <dd>{t('backups:preview.verifiedAt', { when: format.dateTime(checked.verifiedAt) })}</dd>
            </dl>
          ) : null}
          <p className="field-hint">{t('backups:restore.explain')}</p>
          <TaskProgress task="verify" label={(percent) => t('backups:progress.verify', { percent })} />
          <ErrorNotice error={preview.error ?? restore.error} />
          <div className="actions">
            {checked ? (
              <button type="button" className="danger" disabled={restore.isPending} onClick={() => restore.mutate(input)}>
                {restore.isPending ? t('backups:restore.restoring') : t('backups:restore.confirm')}
              </button>
            ) : (
              <button type="button" className="primary" disabled={preview.isPending} onClick={() => preview.mutate(input, { onSuccess: setChecked })}>
                {t('backups:restore.check')}
              </button>
            )}
            <button type="button" onClick={onClose}>
              {t('common:cancel')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

export function BackupsScreen() {
  const { t } = useTranslation(['backups', 'common']);
  const format = useFormat();
  const size = useSize();
  const status = useCall('backups.status', {});
  const list = useCall('backups.list', {});
  const create = useMutate('backups.create');
  const exportAll = useMutate('export.full');
  const reminder = useMutate('backups.setReminder');
  const [passphrase, setPassphrase] = useState('');
  const [passphrase2, setPassphrase2] = useState('');
  const [encrypt, setEncrypt] = useState(false);
  const [formError, setFormError] = useState<string | undefined>();
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [days, setDays] = useState<string>('');

  const backUp = (e: FormEvent) => {
    e.preventDefault();
    if (encrypt) {
      if (passphrase.length < 8) return setFormError('validation.passphraseShort');
      if (passphrase !== passphrase2) return setFormError('validation.passphraseMismatch');
    }
    setFormError(undefined);
    create.mutate(encrypt ? { passphrase } : {}, {
      onSuccess: () => {
        setPassphrase('');
        setPassphrase2('');
      },
    });
  };

  const s = status.data;
  return (
    <div>
      <h1>{t('backups:title')}</h1>
      <ErrorNotice error={status.error} />
      {s ? (
        <section className="card" aria-labelledby="backup-status">
          <h2 id="backup-status">{t('backups:status.title')}</h2>
          <dl className="details">
            <dt>{t('backups:status.last')}</dt>
            <dd>
              {s.lastBackup ? (
                <span className="ok-text">{t('backups:status.lastOk', { when: format.dateTime(s.lastBackup.createdAt) })}</span>
              ) : (
                t('backups:status.none')
              )}
            </dd>
            <dt>{t('backups:status.outside')}</dt>
            <dd>{s.lastOutsideCopyAt ? format.dateTime(s.lastOutsideCopyAt) : t('backups:status.never')}</dd>
            <dt>{t('backups:status.folder')}</dt>
            <dd className="path">{s.dataDir}</dd>
          </dl>
          {s.reminderDue ? (
            <div className="notice notice-warning" role="status">
              {t('backups:reminder', { count: s.reminderDays })}
            </div>
          ) : null}
          <StorageWarnings warnings={s.warnings} />
          {s.integrity ? (
            <div className="notice notice-error" role="alert">
              {t('backups:integrityProblem')}
            </div>
          ) : null}
        </section>
      ) : null}

      <form className="card form-grid" onSubmit={backUp} noValidate aria-labelledby="backup-now">
        <h2 id="backup-now" className="span-2">
          {t('backups:now.title')}
        </h2>
        <label className="checkbox span-2">
          <input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)} />
          <span>
            <strong>{t('backups:now.encrypt')}</strong>
            <span className="field-hint">{t('backups:now.encryptHint')}</span>
          </span>
        </label>
        {encrypt ? (
          <>
            <Field label={t('backups:passphrase')} error={formError}>
              {(p) => <input {...p} type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />}
            </Field>
            <Field label={t('backups:passphraseAgain')}>
              {(p) => <input {...p} type="password" autoComplete="new-password" value={passphrase2} onChange={(e) => setPassphrase2(e.target.value)} />}
            </Field>
          </>
        ) : null}
        {/* Automatic backups too: the long-work thread reports every backup, whoever asked for it. */}
        <TaskProgress task="backup" className="span-2" label={(percent) => t('backups:progress.backup', { percent })} />
        <ErrorNotice error={create.error} />
        {create.isSuccess ? (
          <div className="notice notice-success span-2" role="status">
            {t('backups:now.done', { when: format.time(create.data.createdAt) })}
          </div>
        ) : null}
        <div className="actions span-2">
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? t('backups:now.working') : t('backups:now.button')}
          </button>
        </div>
      </form>

      {restoring ? <RestorePanel key={restoring.id} backup={restoring} onClose={() => setRestoring(null)} /> : null}

      <h2>{t('backups:list.title')}</h2>
      <ErrorNotice error={list.error} />
      <DataTable
        data={list.data ?? []}
        caption={t('backups:list.title')}
        empty={t('backups:list.empty')}
        rowKey={(b) => b.id}
        columns={((col) => [
          col('when', t('backups:list.when'), (b) => format.dateTime(b.createdAt), { value: (b) => b.createdAt, className: 'nowrap' }),
          col('kind', t('backups:list.kind'), (b) => t(`backups:kinds.${b.kind}`), { value: (b) => t(`backups:kinds.${b.kind}`) }),
          col('size', t('backups:list.size'), (b) => size(b.size), { value: (b) => b.size, align: 'num' }),
          col('contents', t('backups:list.contents'), (b) => t('backups:list.counts', { residents: b.residents, requests: b.requests })),
          col('state', t('backups:list.state'), (b) => (
            <>
              {b.verified ? <span className="badge status-done">{t('backups:list.verified')}</span> : <span className="badge urgency-urgent">{t('backups:list.unreadable')}</span>}
              {b.encrypted ? <span className="badge">{t('backups:list.encrypted')}</span> : null}
            </>
          )),
          col('actions', t('backups:list.actions'), (b) => (
            <div className="row-actions">
              {host.saveBackupToFolder ? (
                <button
                  type="button"
                  className="small"
                  onClick={() =>
                    void host.saveBackupToFolder?.(b.id).then((r) => {
                      if (r) setCopied(r.warnings.length > 0 ? t('backups:list.copyRefused', { folder: r.folder }) : t('backups:list.copied', { folder: r.folder }));
                    })
                  }
                >
                  {t('backups:list.copyToFolder')}
                </button>
              ) : (
                <a className="button small" href={downloadUrl('backups', b.id)} download={b.id}>
                  {t('backups:list.download')}
                </a>
              )}
              <button type="button" className="small" disabled={!b.verified} onClick={() => setRestoring(b)}>
                {t('backups:list.restore')}
              </button>
            </div>
          )),
        ])(columnsOf<BackupInfo>(list.data))}
      />
      {copied ? (
        <div className="notice" role="status">
          {copied}
        </div>
      ) : null}

      <section className="card" aria-labelledby="reminder-title">
        <h2 id="reminder-title">{t('backups:reminderSetting.title')}</h2>
        <form
          className="actions"
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(days);
            if (Number.isInteger(n) && n >= 1 && n <= 365) reminder.mutate({ days: n });
          }}
        >
          <Field label={t('backups:reminderSetting.days')} className="inline">
            {(p) => <input {...p} inputMode="numeric" value={days || String(s?.reminderDays ?? '')} onChange={(e) => setDays(e.target.value)} />}
          </Field>
          <button type="submit">{t('common:save')}</button>
        </form>
        <ErrorNotice error={reminder.error} />
      </section>

      <section className="card" aria-labelledby="export-title">
        <h2 id="export-title">{t('backups:export.title')}</h2>
        <p className="field-hint">{t('backups:export.hint')}</p>
        <div className="actions">
          <button type="button" disabled={exportAll.isPending} onClick={() => exportAll.mutate({})}>
            {exportAll.isPending ? t('backups:export.working') : t('backups:export.button')}
          </button>
          {exportAll.data ? (
            <a className="button primary" href={downloadUrl('exports', exportAll.data.id)} download={exportAll.data.id}>
              {t('backups:export.download', { count: exportAll.data.tables })}
            </a>
          ) : null}
        </div>
        <TaskProgress task="export" label={(percent) => t('backups:progress.export', { percent })} />
        <ErrorNotice error={exportAll.error} />
      </section>
    </div>
  );
}
