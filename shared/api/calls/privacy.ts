// Consent, a person's data export, erasure and retention (privacy issue). Call names: privacy.*
export const privacyCalls = {};
