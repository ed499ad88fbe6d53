import type { CallInput } from '../../../../shared/api/contract';
import type { privacyCalls } from '../../../../shared/api/calls/privacy';
import { DEFAULT_RETENTION } from '../../../../shared/domain/privacy';

/** A valid input for each privacy call (ids point at the first resident, consent and request). */
export function privacyValidInputs(): { [K in keyof typeof privacyCalls]: CallInput<K> } {
  return {
    'privacy.settings': {},
    'privacy.updateSettings': { noticeVersion: '2026-11', retention: DEFAULT_RETENTION },
    'privacy.consents': { residentId: 1 },
    'privacy.recordConsent': { residentId: 1, basis: 'consent', scopes: ['basic', 'health'], givenOn: '2026-11-16' },
    'privacy.withdrawConsent': { consentId: 1 },
    'privacy.exportPerson': { residentId: 1, language: 'ru' },
    'privacy.erasePerson': { residentId: 1, confirmName: 'Иванов Пётр Сергеевич' },
    'privacy.retentionReview': {},
    'privacy.anonymiseInactive': { residentIds: [1] },
    'privacy.purgeSignInEvents': {},
    'privacy.clearRequestNotes': { requestIds: [1] },
  };
}
