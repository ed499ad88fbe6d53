import type { CoreDeps } from '../../context';
import type { Handler } from '../../handlers';
import type { privacyCalls } from '../../../../shared/api/calls/privacy';
import { privacyService } from './privacy.service';

type Calls = keyof typeof privacyCalls;

/** Consent, a person's data export, erasure and retention (privacy issue). */
export function privacyHandlers(deps: CoreDeps): { [K in Calls]: Handler<K> } {
  const privacy = privacyService(deps);
  return {
    'privacy.settings': () => privacy.settings(),
    'privacy.updateSettings': (input) => privacy.updateSettings(input),
    'privacy.consents': (input) => privacy.consents(input.residentId),
    'privacy.recordConsent': (input, ctx) => privacy.recordConsent(input, ctx.actor),
    'privacy.withdrawConsent': (input, ctx) => privacy.withdrawConsent(input.consentId, input.withdrawnOn, ctx.actor),
    'privacy.exportPerson': (input) => privacy.exportPerson(input.residentId, input.language),
    'privacy.erasePerson': (input, ctx) => privacy.erasePerson(input.residentId, input.confirmName, ctx.actor),
    'privacy.retentionReview': () => privacy.retentionReview(),
    'privacy.anonymiseInactive': (input, ctx) => privacy.anonymiseInactive(input.residentIds, ctx.actor),
    'privacy.purgeSignInEvents': (_input, ctx) => privacy.purgeSignInEvents(ctx.actor),
    'privacy.clearRequestNotes': (input, ctx) => privacy.clearRequestNotes(input.requestIds, ctx.actor),
  };
}
