// Frozen in time: imports nothing but kysely. Never edit after it has shipped; add a new file.
// The results report (issue 14) reads a year of requests several times, and the residents
// registered in a period: a covering index keeps each read of the requests in the index (a year
// of a city's requests looked up row by row in the table cost more than the whole report's budget).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // People reached, services at the desk, requests by status, families served: the period's
  // requests with their resident, kind and status, from the index alone.
  await sql`create index requests_day_resident on requests (created_on, resident_id, kind_id, status)`.execute(db);
  // New residents: the residents registered in a period (a city's register is read whole otherwise).
  await sql`create index residents_created on residents (created_at)`.execute(db);
}
