/**
 * The city's audit log, written as the app writes it: one entry per call, each row built by
 * `auditRow` and linked with `entryHash` (features/audit), so `audit verify` checks it like any
 * other. Unlike `appendAudit`, which reads the chain's head back for every entry, the writer keeps
 * the head (id and hash) in memory and inserts with one prepared statement; it must be the only
 * writer of the log while the generation runs, and it writes into the transaction that is open
 * on the connection (the runner's batch).
 */
import type Database from 'better-sqlite3';
import { auditRow, type AuditInput } from '../../features/audit/audit.service';
import { entryHash, GENESIS_HASH } from '../../features/audit/audit.chain';

export class AuditChainWriter {
  #id: number;
  #hash: string;
  readonly #insert: Database.Statement;
  appended = 0;

  constructor(sqlite: Database.Database) {
    const head = sqlite.prepare('select id, hash from audit_log order by id desc limit 1').get() as { id: number; hash: string } | undefined;
    this.#id = head?.id ?? 0;
    this.#hash = head?.hash ?? GENESIS_HASH;
    this.#insert = sqlite.prepare(
      `insert into audit_log (id, at, user_id, role, action, call, entity_type, entity_id, resident_id, outcome, details, prev_hash, hash)
       values (@id, @at, @user_id, @role, @action, @call, @entity_type, @entity_id, @resident_id, @outcome, @details, @prev_hash, @hash)`,
    );
  }

  append(entry: AuditInput): number {
    const row = auditRow(this.#id + 1, entry);
    const hash = entryHash(this.#hash, row);
    this.#insert.run({ ...row, prev_hash: this.#hash, hash });
    this.#id = row.id;
    this.#hash = hash;
    this.appended++;
    return row.id;
  }
}
