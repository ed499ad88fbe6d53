// Kysely types of the audit feature's tables (migration 20261123_1920_audit_log).

export interface AuditLogTable {
  id: number;
  at: string;
  user_id: number | null;
  role: string | null;
  /** change | view | export | denied | signIn… (helper-defined kinds of event). */
  action: string;
  call: string;
  entity_type: string | null;
  entity_id: string | null;
  resident_id: number | null;
  /** ok | denied | failed */
  outcome: string;
  /** JSON: { fields: AuditField[] } or null. */
  details: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
