import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ResidentForm } from './ResidentForm';
import { emptyResidentForm, residentToForm } from './residentFormValues';

/** Typed text → last name and first name, the way names are usually said at the desk. */
export function splitTypedName(typed: string): { lastName: string; firstName: string; patronymic: string } {
  const [lastName = '', firstName = '', ...rest] = typed.trim().split(/\s+/);
  return { lastName, firstName, patronymic: rest.join(' ') };
}

export function ResidentEditScreen() {
  const { t } = useTranslation(['residents', 'common']);
  const params = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const id = params.id !== undefined ? Number(params.id) : undefined;
  const page = useCall('residents.get', { id: id ?? 0 }, { enabled: id !== undefined });

  if (id !== undefined) {
    if (page.isError) return <ErrorNotice error={page.error} />;
    if (!page.data) return <p className="loading">{t('common:loading')}</p>;
    return (
      <div>
        <h1>{t('residents:editTitle', { name: page.data.resident.fullName })}</h1>
        <ResidentForm
          key={id}
          initial={residentToForm(page.data.resident)}
          residentId={id}
          healthConsent={page.data.resident.healthConsent}
          onSaved={(r) => void navigate(`/residents/${r.id}`)}
          onCancel={() => void navigate(`/residents/${id}`)}
        />
      </div>
    );
  }
  const name = search.get('name');
  const numeric = name !== null && /^[\d\s()+-]+$/.test(name);
  return (
    <div>
      <h1>{t('residents:newTitle')}</h1>
      <ResidentForm
        initial={{ ...emptyResidentForm, ...(name && !numeric ? splitTypedName(name) : {}), ...(name && numeric ? { phone1: name } : {}) }}
        // A new resident has come to ask for something: the focus waits on "New request" for them.
        onSaved={(r) => void navigate(`/residents/${r.id}`, { state: { focus: 'newRequest' } })}
        onCancel={() => void navigate(-1)}
      />
    </div>
  );
}
