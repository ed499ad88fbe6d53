// Kysely types of the audit feature's tables. Owned by the audit feature; filled in with its migration.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AuditTables {}
