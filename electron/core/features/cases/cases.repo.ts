import type { Executor } from '../../db/schema';
import type { CaseRow } from './cases.table';
import { fullName } from '../../../../shared/domain/residents';
import {
  CASE_OUTCOMES,
  CONTACT_KINDS,
  type Case,
  type CaseAction,
  type CaseOutcome,
  type Caseload,
  type CaseSummary,
  type ContactKind,
} from '../../../../shared/domain/cases';

/** Who changed a row and when. */
export interface Stamp {
  at: string;
  by: number;
}

const outcomeOf = (v: string | null): CaseOutcome | null => (v !== null && (CASE_OUTCOMES as readonly string[]).includes(v) ? (v as CaseOutcome) : null);
const kindOf = (v: string): ContactKind => ((CONTACT_KINDS as readonly string[]).includes(v) ? (v as ContactKind) : 'meeting');
const statusOf = (v: string): 'open' | 'closed' => (v === 'closed' ? 'closed' : 'open');
type NameParts = { last_name: string | null; first_name: string | null; patronymic: string | null };
const nameOf = (r: NameParts): string => (r.last_name === null ? '' : fullName({ lastName: r.last_name, firstName: r.first_name ?? '', patronymic: r.patronymic ?? '' }));

export async function caseRow(ex: Executor, id: number): Promise<CaseRow | undefined> {
  return ex.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The open case of a resident or of a household, if any (one at a time: cases_one_open_*). */
export async function openCaseOf(ex: Executor, subject: { residentId: number } | { householdId: number }): Promise<number | undefined> {
  const q = ex.selectFrom('cases').select('id').where('status', '=', 'open');
  const row = await ('residentId' in subject ? q.where('resident_id', '=', subject.residentId) : q.where('household_id', '=', subject.householdId)).executeTakeFirst();
  return row?.id;
}

/** The head now of each of these households (household id → resident id). */
export async function headsOf(ex: Executor, householdIds: readonly number[]): Promise<Map<number, number>> {
  if (householdIds.length === 0) return new Map();
  const rows = await ex
    .selectFrom('household_members')
    .select(['household_id', 'resident_id'])
    .where('household_id', 'in', [...householdIds])
    .where('relation', '=', 'head')
    .where('to_on', 'is', null)
    .execute();
  return new Map(rows.flatMap((r) => (r.resident_id === null ? [] : [[r.household_id, r.resident_id] as const])));
}

/** The names of the cases' subjects: the resident's, or the head's of a household (case id → name). */
async function subjectNames(ex: Executor, rows: ReadonlyArray<Pick<CaseRow, 'id' | 'resident_id' | 'household_id'>>): Promise<Map<number, string>> {
  const heads = await headsOf(
    ex,
    [...new Set(rows.flatMap((r) => (r.household_id === null ? [] : [r.household_id])))],
  );
  const residentIds = [...new Set([...rows.flatMap((r) => (r.resident_id === null ? [] : [r.resident_id])), ...heads.values()])];
  const people =
    residentIds.length === 0
      ? new Map<number, string>()
      : new Map(
          (await ex.selectFrom('residents').select(['id', 'last_name', 'first_name', 'patronymic']).where('id', 'in', residentIds).execute()).map((r) => [r.id, nameOf(r)]),
        );
  return new Map(
    rows.map((r) => {
      const who = r.resident_id ?? (r.household_id !== null ? heads.get(r.household_id) : undefined);
      return [r.id, who === undefined ? '' : (people.get(who) ?? '')];
    }),
  );
}

async function userNames(ex: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  return new Map((await ex.selectFrom('users').select(['id', 'name']).where('id', 'in', unique).execute()).map((u) => [u.id, u.name]));
}

/** A case with its plan, contacts and reviews; `today` decides what is overdue. */
export async function findCase(ex: Executor, id: number, today: string): Promise<Case | undefined> {
  const c = await caseRow(ex, id);
  if (!c) return undefined;
  const goals = await ex.selectFrom('case_goals').select('text').where('case_id', '=', id).orderBy('position').execute();
  const actions = await ex.selectFrom('case_actions').selectAll().where('case_id', '=', id).orderBy('due_on').orderBy('id').execute();
  const contacts = await ex.selectFrom('case_contacts').selectAll().where('case_id', '=', id).orderBy('contact_on', 'desc').orderBy('id', 'desc').execute();
  const reviews = await ex.selectFrom('case_reviews').selectAll().where('case_id', '=', id).orderBy('reviewed_on', 'desc').orderBy('id', 'desc').execute();
  const users = await userNames(ex, [
    c.worker_id,
    ...actions.flatMap((a) => (a.responsible_user_id === null ? [] : [a.responsible_user_id])),
    ...contacts.map((x) => x.by_user_id),
    ...reviews.map((x) => x.by_user_id),
  ]);
  const names = await subjectNames(ex, [c]);
  const open = c.status === 'open';
  const actionList = actions.map(
    (a): CaseAction => ({
      id: a.id,
      text: a.text,
      dueOn: a.due_on,
      responsibleUserId: a.responsible_user_id,
      responsibleUserName: a.responsible_user_id === null ? null : (users.get(a.responsible_user_id) ?? ''),
      responsibleText: a.responsible_text,
      doneOn: a.done_on,
      overdue: open && a.done_on === null && a.due_on < today,
    }),
  );
  return {
    id: c.id,
    residentId: c.resident_id,
    householdId: c.household_id,
    subjectName: names.get(c.id) ?? '',
    openedOn: c.opened_on,
    workerId: c.worker_id,
    workerName: users.get(c.worker_id) ?? '',
    status: statusOf(c.status),
    closedOn: c.closed_on,
    nextReviewOn: c.next_review_on,
    outcome: outcomeOf(c.outcome),
    closingNote: c.closing_note,
    agreementOn: c.agreement_on,
    agreementNote: c.agreement_note,
    assessmentId: c.assessment_id,
    goals: goals.map((g) => g.text),
    actions: actionList,
    contacts: contacts.map((x) => ({ id: x.id, on: x.contact_on, kind: kindOf(x.kind), note: x.note, byUserId: x.by_user_id, byUserName: users.get(x.by_user_id) ?? '' })),
    reviews: reviews.map((x) => ({ id: x.id, on: x.reviewed_on, note: x.note, nextReviewOn: x.next_review_on, byUserId: x.by_user_id, byUserName: users.get(x.by_user_id) ?? '' })),
    openActions: actions.filter((a) => a.done_on === null).length,
    reviewOverdue: open && c.next_review_on !== null && c.next_review_on < today,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

/** Goals and open actions per case (case id → counts). */
async function countsOf(ex: Executor, caseIds: readonly number[], today: string): Promise<Map<number, { goals: number; open: number; overdue: number }>> {
  const out = new Map(caseIds.map((id) => [id, { goals: 0, open: 0, overdue: 0 }]));
  if (caseIds.length === 0) return out;
  const goals = await ex
    .selectFrom('case_goals')
    .select(['case_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('case_id', 'in', [...caseIds])
    .groupBy('case_id')
    .execute();
  for (const g of goals) {
    const c = out.get(g.case_id);
    if (c) c.goals = Number(g.n);
  }
  const actions = await ex.selectFrom('case_actions').select(['case_id', 'due_on']).where('case_id', 'in', [...caseIds]).where('done_on', 'is', null).execute();
  for (const a of actions) {
    const c = out.get(a.case_id);
    if (!c) continue;
    c.open++;
    if (a.due_on < today) c.overdue++;
  }
  return out;
}

/** A resident's own cases and those of the household they live in now: the open first, then the latest opened. */
export async function casesOf(ex: Executor, residentId: number, householdId: number | null, today: string): Promise<CaseSummary[]> {
  const own = await ex.selectFrom('cases').selectAll().where('resident_id', '=', residentId).execute();
  const family = householdId === null ? [] : await ex.selectFrom('cases').selectAll().where('household_id', '=', householdId).execute();
  const rows = [...own, ...family].sort((a, b) =>
    a.status !== b.status ? (a.status === 'open' ? -1 : 1) : a.opened_on !== b.opened_on ? (a.opened_on < b.opened_on ? 1 : -1) : b.id - a.id,
  );
  const names = await subjectNames(ex, rows);
  const users = await userNames(ex, rows.map((r) => r.worker_id));
  const counts = await countsOf(ex, rows.map((r) => r.id), today);
  return rows.map((c) => ({
    id: c.id,
    residentId: c.resident_id,
    householdId: c.household_id,
    subjectName: names.get(c.id) ?? '',
    openedOn: c.opened_on,
    workerId: c.worker_id,
    workerName: users.get(c.worker_id) ?? '',
    status: statusOf(c.status),
    closedOn: c.closed_on,
    nextReviewOn: c.next_review_on,
    outcome: outcomeOf(c.outcome),
    goalCount: counts.get(c.id)?.goals ?? 0,
    openActions: counts.get(c.id)?.open ?? 0,
  }));
}

/** A worker's open cases (the next review first, none planned last) and their overdue actions. */
export async function caseload(ex: Executor, worker: { id: number; name: string }, today: string): Promise<Omit<Caseload, 'workers'>> {
  const rows = await ex
    .selectFrom('cases')
    .selectAll()
    .where('worker_id', '=', worker.id)
    .where('status', '=', 'open')
    .orderBy('next_review_on')
    .orderBy('id')
    .execute();
  // SQLite sorts nulls first: a case with no review planned goes last.
  rows.sort((a, b) => (a.next_review_on === null ? 1 : 0) - (b.next_review_on === null ? 1 : 0));
  const ids = rows.map((r) => r.id);
  const names = await subjectNames(ex, rows);
  const counts = await countsOf(ex, ids, today);
  const overdue =
    ids.length === 0
      ? []
      : await ex
          .selectFrom('case_actions as a')
          .leftJoin('users as u', 'u.id', 'a.responsible_user_id')
          .select(['a.id', 'a.case_id', 'a.text', 'a.due_on', 'a.responsible_text', 'u.name as user_name'])
          .where('a.case_id', 'in', ids)
          .where('a.done_on', 'is', null)
          .where('a.due_on', '<', today)
          .execute();
  overdue.sort((a, b) => (a.due_on === b.due_on ? a.id - b.id : a.due_on < b.due_on ? -1 : 1));
  const cases = rows.map((c) => ({
    id: c.id,
    residentId: c.resident_id,
    householdId: c.household_id,
    subjectName: names.get(c.id) ?? '',
    openedOn: c.opened_on,
    nextReviewOn: c.next_review_on,
    reviewOverdue: c.next_review_on !== null && c.next_review_on < today,
    openActions: counts.get(c.id)?.open ?? 0,
    overdueActions: counts.get(c.id)?.overdue ?? 0,
  }));
  return {
    workerId: worker.id,
    workerName: worker.name,
    today,
    cases,
    overdueActions: overdue.map((a) => ({
      caseId: a.case_id,
      actionId: a.id,
      subjectName: names.get(a.case_id) ?? '',
      text: a.text,
      dueOn: a.due_on,
      responsible: a.user_name ?? a.responsible_text,
    })),
    reviewsOverdue: cases.filter((c) => c.reviewOverdue).length,
  };
}
