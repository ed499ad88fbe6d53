import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useLabels } from '../../ui/labels';
import { useFormat } from '../../ui/format';
import { RequestTable } from '../requests/RequestTable';
import { ResidentPlans } from '../plans/ResidentPlans';
import { ConsentPanel } from '../privacy/ConsentPanel';
import { PersonActions } from '../privacy/PersonActions';
import { ErasedNotice } from '../privacy/ErasedNotice';
import { HouseholdSection } from '../households/HouseholdSection';
import { AssessmentsSection } from '../assessments/AssessmentsSection';
import { CasesSection } from '../cases/CasesSection';
import { ResidentProjects } from '../projects/ResidentProjects';
import { ResidentEvents } from '../events/ResidentEvents';
import { ResidentShelter } from '../shelter/ResidentShelter';
import { ResidentAid } from '../aid/ResidentAid';

export function ResidentPage() {
  const { t } = useTranslation(['residents', 'common', 'privacy']);
  const labels = useLabels();
  const format = useFormat();
  const id = Number(useParams().id);
  // Arriving from "save" of a new resident: the next key goes to "New request" (Enter starts it).
  const focusNewRequest = (useLocation().state as { focus?: string } | null)?.focus === 'newRequest';
  const page = useCall('residents.get', { id });
  const status = useCall('app.status', {});
  // In a registered household the household section counts the members; the free count is not shown.
  const inHousehold = (useCall('households.ofResident', { residentId: id }).data?.current ?? null) !== null;
  if (page.isError) return <ErrorNotice error={page.error} />;
  if (!page.data) return <p className="loading">{t('common:loading')}</p>;
  const r = page.data.resident;
  const dash = t('common:none');
  if (r.erasedAt !== null) {
    return (
      <div>
        <h1>{t('privacy:person.erasedName', { id: r.id })}</h1>
        <ErasedNotice residentId={r.id} erasedAt={r.erasedAt} />
        <h2>{t('residents:history', { count: page.data.requests.length })}</h2>
        <RequestTable items={page.data.requests} show="noResident" />
      </div>
    );
  }
  return (
    <div>
      <div className="page-head">
        <h1>{r.fullName}</h1>
        <div className="actions">
          <Link to={`/requests/new?resident=${r.id}`} className="button primary" ref={focusNewRequest ? (el) => el?.focus() : undefined}>
            {t('residents:newRequest')}
          </Link>
          <Link to={`/residents/${r.id}/edit`} className="button">
            {t('common:edit')}
          </Link>
        </div>
      </div>
      <dl className="card details">
        <dt>{t('residents:form.birthYear')}</dt>
        <dd>{r.birthYear ?? dash}</dd>
        <dt>{t('residents:form.address')}</dt>
        <dd>{r.address || dash}</dd>
        <dt>{t('residents:form.phone')}</dt>
        <dd>{r.phones.length > 0 ? r.phones.join(', ') : dash}</dd>
        <dt>{t('residents:form.situation')}</dt>
        <dd>{r.situations.length > 0 ? r.situations.map(labels.situation).join(', ') : dash}</dd>
        {inHousehold ? null : (
          <>
            <dt>{t('residents:form.householdSize')}</dt>
            <dd>{r.householdSize ?? dash}</dd>
          </>
        )}
        <dt>{t('residents:form.care')}</dt>
        <dd>
          {r.regularCare
            ? r.checkinIntervalDays !== null
              ? t('residents:checkinEvery', { count: r.checkinIntervalDays })
              : t('residents:regularCareBadge')
            : t('residents:noRegularCare')}
        </dd>
        {r.healthConsent ? (
          <>
            <dt>{t('privacy:health.label')}</dt>
            <dd className="pre">{r.healthNeeds || dash}</dd>
          </>
        ) : null}
        <dt>{t('residents:form.notes')}</dt>
        <dd className="pre">{r.notes || dash}</dd>
        <dt>{t('residents:registered')}</dt>
        <dd>{format.date(r.createdAt)}</dd>
        {page.data.mergedFrom.length > 0 ? (
          <>
            <dt>{t('residents:merge.mergedFrom')}</dt>
            <dd>
              {page.data.mergedFrom.map((m) => (
                <div key={m.mergedId}>
                  {t('residents:merge.mergedFromLine', {
                    name: m.birthYear !== null ? `${m.fullName}, ${m.birthYear}` : `${m.fullName}, ${t('residents:merge.noYear')}`,
                    date: format.date(m.mergedAt),
                    user: m.mergedBy,
                  })}
                </div>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      <ResidentShelter residentId={r.id} role={status.data?.user.role} />
      <HouseholdSection residentId={r.id} />
      <AssessmentsSection residentId={r.id} />
      <CasesSection residentId={r.id} />
      <ResidentProjects residentId={r.id} role={status.data?.user.role} />
      <ResidentEvents residentId={r.id} role={status.data?.user.role} />
      <ResidentAid residentId={r.id} role={status.data?.user.role} />
      {status.data ? <ConsentPanel residentId={r.id} today={status.data.today} /> : null}
      {status.data?.user.role === 'admin' ? <PersonActions residentId={r.id} name={r.fullName} /> : null}
      <ResidentPlans residentId={r.id} />
      <h2>{t('residents:history', { count: page.data.requests.length })}</h2>
      <RequestTable items={page.data.requests} show="noResident" />
    </div>
  );
}
