import type { FeatureHandlers } from '../../handlers';
import type { privacyCalls } from '../../../../shared/api/calls/privacy';
import { privacyService } from './privacy.service';

type Calls = keyof typeof privacyCalls;

/** Consent, a person's data export, erasure and retention (privacy issue). */
export const privacyHandlers: FeatureHandlers<Calls> = {
  'privacy.settings': (_input, _ctx, deps) => privacyService(deps).settings(),
  'privacy.updateSettings': (input, _ctx, deps) => privacyService(deps).updateSettings(input),
  'privacy.consents': (input, _ctx, deps) => privacyService(deps).consents(input.residentId),
  'privacy.recordConsent': (input, ctx, deps) => privacyService(deps).recordConsent(input, ctx.actor),
  'privacy.withdrawConsent': (input, ctx, deps) => privacyService(deps).withdrawConsent(input.consentId, input.withdrawnOn, ctx.actor),
  'privacy.exportPerson': (input, _ctx, deps) => privacyService(deps).exportPerson(input.residentId, input.language),
  'privacy.erasePerson': (input, ctx, deps) => privacyService(deps).erasePerson(input.residentId, input.confirmName, ctx.actor),
  'privacy.retentionReview': (_input, _ctx, deps) => privacyService(deps).retentionReview(),
  'privacy.anonymiseInactive': (input, ctx, deps) => privacyService(deps).anonymiseInactive(input.residentIds, ctx.actor),
  'privacy.purgeSignInEvents': (_input, ctx, deps) => privacyService(deps).purgeSignInEvents(ctx.actor),
  'privacy.clearRequestNotes': (input, ctx, deps) => privacyService(deps).clearRequestNotes(input.requestIds, ctx.actor),
};
