/** Consent queries (table resident_consents); also used by the residents feature. */
import type { Executor } from '../../db/schema';
import { CONSENT_SCOPES, LEGAL_BASES, type Consent, type ConsentScope, type LegalBasis } from '../../../../shared/domain/privacy';

/** Whether a consent covering health-related needs is in force for the resident. */
export async function hasHealthConsent(ex: Executor, residentId: number): Promise<boolean> {
  const row = await ex
    .selectFrom('resident_consents')
    .select('id')
    .where('resident_id', '=', residentId)
    .where('scope_health', '=', 1)
    .where('withdrawn_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listConsents(ex: Executor, residentId: number): Promise<Consent[]> {
  const rows = await ex
    .selectFrom('resident_consents as c')
    .leftJoin('users as u', 'u.id', 'c.recorded_by')
    .leftJoin('users as w', 'w.id', 'c.withdrawn_by')
    .selectAll('c')
    .select(['u.name as recorded_by_name', 'w.name as withdrawn_by_name'])
    .where('c.resident_id', '=', residentId)
    .orderBy('c.given_on', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  return rows.map((r) => {
    const flags: Record<ConsentScope, number> = { basic: r.scope_basic, health: r.scope_health, photos: r.scope_photos };
    return {
      id: r.id,
      residentId: r.resident_id,
      basis: ((LEGAL_BASES as readonly string[]).includes(r.basis) ? r.basis : 'consent') as LegalBasis,
      scopes: CONSENT_SCOPES.filter((s) => flags[s] === 1),
      givenOn: r.given_on,
      noticeVersion: r.notice_version,
      note: r.note,
      recordedAt: r.recorded_at,
      recordedBy: r.recorded_by_name ?? '',
      withdrawnOn: r.withdrawn_on,
      withdrawnBy: r.withdrawn_by_name ?? null,
    };
  });
}
