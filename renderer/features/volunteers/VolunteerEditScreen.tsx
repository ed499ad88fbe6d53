import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { splitTypedName } from '../residents/ResidentEditScreen';
import { SkillsEditor } from './SkillsEditor';
import { VolunteerForm } from './VolunteerForm';
import { emptyVolunteerForm, volunteerToForm } from './volunteerFormValues';
import { useCanCoordinate } from './volunteerLabels';

/** New volunteer (/volunteers/new, optionally ?name= typed in the search) or edit one (/volunteers/:id/edit). */
export function VolunteerEditScreen() {
  const { t } = useTranslation(['volunteers', 'common']);
  const params = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const canEdit = useCanCoordinate();
  const id = params.id !== undefined ? Number(params.id) : undefined;
  const page = useCall('volunteers.get', { id: id ?? 0 }, { enabled: id !== undefined });

  if (id !== undefined) {
    if (page.isError) return <ErrorNotice error={page.error} />;
    if (!page.data) return <p className="loading">{t('common:loading')}</p>;
    return (
      <div>
        <h1>{t('volunteers:editTitle', { name: page.data.volunteer.fullName })}</h1>
        <VolunteerForm
          key={id}
          initial={volunteerToForm(page.data.volunteer)}
          volunteerId={id}
          onSaved={(v) => void navigate(`/volunteers/${v.id}`)}
          onCancel={() => void navigate(`/volunteers/${id}`)}
        />
        {canEdit ? <SkillsEditor /> : null}
      </div>
    );
  }
  const name = search.get('name');
  const numeric = name !== null && /^[\d\s()+-]+$/.test(name);
  return (
    <div>
      <h1>{t('volunteers:newTitle')}</h1>
      <VolunteerForm
        initial={{ ...emptyVolunteerForm, ...(name && !numeric ? splitTypedName(name) : {}), ...(name && numeric ? { phone1: name } : {}) }}
        onSaved={(v) => void navigate(`/volunteers/${v.id}`)}
        onCancel={() => void navigate(-1)}
      />
      {canEdit ? <SkillsEditor /> : null}
    </div>
  );
}
