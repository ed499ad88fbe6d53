import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { confirmsName } from '../../../shared/domain/privacy';
import { LANGUAGES, type Language } from '../../../shared/domain/settings';
import { useMutate } from '../../app/api';
import { downloadUrl } from '../../bridge/host';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { Dialog } from '../plans/Dialog';

/** The admin's data-subject actions on a resident's page: export their data, erase them. */
export function PersonActions(props: { residentId: number; name: string }) {
  const { t, i18n } = useTranslation(['privacy', 'common']);
  const exportPerson = useMutate('privacy.exportPerson');
  const [erasing, setErasing] = useState(false);
  const language = ((LANGUAGES as readonly string[]).includes(i18n.language) ? i18n.language : 'en') as Language;

  return (
    <section className="card person-actions" aria-labelledby="person-data-title">
      <h2 id="person-data-title">{t('privacy:person.title')}</h2>
      <p className="field-hint">{t('privacy:person.hint')}</p>
      <div className="actions">
        <button type="button" disabled={exportPerson.isPending} onClick={() => exportPerson.mutate({ residentId: props.residentId, language })}>
          {exportPerson.isPending ? t('privacy:person.exporting') : t('privacy:person.export')}
        </button>
        {exportPerson.data ? (
          <a className="button primary" href={downloadUrl('exports', exportPerson.data.id)} download={exportPerson.data.id}>
            {t('privacy:person.download')}
          </a>
        ) : null}
        <button type="button" className="danger" onClick={() => setErasing(true)}>
          {t('privacy:person.erase')}
        </button>
      </div>
      <ErrorNotice error={exportPerson.error} />
      {erasing ? <EraseDialog residentId={props.residentId} name={props.name} onClose={() => setErasing(false)} /> : null}
    </section>
  );
}

/** Erase a person: their full name typed as it is shown (privacy.erasePerson checks it again). */
function EraseDialog(props: { residentId: number; name: string; onClose: () => void }) {
  const { t } = useTranslation(['privacy', 'common']);
  const navigate = useNavigate();
  const erase = useMutate('privacy.erasePerson');
  const f = useCallForm({
    call: 'privacy.erasePerson',
    defaultValues: { confirmName: '' },
    toInput: (v: { confirmName: string }) => ({ residentId: props.residentId, confirmName: v.confirmName }),
    onCancel: props.onClose,
    onSubmit: async (input) => {
      const result = await erase.mutateAsync(input);
      void navigate(`/residents/${props.residentId}`, { replace: true, state: { erased: result } });
      props.onClose();
    },
  });
  const matches = confirmsName(f.form.watch('confirmName'), props.name);

  return (
    <Dialog titleId="erase-title" onClose={props.onClose}>
      <KeyForm onSubmit={() => (matches ? f.submit() : undefined)} onCancel={f.cancel}>
        <h2 id="erase-title">{t('privacy:person.eraseTitle', { name: props.name })}</h2>
        <div className="notice notice-warning">
          <ul>
            <li>{t('privacy:person.eraseGone')}</li>
            <li>{t('privacy:person.eraseKept')}</li>
            <li>{t('privacy:person.eraseBackups')}</li>
          </ul>
        </div>
        <Field label={t('privacy:person.eraseType', { name: props.name })} hint={t('privacy:person.eraseTypeHint')} error={f.error('confirmName')} required>
          {(p) => <input {...p} autoFocus autoComplete="off" {...f.form.register('confirmName')} />}
        </Field>
        {f.notice}
        <div className="actions">
          <button type="submit" className="danger" disabled={!matches || erase.isPending || f.saving}>
            {t('privacy:person.eraseConfirm')}
          </button>
          <button type="button" onClick={f.cancel}>
            {t('common:cancel')}
          </button>
        </div>
      </KeyForm>
    </Dialog>
  );
}
