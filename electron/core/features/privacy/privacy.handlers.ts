import type { CoreDeps } from '../../context';
import type { Handler } from '../../handlers';
import type { privacyCalls } from '../../../../shared/api/calls/privacy';

type Calls = keyof typeof privacyCalls;

/** Consent, a person's data export, erasure and retention (privacy issue). */
export function privacyHandlers(_deps: CoreDeps): { [K in Calls]: Handler<K> } {
  return {};
}
