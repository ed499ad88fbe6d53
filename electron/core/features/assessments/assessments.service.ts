/**
 * Needs assessments: the rules the schemas cannot check, each refusal a field issue with a
 * translated key (common:validation.*), nothing written before every check has passed:
 * - the assessment's date is not in the future; the follow-up is not before it;
 * - the kind is a kind of assessment and the needs are need areas of the centre's lists, not
 *   archived (an assessment being corrected keeps the ones it already has), each area once;
 * - the worker is a coordinator or an admin (the people who assess, ARCHITECTURE.md);
 * - its content (needs, conclusion, services) is health and case content: it is saved only while a
 *   consent covering health is in force for the person assessed (for a household: its head, who
 *   gives consent for the family), like a resident's health-related needs.
 */
import { AppError } from '../../../../shared/api/errors';
import type { Assessment, AssessmentData, AssessmentOption, AssessmentOptions, OptionList } from '../../../../shared/domain/assessments';
import type { Actor, CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { hasHealthConsent } from '../privacy/consent.repo';
import * as repo from './assessments.repo';
import { FieldIssues } from '../../field-issues';

/** How many follow-ups one list shows at most. */
const DUE_LIMIT = 500;


export function assessmentsService(deps: CoreDeps) {
  const { db, clock } = deps;
  const stampOf = (actor: Actor): repo.Stamp => ({ at: clock.now().toISOString(), by: actor.id });

  const getOne = async (ex: Executor, id: number): Promise<Assessment> => {
    const found = await repo.findAssessment(ex, id);
    if (!found) throw new AppError('notFound', `Assessment ${id} not found`);
    return found;
  };
  const optionOf = async (ex: Executor, id: number): Promise<AssessmentOption> => {
    const [found] = await repo.listOptions(ex, true, [id]);
    if (!found) throw new AppError('notFound', `Assessment option ${id} not found`);
    return found;
  };

  /** The checks shared by recording and correcting; `kept` = the kind and areas the assessment already has. */
  async function check(ex: Executor, d: AssessmentData, consentOf: number | null, kept: ReadonlySet<number>, issues: FieldIssues): Promise<void> {
    if (d.assessedOn > clock.today()) issues.add('assessedOn', 'validation.dateInFuture');
    if (d.followUpOn !== null && d.followUpOn < d.assessedOn) issues.add('followUpOn', 'validation.followUpBeforeAssessment');
    const options = new Map((await repo.optionRows(ex, [d.kindId, ...d.needs.map((n) => n.areaId)])).map((o) => [o.id, o]));
    const usable = (id: number, list: OptionList) => {
      const o = options.get(id);
      return o !== undefined && o.list === list && (o.archived_at === null || kept.has(id));
    };
    if (!usable(d.kindId, 'kind')) issues.add('kindId', 'validation.unknownAssessmentKind');
    const seen = new Set<number>();
    d.needs.forEach((n, i) => {
      if (!usable(n.areaId, 'area')) issues.add(`needs.${i}.areaId`, 'validation.unknownNeedArea');
      else if (seen.has(n.areaId)) issues.add(`needs.${i}.areaId`, 'validation.duplicate');
      seen.add(n.areaId);
    });
    const worker = await ex.selectFrom('users').select('id').where('id', '=', d.workerId).where('role', 'in', ['coordinator', 'admin']).executeTakeFirst();
    if (!worker) issues.add('workerId', 'validation.unknownWorker');
    // The content is health and case content: a consent covering health must be in force.
    const contentAt = d.needs.length > 0 ? 'needs' : d.conclusion !== '' ? 'conclusion' : d.services !== '' ? 'services' : null;
    if (contentAt !== null && (consentOf === null || !(await hasHealthConsent(ex, consentOf)))) issues.add(contentAt, 'validation.assessmentConsentRequired');
  }

  return {
    get: (id: number) => getOne(db, id),

    ofResident: async (residentId: number) => ({ items: await repo.assessmentsOfResident(db, residentId) }),

    dueFollowUps: async (until: string | undefined, workerId: number | undefined) => ({ items: await repo.dueFollowUps(db, until ?? clock.today(), workerId, DUE_LIMIT) }),

    async record(input: AssessmentData & { residentId?: number | undefined; householdId?: number | undefined }, actor: Actor): Promise<Assessment> {
      return inTransaction(db, async (trx) => {
        const issues = new FieldIssues('The assessment was refused');
        let consentOf: number | null = null;
        if (input.residentId !== undefined) {
          const r = await trx.selectFrom('residents').select(['id', 'erased_at']).where('id', '=', input.residentId).executeTakeFirst();
          if (!r || r.erased_at !== null) issues.add('residentId', 'validation.unknownResident');
          consentOf = input.residentId;
        } else if (input.householdId !== undefined) {
          const h = await trx.selectFrom('households').select('id').where('id', '=', input.householdId).executeTakeFirst();
          if (!h) issues.add('householdId', 'validation.unknownHousehold');
          // A household's assessment is covered by its head's consent: the head speaks for the family.
          else consentOf = await repo.headOf(trx, input.householdId);
        }
        await check(trx, input, consentOf, new Set(), issues);
        issues.throwIfAny();
        const id = await repo.insertAssessment(trx, { residentId: input.residentId ?? null, householdId: input.householdId ?? null }, input, stampOf(actor));
        return getOne(trx, id);
      });
    },

    async update(input: AssessmentData & { id: number }, actor: Actor): Promise<Assessment> {
      return inTransaction(db, async (trx) => {
        const row = await repo.assessmentRow(trx, input.id);
        if (!row) throw new AppError('notFound', `Assessment ${input.id} not found`);
        if (row.erased_at !== null) throw new AppError('conflict', 'The person assessed was erased; the assessment cannot be edited');
        const before = await getOne(trx, input.id);
        const kept = new Set([before.kindId, ...before.needs.map((n) => n.areaId)]);
        const consentOf = row.resident_id ?? (row.household_id !== null ? await repo.headOf(trx, row.household_id) : null);
        const issues = new FieldIssues('The assessment was refused');
        await check(trx, input, consentOf, kept, issues);
        issues.throwIfAny();
        await repo.updateAssessment(trx, input.id, input, stampOf(actor));
        return getOne(trx, input.id);
      });
    },

    async options(includeArchived: boolean): Promise<AssessmentOptions> {
      const all = await repo.listOptions(db, includeArchived);
      const workers = await db.selectFrom('users').select(['id', 'name']).where('active', '=', 1).where('role', 'in', ['coordinator', 'admin']).orderBy('name').orderBy('id').execute();
      return { kinds: all.filter((o) => o.list === 'kind'), areas: all.filter((o) => o.list === 'area'), workers };
    },

    async addOption(list: OptionList, name: string): Promise<AssessmentOption> {
      return inTransaction(db, async (trx) => {
        await checkName(trx, list, name, null);
        return optionOf(trx, await repo.insertOption(trx, list, name, clock.now().toISOString()));
      });
    },

    async renameOption(id: number, name: string): Promise<AssessmentOption> {
      return inTransaction(db, async (trx) => {
        const o = await optionOf(trx, id);
        if (o.code !== null) throw new AppError('builtInKind', 'Built-in kinds and areas keep their translated name');
        await checkName(trx, o.list, name, id);
        await trx.updateTable('assessment_options').set({ name }).where('id', '=', id).execute();
        return optionOf(trx, id);
      });
    },

    async setOptionArchived(id: number, archived: boolean): Promise<AssessmentOption> {
      return inTransaction(db, async (trx) => {
        await optionOf(trx, id);
        await trx.updateTable('assessment_options').set({ archived_at: archived ? clock.now().toISOString() : null }).where('id', '=', id).execute();
        return optionOf(trx, id);
      });
    },
  };
}

/** A centre's own kind or area has a name no other entry of its list has. */
async function checkName(ex: Executor, list: OptionList, name: string, id: number | null): Promise<void> {
  const same = await ex.selectFrom('assessment_options').select(['id', 'name']).where('list', '=', list).where('name', 'is not', null).execute();
  if (same.some((o) => o.id !== id && (o.name ?? '').toLocaleLowerCase() === name.toLocaleLowerCase())) {
    throw new AppError('validation', 'This name is already used', { fields: [{ path: 'name', message: 'validation.nameTaken' }] });
  }
}
