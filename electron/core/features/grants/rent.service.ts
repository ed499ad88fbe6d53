/**
 * Leases and their monthly rent due, and the in-kind contributions ledger (rent discounts, donated
 * goods and services, volunteer hours valued at the centre's rate). Rent due is generated, never
 * typed: one charge per lease and month up to the current month (idempotent), and for each month
 * the landlord charges less than the market rent an in-kind row of kind rentDiscount. In-kind rows
 * are co-financing: they never touch the cash book.
 */
import { sql } from 'kysely';
import { AppError, type FieldIssue } from '../../../../shared/api/errors';
import {
  coFinancingMonth,
  rentDiscount,
  rentDueOn,
  rentMonths,
  VOLUNTEER_RATE_KEY,
  type CoFinancingReport,
  type InKindData,
  type InKindView,
  type AidToTakeIn,
  AID_TAKE_IN_LIMIT,
  type LeaseData,
  type LeaseView,
  type RentChargeView,
  type RentOverview,
} from '../../../../shared/domain/funding';
import { monthBounds, monthRange } from '../../../../shared/domain/dates';
import type { Currency } from '../../../../shared/domain/settings';
import { BUILT_IN_ADMIN, type Actor, type CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { categoryIdByCode, postEntry } from '../cashbook/ledger';
import { readSettings } from '../settings/settings.service';
import { reverseEntry } from './grants.service';
import { inTransaction } from '../../db/transaction';

function invalid(fields: FieldIssue[]): AppError {
  return new AppError('validation', 'Invalid input', { fields });
}

/** The rent-discount in-kind row of a charge, kept in line with the charge (created, changed or removed). */
async function syncDiscount(
  ex: Executor,
  charge: { id: number; month_key: string; due_on: string; amount_minor: number; market_minor: number },
  lease: { landlord: string; premises: string; currency: string },
  nowIso: string,
): Promise<void> {
  const value = rentDiscount(charge.market_minor, charge.amount_minor);
  const existing = await ex.selectFrom('in_kind').select(['id', 'value_minor']).where('rent_charge_id', '=', charge.id).executeTakeFirst();
  if (value === 0) {
    if (existing) await ex.deleteFrom('in_kind').where('id', '=', existing.id).execute();
    return;
  }
  if (existing) {
    await ex
      .updateTable('in_kind')
      .set({ value_minor: value, entry_date: charge.due_on, month_key: charge.month_key, donor: lease.landlord, description: lease.premises, currency: lease.currency })
      .where('id', '=', existing.id)
      .execute();
    return;
  }
  await ex
    .insertInto('in_kind')
    .values({
      entry_date: charge.due_on,
      month_key: charge.month_key,
      kind: 'rentDiscount',
      donor: lease.landlord,
      description: lease.premises,
      value_minor: value,
      currency: lease.currency,
      grant_id: null,
      rent_charge_id: charge.id,
      created_at: nowIso,
      created_by: BUILT_IN_ADMIN.id,
    })
    .execute();
}

/**
 * Makes the rent due of every lease from its start up to the current month (one charge per lease
 * and month; the unique key makes it idempotent), each with its rent-discount in-kind row when the
 * market rent is higher than the rent paid. Called at start-up, on a new day and after a lease
 * changes. Returns how many charges it created.
 */
export async function generateRentCharges(db: Executor, today: string, now: Date | string): Promise<{ created: number }> {
  const at = typeof now === 'string' ? now : now.toISOString();
  const leases = await db.selectFrom('leases').selectAll().execute();
  let created = 0;
  for (const lease of leases) {
    const months = rentMonths({ startsOn: lease.starts_on, endsOn: lease.ends_on }, today);
    if (months.length === 0) continue;
    const existing = new Set(
      (await db.selectFrom('rent_charges').select('month_key').where('lease_id', '=', lease.id).execute()).map((r) => r.month_key),
    );
    for (const month of months) {
      if (existing.has(month)) continue;
      const row = await db
        .insertInto('rent_charges')
        .values({
          lease_id: lease.id,
          month_key: month,
          due_on: rentDueOn(month, lease.due_day, lease.starts_on),
          amount_minor: lease.paid_rent_minor,
          market_minor: lease.market_rent_minor,
          entry_id: null,
          created_at: at,
        })
        .onConflict((oc) => oc.columns(['lease_id', 'month_key']).doNothing())
        .returning(['id', 'month_key', 'due_on', 'amount_minor', 'market_minor'])
        .executeTakeFirst();
      if (!row) continue;
      created++;
      await syncDiscount(db, row, lease, at);
    }
  }
  return { created };
}

function chargeQuery(ex: Executor) {
  return ex
    .selectFrom('rent_charges as r')
    .innerJoin('leases as l', 'l.id', 'r.lease_id')
    .leftJoin('cash_entries as e', 'e.id', 'r.entry_id')
    .select(['r.id', 'r.lease_id', 'l.landlord', 'l.premises', 'l.currency', 'r.month_key', 'r.due_on', 'r.amount_minor', 'r.market_minor', 'r.entry_id', 'e.entry_date']);
}

type ChargeRow = Awaited<ReturnType<ReturnType<typeof chargeQuery>['execute']>>[number];

function toCharge(r: ChargeRow, today: string): RentChargeView {
  return {
    id: r.id,
    leaseId: r.lease_id,
    landlord: r.landlord,
    premises: r.premises,
    monthKey: r.month_key,
    dueOn: r.due_on,
    amountMinor: r.amount_minor,
    marketMinor: r.market_minor,
    currency: r.currency as Currency,
    entryId: r.entry_id,
    paidOn: r.entry_date ?? null,
    overdue: r.entry_id === null && r.amount_minor > 0 && r.due_on < today,
  };
}

async function getCharge(ex: Executor, id: number, today: string): Promise<RentChargeView> {
  const r = await chargeQuery(ex).where('r.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('notFound', `Rent charge ${id} not found`);
  return toCharge(r, today);
}

async function leaseViews(ex: Executor, today: string, id?: number): Promise<LeaseView[]> {
  let q = ex
    .selectFrom('leases as l')
    .leftJoin('cash_accounts as a', 'a.id', 'l.account_id')
    .selectAll('l')
    .select('a.name as account_name')
    .select((eb) => [
      eb
        .selectFrom('rent_charges as r')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('r.lease_id', '=', 'l.id')
        .where('r.entry_id', 'is', null)
        .where('r.amount_minor', '>', 0)
        .as('unpaid'),
      eb
        .selectFrom('rent_charges as r')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('r.lease_id', '=', 'l.id')
        .where('r.entry_id', 'is', null)
        .where('r.amount_minor', '>', 0)
        .where('r.due_on', '<', today)
        .as('overdue'),
    ])
    .orderBy('l.starts_on', 'desc')
    .orderBy('l.id', 'desc');
  if (id !== undefined) q = q.where('l.id', '=', id);
  const rows = await q.execute();
  return rows.map((l) => ({
    id: l.id,
    landlord: l.landlord,
    premises: l.premises,
    currency: l.currency as Currency,
    marketRentMinor: l.market_rent_minor,
    paidRentMinor: l.paid_rent_minor,
    dueDay: l.due_day,
    startsOn: l.starts_on,
    endsOn: l.ends_on,
    accountId: l.account_id,
    accountName: l.account_name ?? null,
    note: l.note,
    ended: l.ends_on !== null && l.ends_on < today,
    unpaidCount: Number(l.unpaid ?? 0),
    overdueCount: Number(l.overdue ?? 0),
  }));
}

async function inKindQuery(ex: Executor) {
  return ex
    .selectFrom('in_kind as k')
    .leftJoin('grants as g', 'g.id', 'k.grant_id')
    .selectAll('k')
    .select('g.title as grant_title')
    .select(sql<number>`k.aid_movement_id is not null and exists (select 1 from aid_movements c where c.corrects_id = k.aid_movement_id)`.as('aid_corrected'));
}

type InKindRow = Awaited<ReturnType<Awaited<ReturnType<typeof inKindQuery>>['execute']>>[number];

function toInKind(r: InKindRow): InKindView {
  return {
    id: r.id,
    date: r.entry_date,
    monthKey: r.month_key,
    kind: r.kind,
    donor: r.donor,
    description: r.description,
    valueMinor: r.value_minor,
    currency: r.currency as Currency,
    grantId: r.grant_id,
    grantTitle: r.grant_title ?? null,
    generated: r.rent_charge_id !== null,
    aidMovementId: r.aid_movement_id,
    aidCorrected: Number(r.aid_corrected) === 1,
  };
}

async function readRate(ex: Executor): Promise<number> {
  const row = await ex.selectFrom('settings').select('value').where('key', '=', VOLUNTEER_RATE_KEY).executeTakeFirst();
  const n = row ? Number(row.value) : 0;
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

async function centreCurrency(ex: Executor): Promise<Currency> {
  const s = await readSettings(ex);
  if (!s) throw new AppError('setupRequired', 'The centre is not set up yet');
  return s.currency;
}

export function rentService(deps: CoreDeps) {
  const { db, clock } = deps;
  const now = () => clock.now().toISOString();

  /** The lease's currency: its paying account's, else the centre's. */
  async function checkLease(ex: Executor, data: LeaseData): Promise<Currency> {
    if (data.accountId === null) return centreCurrency(ex);
    const a = await ex.selectFrom('cash_accounts').select(['currency', 'archived_at']).where('id', '=', data.accountId).executeTakeFirst();
    if (!a) throw invalid([{ path: 'accountId', message: 'validation.unknownAccount' }]);
    if (a.archived_at !== null) throw invalid([{ path: 'accountId', message: 'validation.archivedAccount' }]);
    return a.currency as Currency;
  }

  async function oneLease(ex: Executor, id: number): Promise<LeaseView> {
    const [v] = await leaseViews(ex, clock.today(), id);
    if (!v) throw new AppError('notFound', `Lease ${id} not found`);
    return v;
  }

  async function manualInKind(ex: Executor, id: number) {
    const r = await ex.selectFrom('in_kind').select(['id', 'rent_charge_id']).where('id', '=', id).executeTakeFirst();
    if (!r) throw new AppError('notFound', `In-kind row ${id} not found`);
    if (r.rent_charge_id !== null) throw new AppError('correctAtSource', `In-kind row ${id} is a generated rent discount`, { details: { source: 'rent' } });
    return r;
  }

  async function checkInKindGrant(ex: Executor, grantId: number | null): Promise<void> {
    if (grantId === null) return;
    const g = await ex.selectFrom('grants').select('id').where('id', '=', grantId).executeTakeFirst();
    if (!g) throw invalid([{ path: 'grantId', message: 'validation.unknownGrant' }]);
  }

  return {
    async overview(leaseId?: number): Promise<RentOverview> {
      const today = clock.today();
      const leases = await leaseViews(db, today);
      let q = chargeQuery(db).orderBy('r.month_key', 'desc').orderBy('l.id');
      if (leaseId !== undefined) q = q.where('r.lease_id', '=', leaseId);
      const charges = (await q.execute()).map((r) => toCharge(r, today));
      const overdue = charges.filter((c) => c.overdue).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
      return { leases, charges, overdue, overdueMinor: overdue.reduce((s, c) => s + c.amountMinor, 0) };
    },

    async overdueCount(): Promise<{ count: number }> {
      const r = await db
        .selectFrom('rent_charges')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('entry_id', 'is', null)
        .where('amount_minor', '>', 0)
        .where('due_on', '<', clock.today())
        .executeTakeFirst();
      return { count: Number(r?.n ?? 0) };
    },

    async createLease(data: LeaseData, actor: Actor): Promise<LeaseView> {
      return inTransaction(db, async (trx) => {
        const currency = await checkLease(trx, data);
        const row = await trx
          .insertInto('leases')
          .values({
            landlord: data.landlord,
            premises: data.premises,
            currency,
            market_rent_minor: data.marketRentMinor,
            paid_rent_minor: data.paidRentMinor,
            due_day: data.dueDay,
            starts_on: data.startsOn,
            ends_on: data.endsOn,
            account_id: data.accountId,
            note: data.note,
            created_at: now(),
            created_by: actor.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await generateRentCharges(trx, clock.today(), now());
        return oneLease(trx, row.id);
      });
    },

    /** New terms: unpaid charges follow them (and their discounts), paid ones keep theirs; unpaid months outside the new period go. */
    async updateLease(id: number, data: LeaseData): Promise<LeaseView> {
      return inTransaction(db, async (trx) => {
        const current = await trx.selectFrom('leases').selectAll().where('id', '=', id).executeTakeFirst();
        if (!current) throw new AppError('notFound', `Lease ${id} not found`);
        const currency = await checkLease(trx, data);
        const paid = await trx.selectFrom('rent_charges').select('id').where('lease_id', '=', id).where('entry_id', 'is not', null).executeTakeFirst();
        if (paid && currency !== current.currency) throw invalid([{ path: 'accountId', message: 'validation.currencyLocked' }]);
        await trx
          .updateTable('leases')
          .set({
            landlord: data.landlord,
            premises: data.premises,
            currency,
            market_rent_minor: data.marketRentMinor,
            paid_rent_minor: data.paidRentMinor,
            due_day: data.dueDay,
            starts_on: data.startsOn,
            ends_on: data.endsOn,
            account_id: data.accountId,
            note: data.note,
          })
          .where('id', '=', id)
          .execute();
        const at = now();
        const inPeriod = (month: string) => month >= data.startsOn.slice(0, 7) && (data.endsOn === null || month <= data.endsOn.slice(0, 7));
        const unpaid = await trx.selectFrom('rent_charges').select(['id', 'month_key']).where('lease_id', '=', id).where('entry_id', 'is', null).execute();
        for (const c of unpaid) {
          if (!inPeriod(c.month_key)) {
            await trx.deleteFrom('in_kind').where('rent_charge_id', '=', c.id).execute();
            await trx.deleteFrom('rent_charges').where('id', '=', c.id).execute();
            continue;
          }
          const due = rentDueOn(c.month_key, data.dueDay, data.startsOn);
          await trx.updateTable('rent_charges').set({ amount_minor: data.paidRentMinor, market_minor: data.marketRentMinor, due_on: due }).where('id', '=', c.id).execute();
          await syncDiscount(
            trx,
            { id: c.id, month_key: c.month_key, due_on: due, amount_minor: data.paidRentMinor, market_minor: data.marketRentMinor },
            { landlord: data.landlord, premises: data.premises, currency },
            at,
          );
        }
        await generateRentCharges(trx, clock.today(), at);
        return oneLease(trx, id);
      });
    },

    /** A rent expense to the landlord from the lease's account (or the one chosen), linked to the charge. */
    async pay(input: { chargeId: number; accountId?: number | undefined; date?: string | undefined }, actor: Actor): Promise<RentChargeView> {
      return inTransaction(db, async (trx) => {
        const c = await trx
          .selectFrom('rent_charges as r')
          .innerJoin('leases as l', 'l.id', 'r.lease_id')
          .select(['r.id', 'r.month_key', 'r.amount_minor', 'r.entry_id', 'l.landlord', 'l.premises', 'l.currency', 'l.account_id'])
          .where('r.id', '=', input.chargeId)
          .executeTakeFirst();
        if (!c) throw new AppError('notFound', `Rent charge ${input.chargeId} not found`);
        if (c.entry_id !== null) throw new AppError('conflict', `Rent charge ${c.id} is already paid`);
        if (c.amount_minor === 0) throw invalid([{ path: 'chargeId', message: 'validation.amountPositive' }]);
        const accountId = input.accountId ?? c.account_id;
        if (accountId === null) throw invalid([{ path: 'accountId', message: 'validation.required' }]);
        const account = await trx.selectFrom('cash_accounts').select(['id', 'currency', 'archived_at']).where('id', '=', accountId).executeTakeFirst();
        if (!account) throw invalid([{ path: 'accountId', message: 'validation.unknownAccount' }]);
        if (account.archived_at !== null) throw invalid([{ path: 'accountId', message: 'validation.archivedAccount' }]);
        if (account.currency !== c.currency) {
          throw new AppError('currencyMismatch', `The lease is in ${c.currency}, the account in ${account.currency}`, { details: { from: account.currency, to: c.currency } });
        }
        const entryId = await postEntry(
          trx,
          {
            accountId: account.id,
            date: input.date ?? clock.today(),
            amountMinor: -c.amount_minor,
            categoryId: await categoryIdByCode(trx, 'rent'),
            source: 'rent',
            counterparty: c.landlord,
            note: `${c.premises} · ${c.month_key}`,
          },
          actor,
          now(),
        );
        await trx.updateTable('rent_charges').set({ entry_id: entryId }).where('id', '=', c.id).execute();
        return getCharge(trx, c.id, clock.today());
      });
    },

    async cancelPayment(chargeId: number, actor: Actor): Promise<RentChargeView> {
      return inTransaction(db, async (trx) => {
        const c = await trx.selectFrom('rent_charges').select(['id', 'entry_id']).where('id', '=', chargeId).executeTakeFirst();
        if (!c) throw new AppError('notFound', `Rent charge ${chargeId} not found`);
        if (c.entry_id === null) throw new AppError('conflict', `Rent charge ${chargeId} is not paid`);
        await reverseEntry(trx, c.entry_id, clock.today(), actor, now());
        await trx.updateTable('rent_charges').set({ entry_id: null }).where('id', '=', chargeId).execute();
        return getCharge(trx, chargeId, clock.today());
      });
    },

    async listInKind(range: { fromMonth: string; toMonth: string }): Promise<InKindView[]> {
      const rows = await (await inKindQuery(db))
        .where('k.month_key', '>=', range.fromMonth)
        .where('k.month_key', '<=', range.toMonth)
        .orderBy('k.entry_date', 'desc')
        .orderBy('k.id', 'desc')
        .execute();
      return rows.map(toInKind);
    },

    async createInKind(data: InKindData, actor: Actor): Promise<InKindView> {
      return inTransaction(db, async (trx) => {
        await checkInKindGrant(trx, data.grantId);
        const row = await trx
          .insertInto('in_kind')
          .values({
            entry_date: data.date,
            month_key: data.date.slice(0, 7),
            kind: data.kind,
            donor: data.donor,
            description: data.description,
            value_minor: data.valueMinor,
            currency: await centreCurrency(trx),
            grant_id: data.grantId,
            rent_charge_id: null,
            created_at: now(),
            created_by: actor.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return toInKind(await (await inKindQuery(trx)).where('k.id', '=', row.id).executeTakeFirstOrThrow());
      });
    },

    async updateInKind(id: number, data: InKindData): Promise<InKindView> {
      return inTransaction(db, async (trx) => {
        await manualInKind(trx, id);
        await checkInKindGrant(trx, data.grantId);
        await trx
          .updateTable('in_kind')
          .set({ entry_date: data.date, month_key: data.date.slice(0, 7), kind: data.kind, donor: data.donor, description: data.description, value_minor: data.valueMinor, grant_id: data.grantId })
          .where('id', '=', id)
          .execute();
        return toInKind(await (await inKindQuery(trx)).where('k.id', '=', id).executeTakeFirstOrThrow());
      });
    },

    async removeInKind(id: number): Promise<{ id: number }> {
      return inTransaction(db, async (trx) => {
        await manualInKind(trx, id);
        await trx.deleteFrom('in_kind').where('id', '=', id).execute();
        return { id };
      });
    },

    async aidToTakeIn(): Promise<AidToTakeIn> {
      const pending = db
        .selectFrom('aid_movements as m')
        .where('m.kind', '=', 'received')
        .where('m.value_minor', 'is not', null)
        .where('m.value_minor', '>', 0)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('in_kind as k').select('k.id').whereRef('k.aid_movement_id', '=', 'm.id'))));
      // `+m.item_id`: read the valued receipts in their index's order, never item by item.
      const rows = await pending
        .innerJoin('aid_items as i', (j) => j.on(sql<boolean>`i.id = +m.item_id`))
        .select(['m.id', 'm.on_date', 'm.delta', 'm.from_whom', 'm.value_minor', 'm.currency', 'i.name', 'i.size', 'i.unit'])
        .select(sql<number>`(select coalesce(sum(c.delta), 0) from aid_movements c where c.corrects_id = m.id)`.as('corrections'))
        .select(sql<number>`exists (select 1 from aid_movements c where c.corrects_id = m.id)`.as('corrected'))
        .orderBy('m.on_date', 'desc')
        .orderBy('m.id', 'desc')
        .limit(AID_TAKE_IN_LIMIT)
        .execute();
      const total = await pending.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const fallback = rows.some((r) => r.currency === null) ? await centreCurrency(db) : 'EUR';
      return {
        receipts: rows.map((r) => ({
          movementId: r.id,
          on: r.on_date,
          itemName: r.name,
          size: r.size,
          unit: r.unit,
          quantity: r.delta,
          effective: r.delta + Number(r.corrections),
          corrected: Number(r.corrected) === 1,
          fromWhom: r.from_whom,
          valueMinor: r.value_minor ?? 0,
          currency: r.currency ?? fallback,
        })),
        total: Number(total.n),
      };
    },

    async takeInAid(input: { movementId: number; grantId: number | null; description: string }, actor: Actor): Promise<InKindView> {
      return inTransaction(db, async (trx) => {
        const m = await trx
          .selectFrom('aid_movements as m')
          .innerJoin('aid_items as i', 'i.id', 'm.item_id')
          .select(['m.id', 'm.kind', 'm.on_date', 'm.delta', 'm.from_whom', 'm.value_minor', 'm.currency', 'i.name', 'i.size'])
          .where('m.id', '=', input.movementId)
          .executeTakeFirst();
        if (!m || m.kind !== 'received') throw new AppError('notFound', `Aid receipt ${input.movementId} not found`);
        if (m.value_minor === null || m.value_minor <= 0) throw invalid([{ path: 'movementId', message: 'validation.amountPositive' }]);
        const taken = await trx.selectFrom('in_kind').select('id').where('aid_movement_id', '=', m.id).executeTakeFirst();
        if (taken) throw new AppError('alreadyTakenIn', `Aid receipt ${m.id} is already in-kind row ${taken.id}`);
        await checkInKindGrant(trx, input.grantId);
        const description = input.description !== '' ? input.description : `${m.size === '' ? m.name : `${m.name} ${m.size}`} × ${m.delta}`;
        const row = await trx
          .insertInto('in_kind')
          .values({
            entry_date: m.on_date,
            month_key: m.on_date.slice(0, 7),
            kind: 'goods',
            donor: m.from_whom,
            description,
            value_minor: m.value_minor,
            currency: m.currency ?? (await centreCurrency(trx)),
            grant_id: input.grantId,
            rent_charge_id: null,
            aid_movement_id: m.id,
            created_at: now(),
            created_by: actor.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return toInKind(await (await inKindQuery(trx)).where('k.id', '=', row.id).executeTakeFirstOrThrow());
      });
    },

    async rate(): Promise<{ rateMinor: number; currency: string }> {
      return { rateMinor: await readRate(db), currency: (await readSettings(db))?.currency ?? 'EUR' };
    },

    async setRate(rateMinor: number): Promise<{ rateMinor: number; currency: string }> {
      await db
        .insertInto('settings')
        .values({ key: VOLUNTEER_RATE_KEY, value: String(rateMinor) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(rateMinor) }))
        .execute();
      return this.rate();
    },

    /** Co-financing per month in the centre's currency: in-kind rows by kind and volunteer minutes of done tasks × rate. */
    async report(range: { fromMonth: string; toMonth: string }): Promise<CoFinancingReport> {
      const currency = await centreCurrency(db);
      const rateMinor = await readRate(db);
      const kinds = await db
        .selectFrom('in_kind')
        .select(['month_key', 'kind', (eb) => eb.fn.sum<number>('value_minor').as('sum')])
        .where('month_key', '>=', range.fromMonth)
        .where('month_key', '<=', range.toMonth)
        .where('currency', '=', currency)
        .groupBy(['month_key', 'kind'])
        .execute();
      const { first, last } = monthBounds(range.fromMonth, range.toMonth);
      const doneDay = sql<string>`coalesce(t.done_on, t.scheduled_on)`;
      const minutes = await db
        .selectFrom('task_volunteers as tv')
        .innerJoin('tasks as t', 't.id', 'tv.task_id')
        .select([sql<string>`substr(coalesce(t.done_on, t.scheduled_on), 1, 7)`.as('month'), (eb) => eb.fn.sum<number>(eb.fn.coalesce('tv.minutes_spent', sql<number>`0`)).as('minutes')])
        .where('t.status', '=', 'done')
        .where(doneDay, '>=', first)
        .where(doneDay, '<=', last)
        .groupBy('month')
        .execute();
      const sumOf = (month: string, kind: string) => Number(kinds.find((k) => k.month_key === month && k.kind === kind)?.sum ?? 0);
      const months = monthRange(range.fromMonth, range.toMonth).map((m) =>
        coFinancingMonth(
          m,
          {
            rentDiscountMinor: sumOf(m, 'rentDiscount'),
            goodsMinor: sumOf(m, 'goods'),
            servicesMinor: sumOf(m, 'services'),
            volunteerMinutes: Number(minutes.find((x) => x.month === m)?.minutes ?? 0),
          },
          rateMinor,
        ),
      );
      const add = (f: (m: (typeof months)[number]) => number) => months.reduce((s, m) => s + f(m), 0);
      return {
        currency,
        rateMinor,
        months,
        totals: {
          rentDiscountMinor: add((m) => m.rentDiscountMinor),
          goodsMinor: add((m) => m.goodsMinor),
          servicesMinor: add((m) => m.servicesMinor),
          volunteerMinutes: add((m) => m.volunteerMinutes),
          volunteerMinor: add((m) => m.volunteerMinor),
          totalMinor: add((m) => m.totalMinor),
        },
      };
    },
  };
}
