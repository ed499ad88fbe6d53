import { mkdirSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { AppError } from '../../../../shared/api/errors';
import {
  confirmsName,
  dateBefore,
  DEFAULT_NOTICE_VERSION,
  DEFAULT_RETENTION,
  retentionSchema,
  type Consent,
  type ConsentInput,
  type ErasureResult,
  type InactiveResident,
  type PersonExportResult,
  type PrivacySettings,
  type RetentionReview,
  type StaleRequestNote,
} from '../../../../shared/domain/privacy';
import { fullName } from '../../../../shared/domain/residents';
import type { Language } from '../../../../shared/domain/settings';
import type { Actor, CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { appendAudit } from '../audit/audit.service';
import { readSettings } from '../settings/settings.service';
import { EXPORT_DIR } from '../../data-folder';
import { hasHealthConsent, listConsents } from './consent.repo';
import { checkpoint, deletePersonExports, eraseResident, mentionsElsewhere, type ErasedPerson } from './erasure';
import { collectPersonData, personZip, translator } from './person-export';
import { inTransaction } from '../../db/transaction';

const NOTICE_KEY = 'privacy.noticeVersion';
const RETENTION_KEY = 'privacy.retention';
const CLOSED_STATUSES = ['done', 'cancelled', 'referred'] as const;

export async function readPrivacySettings(ex: Executor): Promise<PrivacySettings> {
  const rows = await ex.selectFrom('settings').select(['key', 'value']).where('key', 'in', [NOTICE_KEY, RETENTION_KEY]).execute();
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  let retention = DEFAULT_RETENTION;
  const stored = byKey.get(RETENTION_KEY);
  if (stored !== undefined) {
    try {
      const parsed = retentionSchema.safeParse({ ...DEFAULT_RETENTION, ...(JSON.parse(stored) as object) });
      if (parsed.success) retention = parsed.data;
    } catch {
      // A damaged value falls back to the defaults.
    }
  }
  return { noticeVersion: byKey.get(NOTICE_KEY) ?? DEFAULT_NOTICE_VERSION, retention };
}

async function writeSetting(ex: Executor, key: string, value: string): Promise<void> {
  await ex
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/**
 * The day of a resident's last contact with the centre: registration, a request, a task, a help
 * plan (an open-ended plan counts as today), a sale, a change to their household membership (they
 * joined, moved, left; living in a household is not itself a contact). SQLite's multi-argument max(); PostgreSQL
 * would say greatest().
 */
const LAST_ACTIVITY = sql<string>`max(
  substr(r.created_at, 1, 10),
  coalesce((select max(q.created_on) from requests q where q.resident_id = r.id), ''),
  coalesce((select max(coalesce(t.done_on, t.scheduled_on)) from tasks t where t.resident_id = r.id), ''),
  coalesce((select max(coalesce(p.ends_on, '9999-12-31')) from help_plans p where p.resident_id = r.id), ''),
  coalesce((select max(s.day) from sales s where s.resident_id = r.id), ''),
  coalesce((select max(max(m.from_on, coalesce(m.to_on, ''))) from household_members m where m.resident_id = r.id), '')
)`;

/**
 * How many residents the retention review lists as past their time (not erased, last contact
 * before `before`), counted from the last contact kept on each resident (`last_activity_on`,
 * migration 20261206_1810: the same day as LAST_ACTIVITY, null while registration is the only
 * one) through two partial indexes, not by computing every resident's last contact as the review does.
 */
export async function countInactiveResidents(ex: Executor, before: string): Promise<number> {
  // The second count: registered with no contact since (null), whose registration day counts (an
  // ISO timestamp sorts before the day `before` exactly when its day does). INDEXED BY: with the
  // app's bounded statistics SQLite would rather range over residents_created (every resident
  // registered before the day) than the partial index of those with no contact.
  const { rows } = await sql<{ n: number }>`
    select (select count(*) from residents indexed by residents_last_activity where erased_at is null and last_activity_on < ${before})
      + (select count(*) from residents indexed by residents_no_activity where erased_at is null and last_activity_on is null and created_at < ${before}) as n`.execute(ex);
  return Number(rows[0]?.n ?? 0);
}

/** The residents due for the retention review today: the day before which the last contact falls, and how many. */
export async function retentionDue(ex: Executor, today: string): Promise<{ before: string; residents: number }> {
  const { retention } = await readPrivacySettings(ex);
  const before = dateBefore(today, retention.inactiveResidentYears);
  return { before, residents: await countInactiveResidents(ex, before) };
}

export function privacyService(deps: CoreDeps) {
  const { db, clock } = deps;
  const exportsDir = deps.paths.dataDir === null ? null : path.join(deps.paths.dataDir, EXPORT_DIR);

  async function inactiveResidents(ex: Executor, before: string, ids?: number[]): Promise<InactiveResident[]> {
    let q = ex
      .selectFrom('residents as r')
      .select(['r.id', 'r.last_name', 'r.first_name', 'r.patronymic', 'r.settlement', LAST_ACTIVITY.as('last_activity')])
      .where('r.erased_at', 'is', null)
      .where(LAST_ACTIVITY, '<', before);
    if (ids) q = q.where('r.id', 'in', ids);
    const rows = await q.orderBy('last_activity').orderBy('r.sort_key').orderBy('r.id').limit(ids ? ids.length : 500).execute();
    return rows.map((r) => ({
      id: r.id,
      fullName: fullName({ lastName: r.last_name, firstName: r.first_name, patronymic: r.patronymic }),
      settlement: r.settlement,
      lastActivity: r.last_activity,
    }));
  }

  /** Closed requests whose closing day is before `before` and that still carry some free text. */
  async function staleRequestNotes(ex: Executor, before: string, ids?: number[]): Promise<StaleRequestNote[]> {
    let q = ex
      .selectFrom('requests as q')
      .innerJoin('residents as r', 'r.id', 'q.resident_id')
      .innerJoin('service_kinds as k', 'k.id', 'q.kind_id')
      .select(['q.id', 'q.resident_id', 'r.last_name', 'r.first_name', 'r.patronymic', 'k.code', 'k.name', 'q.created_on', 'q.updated_at', 'q.status'])
      .where('q.status', 'in', [...CLOSED_STATUSES])
      .where(sql<string>`substr(q.updated_at, 1, 10)`, '<', before)
      .where((eb) =>
        eb.or([
          eb('q.description', '<>', ''),
          eb.exists(eb.selectFrom('request_status_history as h').select('h.id').whereRef('h.request_id', '=', 'q.id').where('h.note', '<>', '')),
          eb.exists(
            eb
              .selectFrom('tasks as t')
              .select('t.id')
              .whereRef('t.request_id', '=', 'q.id')
              .where((e) => e.or([e('t.note', '<>', ''), e('t.not_done_reason', '<>', '')])),
          ),
        ]),
      );
    if (ids) q = q.where('q.id', 'in', ids);
    const rows = await q.orderBy('q.updated_at').orderBy('q.id').limit(ids ? ids.length : 500).execute();
    return rows.map((r) => ({
      requestId: r.id,
      residentId: r.resident_id,
      residentName: fullName({ lastName: r.last_name, firstName: r.first_name, patronymic: r.patronymic }),
      kindCode: r.code,
      kindName: r.name,
      createdOn: r.created_on,
      closedOn: r.updated_at.slice(0, 10),
      status: r.status,
    }));
  }

  /** Erases in one transaction (with its audit entries), then checkpoints and looks for leftovers. */
  async function erase(call: 'privacy.erasePerson' | 'privacy.anonymiseInactive', ids: number[], actor: Actor, check?: (trx: Executor, id: number) => Promise<void>): Promise<ErasedPerson[]> {
    const at = clock.now().toISOString();
    const today = clock.today();
    const language = (await readSettings(db))?.language ?? 'en';
    const placeholderWord = translator(language)('privacy:person.erasedPlaceholder');
    const erased = await inTransaction(db, async (trx) => {
      const out: ErasedPerson[] = [];
      for (const id of ids) {
        if (check) await check(trx, id);
        const person = await eraseResident(trx, id, { actorId: actor.id, at, today, placeholderWord });
        await appendAudit(trx, {
          at,
          userId: actor.id,
          role: actor.role,
          action: 'erase',
          call,
          entityType: 'residents',
          entityId: id,
          residentId: id,
          fields: Object.keys(person.blanked).map((table) => ({ field: table, changed: true as const })),
        });
        out.push(person);
      }
      return out;
    });
    for (const p of erased) deletePersonExports(exportsDir, p.residentId);
    return erased;
  }

  return {
    settings: () => readPrivacySettings(db),

    async updateSettings(s: PrivacySettings): Promise<PrivacySettings> {
      await inTransaction(db, async (trx) => {
        await writeSetting(trx, NOTICE_KEY, s.noticeVersion);
        await writeSetting(trx, RETENTION_KEY, JSON.stringify(s.retention));
      });
      return readPrivacySettings(db);
    },

    consents: (residentId: number) => listConsents(db, residentId),

    async recordConsent(input: ConsentInput & { note: string }, actor: Actor): Promise<Consent[]> {
      const at = clock.now().toISOString();
      if (input.givenOn > clock.today()) {
        throw new AppError('validation', 'Consent cannot be given in the future', { fields: [{ path: 'givenOn', message: 'validation.dateInFuture' }] });
      }
      await inTransaction(db, async (trx) => {
        const r = await trx.selectFrom('residents').select(['id', 'erased_at']).where('id', '=', input.residentId).executeTakeFirst();
        if (!r) throw new AppError('notFound', `Resident ${input.residentId} not found`);
        if (r.erased_at !== null) throw new AppError('conflict', 'This person was erased');
        const { noticeVersion } = await readPrivacySettings(trx);
        await trx
          .insertInto('resident_consents')
          .values({
            resident_id: input.residentId,
            basis: input.basis,
            scope_basic: input.scopes.includes('basic') ? 1 : 0,
            scope_health: input.scopes.includes('health') ? 1 : 0,
            scope_photos: input.scopes.includes('photos') ? 1 : 0,
            given_on: input.givenOn,
            notice_version: noticeVersion,
            note: input.note,
            recorded_at: at,
            recorded_by: actor.id,
            withdrawn_on: null,
            withdrawn_at: null,
            withdrawn_by: null,
          })
          .execute();
      });
      return listConsents(db, input.residentId);
    },

    /**
     * Withdrawal. When no other consent covers health any more, the health-related needs (and the
     * situation "disability") are deleted, not merely hidden: consent was their only basis, and GDPR art. 17(1)(b) asks for
     * erasure when it is withdrawn and nothing else allows keeping them. The audit entry names the
     * field, never its value.
     */
    async withdrawConsent(consentId: number, withdrawnOn: string | undefined, actor: Actor): Promise<Consent[]> {
      const at = clock.now().toISOString();
      const residentId = await inTransaction(db, async (trx) => {
        const c = await trx.selectFrom('resident_consents').select(['id', 'resident_id', 'withdrawn_at']).where('id', '=', consentId).executeTakeFirst();
        if (!c) throw new AppError('notFound', `Consent ${consentId} not found`);
        if (c.withdrawn_at !== null) throw new AppError('conflict', 'This consent was already withdrawn');
        if (withdrawnOn !== undefined && withdrawnOn > clock.today()) {
          throw new AppError('validation', 'Withdrawal cannot be in the future', { fields: [{ path: 'withdrawnOn', message: 'validation.dateInFuture' }] });
        }
        await trx
          .updateTable('resident_consents')
          .set({ withdrawn_on: withdrawnOn ?? clock.today(), withdrawn_at: at, withdrawn_by: actor.id })
          .where('id', '=', consentId)
          .execute();
        const fields: Array<{ field: string; changed: true }> = [{ field: 'consent', changed: true }];
        if (!(await hasHealthConsent(trx, c.resident_id))) {
          const cleared = await trx
            .updateTable('residents')
            .set({ health_needs: '', updated_at: at, updated_by: actor.id })
            .where('id', '=', c.resident_id)
            .where('health_needs', '<>', '')
            .executeTakeFirst();
          if (Number(cleared.numUpdatedRows) > 0) fields.push({ field: 'healthNeeds', changed: true });
          // The situation "disability" is health data under the same rule (issue 13).
          const untick = await trx
            .updateTable('residents')
            .set({ disability: 0, updated_at: at, updated_by: actor.id })
            .where('id', '=', c.resident_id)
            .where('disability', '=', 1)
            .executeTakeFirst();
          if (Number(untick.numUpdatedRows) > 0) fields.push({ field: 'situations', changed: true });
        }
        await appendAudit(trx, {
          at,
          userId: actor.id,
          role: actor.role,
          action: 'withdraw',
          call: 'privacy.withdrawConsent',
          entityType: 'resident_consents',
          entityId: consentId,
          residentId: c.resident_id,
          fields,
        });
        return c.resident_id;
      });
      return listConsents(db, residentId);
    },

    async exportPerson(residentId: number, language: Language): Promise<PersonExportResult> {
      if (exportsDir === null) throw new AppError('notFound', 'This installation has no data folder (an in-memory database)');
      const now = clock.now();
      const settings = await readSettings(db);
      const { retention } = await readPrivacySettings(db);
      const data = await collectPersonData(db, residentId, { language, createdAt: now.toISOString(), centreName: settings?.centreName ?? null, retention });
      const zip = personZip(data, language, now);
      mkdirSync(exportsDir, { recursive: true });
      const id = `person-${residentId}-${now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}.zip`;
      const temp = path.join(exportsDir, `.${id}.tmp`);
      writeFileSync(temp, zip);
      renameSync(temp, path.join(exportsDir, id));
      return { id, files: ['person.json', 'person.html'] };
    },

    async erasePerson(residentId: number, confirmName: string, actor: Actor): Promise<ErasureResult> {
      const erased = await erase('privacy.erasePerson', [residentId], actor, async (trx, id) => {
        const r = await trx.selectFrom('residents').select(['last_name', 'first_name', 'patronymic']).where('id', '=', id).executeTakeFirst();
        if (!r) throw new AppError('notFound', `Resident ${id} not found`);
        const name = fullName({ lastName: r.last_name, firstName: r.first_name, patronymic: r.patronymic });
        if (!confirmsName(confirmName, name)) {
          throw new AppError('validation', 'The typed name does not match', { fields: [{ path: 'confirmName', message: 'validation.confirmName' }] });
        }
      });
      const person = erased[0] as ErasedPerson;
      const checkpointed = checkpoint(deps.sqlite);
      return { residentId, blanked: person.blanked, checkpointed, mentionsElsewhere: mentionsElsewhere(deps.sqlite, person.lastName) };
    },

    async retentionReview(): Promise<RetentionReview> {
      const today = clock.today();
      const { retention } = await readPrivacySettings(db);
      const inactiveBefore = dateBefore(today, retention.inactiveResidentYears);
      const notesBefore = dateBefore(today, retention.closedRequestNotesYears);
      const signInBefore = dateBefore(today, 0, retention.signInEventsMonths);
      const signIns = await db.selectFrom('sign_in_events').select((eb) => eb.fn.countAll<number>().as('n')).where('at', '<', signInBefore).executeTakeFirstOrThrow();
      return {
        today,
        retention,
        inactiveBefore,
        notesBefore,
        residents: await inactiveResidents(db, inactiveBefore),
        requestNotes: await staleRequestNotes(db, notesBefore),
        signInEvents: { before: signInBefore, count: Number(signIns.n) },
      };
    },

    /** The same erasure, for residents still past their time when the admin presses the button. */
    async anonymiseInactive(ids: number[], actor: Actor): Promise<{ erased: number }> {
      const unique = [...new Set(ids)];
      const { retention } = await readPrivacySettings(db);
      const before = dateBefore(clock.today(), retention.inactiveResidentYears);
      const erased = await erase('privacy.anonymiseInactive', unique, actor, async (trx, id) => {
        if ((await inactiveResidents(trx, before, [id])).length === 0) {
          throw new AppError('conflict', `Resident ${id} is not past the retention period`, { details: { residentId: id } });
        }
      });
      checkpoint(deps.sqlite);
      return { erased: erased.length };
    },

    async purgeSignInEvents(actor: Actor): Promise<{ deleted: number }> {
      const { retention } = await readPrivacySettings(db);
      const before = dateBefore(clock.today(), 0, retention.signInEventsMonths);
      const at = clock.now().toISOString();
      const deleted = await inTransaction(db, async (trx) => {
        const r = await trx.deleteFrom('sign_in_events').where('at', '<', before).executeTakeFirst();
        const n = Number(r.numDeletedRows);
        if (n > 0) {
          await appendAudit(trx, { at, userId: actor.id, role: actor.role, action: 'retention', call: 'privacy.purgeSignInEvents', entityType: 'sign_in_events', fields: [{ field: 'rows', new: n }] });
        }
        return n;
      });
      checkpoint(deps.sqlite);
      return { deleted };
    },

    async clearRequestNotes(ids: number[], actor: Actor): Promise<{ cleared: number }> {
      const at = clock.now().toISOString();
      const { retention } = await readPrivacySettings(db);
      const before = dateBefore(clock.today(), retention.closedRequestNotesYears);
      const cleared = await inTransaction(db, async (trx) => {
        const due = (await staleRequestNotes(trx, before, [...new Set(ids)])).map((r) => r.requestId);
        if (due.length === 0) return 0;
        await trx.updateTable('requests').set({ description: '' }).where('id', 'in', due).execute();
        await trx.updateTable('request_status_history').set({ note: '' }).where('request_id', 'in', due).execute();
        await trx
          .updateTable('tasks')
          .set((eb) => ({ note: '', not_done_reason: eb.case().when('not_done_reason', 'is', null).then(null).else('').end() }))
          .where('request_id', 'in', due)
          .execute();
        for (const id of due) {
          await appendAudit(trx, {
            at,
            userId: actor.id,
            role: actor.role,
            action: 'retention',
            call: 'privacy.clearRequestNotes',
            entityType: 'requests',
            entityId: id,
            fields: [{ field: 'description', changed: true }],
          });
        }
        return due.length;
      });
      checkpoint(deps.sqlite);
      return { cleared };
    },
  };
}
