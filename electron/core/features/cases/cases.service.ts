/**
 * Case management: the rules the schemas cannot check, each refusal a field issue with a
 * translated key (common:validation.*) and nothing written before every check has passed:
 * - one open case at a time for a person, and for a household: a second is refused with the way
 *   to the open one (the details carry its id), as the partial unique indexes would refuse it;
 * - what has happened is never dated in the future (opened, contacts, reviews, the agreement,
 *   the closure, an action done), nor before the case was opened; due days and the next review
 *   may be in the future;
 * - case content is health/case content: it is written only under a consent covering health of
 *   the person (for a household: its head's, who speaks for the household and signs its
 *   agreement; members the centre registers by name may have their own case besides);
 * - closing a case with actions still open is refused (code openActions, with their count)
 *   unless the worker confirmed it (`confirmOpenActions`): the screen shows the warning and a
 *   confirm button;
 * - a closed case takes no more changes.
 * The call's transaction (dispatch) keeps a refused call from leaving anything half-saved.
 */
import { AppError } from '../../../../shared/api/errors';
import type { Case, CaseOutcome, Caseload, ContactKind, ResidentCases } from '../../../../shared/domain/cases';
import type { Actor, CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { hasHealthConsent } from '../privacy/consent.repo';
import type { CaseRow } from './cases.table';
import * as repo from './cases.repo';
import { FieldIssues } from '../../field-issues';

/** The roles that lead cases (coordinators are the centre's caseworkers; ARCHITECTURE.md, "Roles"). */
const WORKER_ROLES = ['coordinator', 'admin'];

function notFound(id: number): AppError {
  return new AppError('notFound', `Case ${id} not found`);
}


export function casesService(deps: CoreDeps) {
  const { db, clock } = deps;
  const stampOf = (actor: Actor): repo.Stamp => ({ at: clock.now().toISOString(), by: actor.id });

  /** A day something happened: the given one or today; never in the future, never before the case was opened. */
  const happened = (on: string | undefined, path: string, issues: FieldIssues, openedOn?: string): string => {
    const today = clock.today();
    const day = on ?? today;
    if (day > today) issues.add(path, 'validation.dateInFuture');
    else if (openedOn !== undefined && day < openedOn) issues.add(path, 'validation.beforeCaseOpened');
    return day;
  };

  /**
   * Whether the case's subject has a consent covering health in force: the resident's own, or for
   * a household its head's (the head speaks for the household in the centre's casework and signs
   * its agreement; a member who needs their own accompaniment gets a case of their own).
   */
  async function consentCovers(ex: Executor, subject: { residentId: number | null; householdId: number | null }): Promise<boolean> {
    let residentId = subject.residentId;
    if (residentId === null && subject.householdId !== null) residentId = (await repo.headsOf(ex, [subject.householdId])).get(subject.householdId) ?? null;
    return residentId !== null && (await hasHealthConsent(ex, residentId));
  }

  async function checkConsent(ex: Executor, subject: { residentId: number | null; householdId: number | null }, path: string, issues: FieldIssues): Promise<void> {
    if (!(await consentCovers(ex, subject))) issues.add(path, subject.residentId === null ? 'validation.caseConsentHead' : 'validation.caseConsentRequired');
  }

  /** A case that exists and is open. */
  async function openCase(ex: Executor, id: number): Promise<CaseRow> {
    const c = await repo.caseRow(ex, id);
    if (!c) throw notFound(id);
    if (c.status !== 'open') throw new AppError('validation', `Case ${id} is closed`, { fields: [{ path: 'id', message: 'validation.caseClosed' }] });
    return c;
  }

  const found = async (ex: Executor, id: number): Promise<Case> => {
    const c = await repo.findCase(ex, id, clock.today());
    if (!c) throw notFound(id);
    return c;
  };

  const touch = (ex: Executor, id: number, s: repo.Stamp, set: Partial<Omit<CaseRow, 'id'>> = {}) =>
    ex.updateTable('cases').set({ ...set, updated_at: s.at, updated_by: s.by }).where('id', '=', id).execute();

  /** A user who may lead a case or be responsible for an action: active, a coordinator or an admin. */
  async function isWorker(ex: Executor, userId: number): Promise<boolean> {
    const u = await ex.selectFrom('users').select(['role', 'active']).where('id', '=', userId).executeTakeFirst();
    return u !== undefined && u.active === 1 && WORKER_ROLES.includes(u.role);
  }

  return {
    get: (id: number) => found(db, id),

    async ofResident(residentId: number): Promise<ResidentCases> {
      const resident = await db.selectFrom('residents').select('id').where('id', '=', residentId).executeTakeFirst();
      if (!resident) throw new AppError('notFound', `Resident ${residentId} not found`);
      const home = await db.selectFrom('household_members').select('household_id').where('resident_id', '=', residentId).where('to_on', 'is', null).executeTakeFirst();
      const householdId = home?.household_id ?? null;
      return { cases: await repo.casesOf(db, residentId, householdId, clock.today()), householdId };
    },

    async caseload(workerId: number | undefined, actor: Actor): Promise<Caseload> {
      const id = workerId ?? actor.id;
      const user = await db.selectFrom('users').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
      if (!user) throw new AppError('notFound', `User ${id} not found`);
      const workers = await db.selectFrom('users').select(['id', 'name']).where('role', 'in', WORKER_ROLES).where('active', '=', 1).orderBy('name').execute();
      return { ...(await repo.caseload(db, user, clock.today())), workers };
    },

    async open(
      input: { residentId?: number | undefined; householdId?: number | undefined; openedOn?: string | undefined; workerId?: number | undefined; assessmentId?: number | undefined; goals: string[]; nextReviewOn?: string | undefined },
      actor: Actor,
    ): Promise<Case> {
      const s = stampOf(actor);
      const issues = new FieldIssues('The case change was refused');
      const openedOn = happened(input.openedOn, 'openedOn', issues);
      if (input.nextReviewOn !== undefined && input.nextReviewOn < openedOn) issues.add('nextReviewOn', 'validation.dateOrder');
      const workerId = input.workerId ?? actor.id;
      if (!(await isWorker(db, workerId))) issues.add('workerId', 'validation.unknownWorker');
      const subject = { residentId: input.residentId ?? null, householdId: input.householdId ?? null };
      if (subject.residentId !== null) {
        const r = await db.selectFrom('residents').select(['id', 'erased_at', 'left_on']).where('id', '=', subject.residentId).executeTakeFirst();
        if (!r || r.erased_at !== null) issues.add('residentId', 'validation.unknownResident');
        else if (r.left_on !== null) issues.add('residentId', 'validation.residentLeftCase');
        else {
          const open = await repo.openCaseOf(db, { residentId: subject.residentId });
          if (open !== undefined) {
            issues.add('residentId', 'validation.caseAlreadyOpen');
            issues.details.caseId = open;
          } else await checkConsent(db, subject, 'residentId', issues);
        }
      } else if (subject.householdId !== null) {
        const h = await db.selectFrom('households').select(['id', 'closed_on']).where('id', '=', subject.householdId).executeTakeFirst();
        if (!h) issues.add('householdId', 'validation.unknownHousehold');
        else if (h.closed_on !== null) issues.add('householdId', 'validation.householdClosed');
        else {
          const open = await repo.openCaseOf(db, { householdId: subject.householdId });
          if (open !== undefined) {
            issues.add('householdId', 'validation.caseAlreadyOpen');
            issues.details.caseId = open;
          } else await checkConsent(db, subject, 'householdId', issues);
        }
      }
      if (input.assessmentId !== undefined) {
        // A case opened from an assessment continues it: the assessment is of the same person or household.
        const a = await db.selectFrom('assessments').select(['resident_id', 'household_id']).where('id', '=', input.assessmentId).executeTakeFirst();
        const same = a !== undefined && ((subject.residentId !== null && a.resident_id === subject.residentId) || (subject.householdId !== null && a.household_id === subject.householdId));
        if (!same) issues.add('assessmentId', 'validation.caseAssessment');
      }
      issues.throwIfAny();

      const row = await db
        .insertInto('cases')
        .values({
          resident_id: subject.residentId,
          household_id: subject.householdId,
          opened_on: openedOn,
          worker_id: workerId,
          next_review_on: input.nextReviewOn ?? null,
          assessment_id: input.assessmentId ?? null,
          created_at: s.at,
          created_by: s.by,
          updated_at: s.at,
          updated_by: s.by,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      let position = 0;
      for (const text of input.goals) await db.insertInto('case_goals').values({ case_id: row.id, position: position++, text }).execute();
      return found(db, row.id);
    },

    async updatePlan(input: { id: number; goals: string[] }, actor: Actor): Promise<Case> {
      const c = await openCase(db, input.id);
      const issues = new FieldIssues('The case change was refused');
      await checkConsent(db, { residentId: c.resident_id, householdId: c.household_id }, 'goals', issues);
      issues.throwIfAny();
      await db.deleteFrom('case_goals').where('case_id', '=', c.id).execute();
      let position = 0;
      for (const text of input.goals) await db.insertInto('case_goals').values({ case_id: c.id, position: position++, text }).execute();
      await touch(db, c.id, stampOf(actor));
      return found(db, c.id);
    },

    async addAction(input: { id: number; text: string; dueOn: string; responsibleUserId?: number | undefined; responsibleText: string }, actor: Actor): Promise<Case> {
      const s = stampOf(actor);
      const c = await openCase(db, input.id);
      const issues = new FieldIssues('The case change was refused');
      if (input.dueOn < c.opened_on) issues.add('dueOn', 'validation.beforeCaseOpened');
      if (input.responsibleUserId !== undefined && !(await isWorker(db, input.responsibleUserId))) issues.add('responsibleUserId', 'validation.unknownWorker');
      await checkConsent(db, { residentId: c.resident_id, householdId: c.household_id }, 'text', issues);
      issues.throwIfAny();
      await db
        .insertInto('case_actions')
        .values({
          case_id: c.id,
          text: input.text,
          due_on: input.dueOn,
          responsible_user_id: input.responsibleUserId ?? null,
          responsible_text: input.responsibleUserId === undefined ? input.responsibleText : '',
          created_at: s.at,
          created_by: s.by,
          updated_at: s.at,
          updated_by: s.by,
        })
        .execute();
      await touch(db, c.id, s);
      return found(db, c.id);
    },

    async completeAction(input: { id: number; actionId: number; doneOn?: string | undefined }, actor: Actor): Promise<Case> {
      const s = stampOf(actor);
      const c = await openCase(db, input.id);
      const issues = new FieldIssues('The case change was refused');
      const day = happened(input.doneOn, 'doneOn', issues, c.opened_on);
      const a = await db.selectFrom('case_actions').select(['id', 'done_on']).where('id', '=', input.actionId).where('case_id', '=', c.id).executeTakeFirst();
      if (!a) issues.add('actionId', 'validation.unknownAction');
      else if (a.done_on !== null) issues.add('actionId', 'validation.actionDone');
      issues.throwIfAny();
      await db.updateTable('case_actions').set({ done_on: day, updated_at: s.at, updated_by: s.by }).where('id', '=', input.actionId).execute();
      await touch(db, c.id, s);
      return found(db, c.id);
    },

    async logContact(input: { id: number; on?: string | undefined; kind: ContactKind; note: string }, actor: Actor): Promise<Case> {
      const s = stampOf(actor);
      const c = await openCase(db, input.id);
      const issues = new FieldIssues('The case change was refused');
      const day = happened(input.on, 'on', issues, c.opened_on);
      await checkConsent(db, { residentId: c.resident_id, householdId: c.household_id }, 'note', issues);
      issues.throwIfAny();
      await db.insertInto('case_contacts').values({ case_id: c.id, contact_on: day, kind: input.kind, note: input.note, by_user_id: actor.id, created_at: s.at }).execute();
      await touch(db, c.id, s);
      return found(db, c.id);
    },

    async review(input: { id: number; on?: string | undefined; note: string; nextReviewOn?: string | undefined }, actor: Actor): Promise<Case> {
      const s = stampOf(actor);
      const c = await openCase(db, input.id);
      const issues = new FieldIssues('The case change was refused');
      const day = happened(input.on, 'on', issues, c.opened_on);
      if (input.nextReviewOn !== undefined && input.nextReviewOn <= day) issues.add('nextReviewOn', 'validation.nextReviewAfter');
      await checkConsent(db, { residentId: c.resident_id, householdId: c.household_id }, 'note', issues);
      issues.throwIfAny();
      const next = input.nextReviewOn ?? null;
      await db.insertInto('case_reviews').values({ case_id: c.id, reviewed_on: day, note: input.note, next_review_on: next, by_user_id: actor.id, created_at: s.at }).execute();
      await touch(db, c.id, s, { next_review_on: next });
      return found(db, c.id);
    },

    async recordAgreement(input: { id: number; signedOn: string; note: string }, actor: Actor): Promise<Case> {
      const c = await openCase(db, input.id);
      const issues = new FieldIssues('The case change was refused');
      const day = happened(input.signedOn, 'signedOn', issues, c.opened_on);
      await checkConsent(db, { residentId: c.resident_id, householdId: c.household_id }, 'note', issues);
      issues.throwIfAny();
      await touch(db, c.id, stampOf(actor), { agreement_on: day, agreement_note: input.note });
      return found(db, c.id);
    },

    async close(input: { id: number; closedOn?: string | undefined; outcome: CaseOutcome; note: string; confirmOpenActions: boolean }, actor: Actor): Promise<Case> {
      const c = await openCase(db, input.id);
      const issues = new FieldIssues('The case change was refused');
      const day = happened(input.closedOn, 'closedOn', issues, c.opened_on);
      if (input.note !== '') await checkConsent(db, { residentId: c.resident_id, householdId: c.household_id }, 'note', issues);
      issues.throwIfAny();
      const open = Number(
        (await db.selectFrom('case_actions').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', c.id).where('done_on', 'is', null).executeTakeFirstOrThrow()).n,
      );
      if (open > 0 && !input.confirmOpenActions) {
        throw new AppError('openActions', `Case ${c.id} has ${open} open actions`, { details: { count: open } });
      }
      await touch(db, c.id, stampOf(actor), { status: 'closed', closed_on: day, outcome: input.outcome, closing_note: input.note });
      return found(db, c.id);
    },
  };
}
