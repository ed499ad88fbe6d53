// Kysely types of the privacy feature's tables. Owned by the privacy feature; filled in with its migration.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PrivacyTables {}
