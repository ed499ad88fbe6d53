// Kysely types of the users feature's tables. Owned by the users feature; filled in with its migration.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface UsersTables {}
