/**
 * A person's data export (GDPR arts. 15 and 20; 152-FZ art. 14; Ukrainian law 2297-VI art. 8):
 * everything linked to one resident, as person.json (machine-readable) and person.html (a printable
 * summary in the UI language), zipped into the data folder's exports folder.
 *
 * Nothing about anyone else: no other resident, no volunteer's surname or phone (a volunteer who
 * helped appears by first name only, which the person knows anyway), no staff user names (the
 * role "staff" stands for them), no cash-book accounts.
 */
import { zipSync, strToU8 } from 'fflate';
import { sql } from 'kysely';
import type { Language } from '../../../../shared/domain/settings';
import { LOCALE_OF } from '../../../../shared/domain/settings';
import { formatAddress, fullName, SITUATIONS, type Situation } from '../../../../shared/domain/residents';
import { dateToShow } from '../../../../shared/domain/dates';
import type { Retention } from '../../../../shared/domain/privacy';
import type { Executor } from '../../db/schema';
import { AppError } from '../../../../shared/api/errors';
import { listConsents } from './consent.repo';
import { translator } from '../../i18n';

/** The person export's text in the UI language: the core's translator (electron/core/i18n.ts). */
export { translator };

export interface PersonData {
  format: 'hearth-person-export';
  version: 1;
  createdAt: string;
  centreName: string | null;
  person: {
    id: number;
    lastName: string;
    firstName: string;
    patronymic: string;
    birthYear: number | null;
    settlement: string;
    street: string;
    house: string;
    flat: string;
    phones: string[];
    situations: Situation[];
    householdSize: number | null;
    regularCare: boolean;
    needsSnowClearing: boolean;
    checkinIntervalDays: number | null;
    notes: string;
    healthNeeds: string;
    leftOn: string | null;
    leftReason: string | null;
    registeredAt: string;
    updatedAt: string;
  };
  /** The person's households, the latest first: their own membership (no other member is named). */
  households: Array<{
    householdId: number;
    relation: string;
    fromOn: string;
    toOn: string | null;
    endReason: string | null;
    settlement: string;
    street: string;
    house: string;
    flat: string;
    /** How many people live there now (the current household only). */
    livingNow: number | null;
  }>;
  /** Their needs assessments and those of households they headed (the head speaks for the family). */
  assessments: Array<{
    householdId: number | null;
    kindCode: string | null;
    kindName: string | null;
    assessedOn: string;
    worker: string;
    needs: Array<{ areaCode: string | null; areaName: string | null; severity: string }>;
    conclusion: string;
    services: string;
    followUpOn: string | null;
  }>;
  /**
   * The person's own cases (social accompaniment): their plan, contacts and reviews. Workers are
   * not named (staff), an action a worker is responsible for says so without the name.
   */
  cases: Array<{
    caseId: number;
    openedOn: string;
    status: string;
    closedOn: string | null;
    outcome: string | null;
    closingNote: string;
    agreementOn: string | null;
    agreementNote: string;
    nextReviewOn: string | null;
    goals: string[];
    actions: Array<{ text: string; dueOn: string; responsible: string; doneOn: string | null }>;
    contacts: Array<{ on: string; kind: string; note: string }>;
    reviews: Array<{ on: string; note: string; nextReviewOn: string | null }>;
  }>;
  /** The person's participations in projects, the latest recruited first, with what they attended. */
  projects: Array<{
    project: string;
    funder: string;
    recruitedOn: string;
    contractOn: string | null;
    status: string;
    endedOn: string | null;
    dropReason: string;
    note: string;
    attendance: Array<{ activityKind: string; activity: string; on: string; sessions: number; hours: number | null }>;
  }>;
  /** The events the person was registered for, the latest first, with their attendance. */
  events: Array<{ title: string; kind: string; on: string; startsAt: string | null; place: string; status: string; atDoor: boolean; note: string }>;
  /** The person's stays in the temporary shelter, the latest first. */
  shelter: Array<{ shelter: string; checkedInOn: string; checkedOutOn: string | null; outReason: string | null; outNote: string; bed: string }>;
  /** In-kind aid the person received (handed to them by name), the latest first. */
  aid: Array<{ on: string; item: string; size: string; unit: string; quantity: number }>;
  /** Other records of the same person merged into this one (residents.merge): the name and birth year they had. */
  mergedFrom: Array<{ fullName: string; birthYear: number | null; mergedAt: string }>;
  consents: Array<{
    basis: string;
    scopes: string[];
    givenOn: string;
    noticeVersion: string;
    note: string;
    recordedAt: string;
    withdrawnOn: string | null;
  }>;
  requests: Array<{
    id: number;
    kind: string;
    urgency: string;
    channel: string;
    description: string;
    status: string;
    createdOn: string;
    history: Array<{ from: string | null; to: string; note: string; changedAt: string }>;
  }>;
  tasks: Array<{
    id: number;
    requestId: number | null;
    planId: number | null;
    kind: string;
    scheduledOn: string;
    partOfDay: string | null;
    startTime: string | null;
    status: string;
    doneOn: string | null;
    notDoneReason: string | null;
    note: string;
    /** First names only. */
    volunteers: string[];
  }>;
  plans: Array<{
    id: number;
    kind: string;
    rule: string;
    weekday: number | null;
    intervalDays: number | null;
    startsOn: string;
    endsOn: string | null;
    note: string;
    volunteer: string | null;
  }>;
  sales: Array<{ id: number; day: string; kind: string; quantity: number; totalMinor: number; currency: string; payment: string }>;
  processing: { retention: Retention; recipients: string };
}

/** Reads everything linked to the resident; the kind of help is its translated label. */
export async function collectPersonData(
  ex: Executor,
  residentId: number,
  opts: { language: Language; createdAt: string; centreName: string | null; retention: Retention },
): Promise<PersonData> {
  const t = translator(opts.language);
  const r = await ex.selectFrom('residents').selectAll().where('id', '=', residentId).executeTakeFirst();
  if (!r) throw new AppError('notFound', `Resident ${residentId} not found`);
  const consents = await listConsents(ex, residentId);
  const healthCovered = consents.some((c) => c.withdrawnOn === null && c.scopes.includes('health'));
  const kinds = new Map(
    (await ex.selectFrom('service_kinds').select(['id', 'code', 'name']).execute()).map((k) => [
      k.id,
      k.code !== null ? t(`catalogue:kinds.${k.code}`) : (k.name ?? ''),
    ]),
  );
  const kind = (id: number) => kinds.get(id) ?? '';
  const phones = (await ex.selectFrom('resident_phones').select('raw').where('resident_id', '=', residentId).orderBy('position').execute()).map((p) => p.raw);

  const memberships = await ex
    .selectFrom('household_members as m')
    .innerJoin('households as h', 'h.id', 'm.household_id')
    .select(['m.household_id', 'm.relation', 'm.from_on', 'm.to_on', 'm.end_reason', 'h.settlement', 'h.street', 'h.house', 'h.flat'])
    .where('m.resident_id', '=', residentId)
    .orderBy('m.from_on', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
  const livingNow = async (householdId: number) =>
    Number(
      (
        await ex
          .selectFrom('household_members')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('household_id', '=', householdId)
          .where('to_on', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const households: PersonData['households'] = [];
  for (const m of memberships) {
    households.push({
      householdId: m.household_id,
      relation: m.relation,
      fromOn: m.from_on,
      toOn: m.to_on,
      endReason: m.end_reason,
      settlement: m.settlement,
      street: m.street,
      house: m.house,
      flat: m.flat,
      livingNow: m.to_on === null ? await livingNow(m.household_id) : null,
    });
  }

  const headed = [...new Set(memberships.filter((m) => m.relation === 'head').map((m) => m.household_id))];
  const assessmentRows = [
    ...(await ex.selectFrom('assessments').selectAll().where('resident_id', '=', residentId).execute()),
    ...(headed.length === 0 ? [] : await ex.selectFrom('assessments').selectAll().where('household_id', 'in', headed).execute()),
  ].sort((a, b) => (a.assessed_on === b.assessed_on ? a.id - b.id : a.assessed_on < b.assessed_on ? -1 : 1));
  const assessmentIds = assessmentRows.map((a) => a.id);
  const assessmentOptions = new Map(
    (await ex.selectFrom('assessment_options').select(['id', 'code', 'name']).execute()).map((o) => [o.id, o]),
  );
  const assessmentNeeds =
    assessmentIds.length === 0 ? [] : await ex.selectFrom('assessment_needs').select(['assessment_id', 'area_id', 'severity']).where('assessment_id', 'in', assessmentIds).orderBy('id').execute();
  const workerIds = [...new Set(assessmentRows.map((a) => a.worker_id))];
  const workers = new Map(
    (workerIds.length === 0 ? [] : await ex.selectFrom('users').select(['id', 'name']).where('id', 'in', workerIds).execute()).map((u) => [u.id, u.name]),
  );
  const assessments: PersonData['assessments'] = assessmentRows.map((a) => ({
    householdId: a.household_id,
    kindCode: assessmentOptions.get(a.kind_id)?.code ?? null,
    kindName: assessmentOptions.get(a.kind_id)?.name ?? null,
    assessedOn: a.assessed_on,
    worker: workers.get(a.worker_id) ?? '',
    needs: assessmentNeeds
      .filter((n) => n.assessment_id === a.id)
      .map((n) => ({ areaCode: assessmentOptions.get(n.area_id)?.code ?? null, areaName: assessmentOptions.get(n.area_id)?.name ?? null, severity: n.severity })),
    conclusion: a.conclusion,
    services: a.services,
    followUpOn: a.follow_up_on,
  }));
  const cases: PersonData['cases'] = [];
  for (const c of await ex.selectFrom('cases').selectAll().where('resident_id', '=', residentId).orderBy('opened_on').orderBy('id').execute()) {
    const goals = await ex.selectFrom('case_goals').select('text').where('case_id', '=', c.id).orderBy('position').execute();
    const actions = await ex.selectFrom('case_actions').selectAll().where('case_id', '=', c.id).orderBy('due_on').orderBy('id').execute();
    const contacts = await ex.selectFrom('case_contacts').selectAll().where('case_id', '=', c.id).orderBy('contact_on').orderBy('id').execute();
    const reviews = await ex.selectFrom('case_reviews').selectAll().where('case_id', '=', c.id).orderBy('reviewed_on').orderBy('id').execute();
    cases.push({
      caseId: c.id,
      openedOn: c.opened_on,
      status: c.status,
      closedOn: c.closed_on,
      outcome: c.outcome,
      closingNote: c.closing_note,
      agreementOn: c.agreement_on,
      agreementNote: c.agreement_note,
      nextReviewOn: c.next_review_on,
      goals: goals.map((g) => g.text),
      actions: actions.map((a) => ({ text: a.text, dueOn: a.due_on, responsible: a.responsible_user_id !== null ? t('privacy:export.caseWorker') : a.responsible_text, doneOn: a.done_on })),
      contacts: contacts.map((x) => ({ on: x.contact_on, kind: x.kind, note: x.note })),
      reviews: reviews.map((x) => ({ on: x.reviewed_on, note: x.note, nextReviewOn: x.next_review_on })),
    });
  }
  const participations = await ex
    .selectFrom('project_participants as p')
    .innerJoin('projects as j', 'j.id', 'p.project_id')
    .select(['p.id', 'j.name', 'j.funder', 'p.recruited_on', 'p.contract_on', 'p.status', 'p.ended_on', 'p.drop_reason', 'p.note'])
    .where('p.resident_id', '=', residentId)
    .orderBy('p.recruited_on', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
  const participantIds = participations.map((x) => x.id);
  const attended =
    participantIds.length === 0
      ? []
      : await ex
          .selectFrom('project_attendance as t')
          .innerJoin('project_activities as a', 'a.id', 't.activity_id')
          .select(['t.participant_id', 'a.kind', 'a.name', 't.attended_on', 't.sessions', 't.minutes'])
          .where('t.participant_id', 'in', participantIds)
          .orderBy('t.attended_on')
          .orderBy('t.id')
          .execute();
  const projects: PersonData['projects'] = participations.map((x) => ({
    project: x.name,
    funder: x.funder,
    recruitedOn: x.recruited_on,
    contractOn: x.contract_on,
    status: x.status,
    endedOn: x.ended_on,
    dropReason: x.drop_reason,
    note: x.note,
    attendance: attended
      .filter((a) => a.participant_id === x.id)
      .map((a) => ({ activityKind: a.kind, activity: a.name, on: a.attended_on, sessions: a.sessions, hours: a.minutes === null ? null : Math.round((a.minutes / 60) * 100) / 100 })),
  }));

  const attendedEvents = await ex
    .selectFrom('event_attendance as a')
    .innerJoin('events as e', 'e.id', 'a.event_id')
    .select(['e.title', 'e.kind', 'e.starts_on', 'e.starts_at', 'e.settlement', 'e.address', 'a.status', 'a.at_door', 'a.note'])
    .where('a.resident_id', '=', residentId)
    .orderBy('e.starts_on', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
  const events: PersonData['events'] = attendedEvents.map((x) => ({
    title: x.title,
    kind: x.kind,
    on: x.starts_on,
    startsAt: x.starts_at,
    place: [x.settlement, x.address].filter(Boolean).join(', '),
    status: x.status,
    atDoor: x.at_door === 1,
    note: healthCovered ? x.note : '',
  }));
  const shelter: PersonData['shelter'] = (
    await ex
      .selectFrom('shelter_stays as t')
      .innerJoin('shelters as s', 's.id', 't.shelter_id')
      .select(['s.name', 't.checked_in_on', 't.checked_out_on', 't.out_reason', 't.out_note', 't.bed'])
      .where('t.resident_id', '=', residentId)
      .orderBy('t.checked_in_on', 'desc')
      .orderBy('t.id', 'desc')
      .execute()
  ).map((x) => ({ shelter: x.name, checkedInOn: x.checked_in_on, checkedOutOn: x.checked_out_on, outReason: x.out_reason, outNote: x.out_note, bed: x.bed }));
  const aidRows = await ex
    .selectFrom('aid_movements as m')
    .innerJoin('aid_items as i', 'i.id', 'm.item_id')
    .select(['m.on_date', 'i.name', 'i.size', 'i.unit'])
    .select(sql<number>`m.delta + coalesce((select sum(c.delta) from aid_movements c where c.corrects_id = m.id), 0)`.as('effective'))
    .where('m.resident_id', '=', residentId)
    .where('m.kind', '=', 'given')
    .orderBy('m.on_date', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
  const aid: PersonData['aid'] = aidRows
    .filter((x) => Number(x.effective) !== 0)
    .map((x) => ({ on: x.on_date, item: x.name, size: x.size, unit: x.unit, quantity: -Number(x.effective) }));

  const requests = await ex.selectFrom('requests').selectAll().where('resident_id', '=', residentId).orderBy('created_at').orderBy('id').execute();
  const requestIds = requests.map((q) => q.id);
  const history =
    requestIds.length === 0
      ? []
      : await ex.selectFrom('request_status_history').selectAll().where('request_id', 'in', requestIds).orderBy('id').execute();
  const tasks = await ex.selectFrom('tasks').selectAll().where('resident_id', '=', residentId).orderBy('scheduled_on').orderBy('id').execute();
  const taskIds = tasks.map((x) => x.id);
  const helpers =
    taskIds.length === 0
      ? []
      : await ex
          .selectFrom('task_volunteers as tv')
          .innerJoin('volunteers as v', 'v.id', 'tv.volunteer_id')
          .select(['tv.task_id', 'v.first_name'])
          .where('tv.task_id', 'in', taskIds)
          .orderBy('v.first_name')
          .execute();
  const plans = await ex
    .selectFrom('help_plans as p')
    .leftJoin('volunteers as v', 'v.id', 'p.volunteer_id')
    .selectAll('p')
    .select('v.first_name as volunteer_first_name')
    .where('p.resident_id', '=', residentId)
    .orderBy('p.starts_on')
    .orderBy('p.id')
    .execute();
  const sales = await ex.selectFrom('sales').selectAll().where('resident_id', '=', residentId).orderBy('sold_at').orderBy('id').execute();

  const situationColumns: Record<Situation, number> = {
    livesAlone: r.lives_alone,
    pensioner: r.pensioner,
    disability: r.disability,
    familyInDifficulty: r.family_in_difficulty,
    displaced: r.displaced,
  };
  return {
    format: 'hearth-person-export',
    version: 1,
    createdAt: opts.createdAt,
    centreName: opts.centreName,
    person: {
      id: r.id,
      lastName: r.last_name,
      firstName: r.first_name,
      patronymic: r.patronymic,
      birthYear: r.birth_year,
      settlement: r.settlement,
      street: r.street,
      house: r.house,
      flat: r.flat,
      phones,
      situations: SITUATIONS.filter((s) => situationColumns[s] === 1),
      householdSize: r.household_size,
      regularCare: r.regular_care === 1,
      needsSnowClearing: r.needs_snow_clearing === 1,
      checkinIntervalDays: r.checkin_interval_days,
      notes: r.notes,
      healthNeeds: healthCovered ? r.health_needs : '',
      leftOn: r.left_on,
      leftReason: r.left_reason,
      registeredAt: r.created_at,
      updatedAt: r.updated_at,
    },
    households,
    assessments,
    cases,
    projects,
    events,
    shelter,
    aid,
    mergedFrom: (
      await ex.selectFrom('resident_merges').select(['merged_name', 'merged_birth_year', 'merged_at']).where('survivor_id', '=', residentId).orderBy('merged_at', 'desc').execute()
    ).map((m) => ({ fullName: m.merged_name, birthYear: m.merged_birth_year, mergedAt: m.merged_at })),
    consents: consents.map((c) => ({
      basis: c.basis,
      scopes: c.scopes,
      givenOn: c.givenOn,
      noticeVersion: c.noticeVersion,
      note: c.note,
      recordedAt: c.recordedAt,
      withdrawnOn: c.withdrawnOn,
    })),
    requests: requests.map((q) => ({
      id: q.id,
      kind: kind(q.kind_id),
      urgency: q.urgency,
      channel: q.channel,
      description: q.description,
      status: q.status,
      createdOn: q.created_on,
      history: history.filter((h) => h.request_id === q.id).map((h) => ({ from: h.from_status, to: h.to_status, note: h.note, changedAt: h.changed_at })),
    })),
    tasks: tasks.map((x) => ({
      id: x.id,
      requestId: x.request_id,
      planId: x.plan_id,
      kind: kind(x.kind_id),
      scheduledOn: x.scheduled_on,
      partOfDay: x.part_of_day,
      startTime: x.start_time,
      status: x.status,
      doneOn: x.done_on,
      notDoneReason: x.not_done_reason,
      note: x.note,
      volunteers: helpers.filter((h) => h.task_id === x.id).map((h) => h.first_name),
    })),
    plans: plans.map((p) => ({
      id: p.id,
      kind: kind(p.kind_id),
      rule: p.rule,
      weekday: p.weekday,
      intervalDays: p.interval_days,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      note: p.note,
      volunteer: p.volunteer_first_name ?? null,
    })),
    sales: sales.map((s) => ({
      id: s.id,
      day: s.day,
      kind: kind(s.kind_id),
      quantity: s.quantity,
      totalMinor: s.total_minor,
      currency: s.currency,
      payment: s.payment,
    })),
    processing: { retention: opts.retention, recipients: t('privacy:export.recipientsText') },
  };
}

const esc = (s: string | number | null | undefined) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The readable, printable summary (self-contained: no script, no outside resources). */
export function personHtml(data: PersonData, language: Language): string {
  const t = translator(language);
  const locale = LOCALE_OF[language];
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  // A stored value that is not a real date (an old database may hold '2024-13-01') is shown as stored.
  const date = (iso: string | null) => {
    const d = iso ? dateToShow(iso, 'utc') : null;
    return d === null ? (iso ?? '') : dateFormat.format(d);
  };
  const money = (minor: number, currency: string) => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 100);
  const none = `<p class="none">${esc(t('privacy:export.none'))}</p>`;
  const p = data.person;
  const name = fullName(p);
  const table = (heads: string[], rows: string[][]) =>
    rows.length === 0
      ? none
      : `<table><thead><tr>${heads.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
          .map((row) => `<tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
  const field = (label: string, value: string) => `<dt>${esc(label)}</dt><dd>${value === '' ? esc(t('privacy:export.none')) : value}</dd>`;
  const yesNo = (b: boolean) => esc(t(b ? 'privacy:export.yes' : 'privacy:export.no'));

  const parts = [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${esc(t('privacy:export.title', { name }))}</title>`,
    '<style>body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;color:#111}h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:1.6rem;border-bottom:1px solid #999}table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top}dl{display:grid;grid-template-columns:14rem 1fr;gap:.2rem 1rem}dt{font-weight:600}.none{color:#555}.pre{white-space:pre-wrap}@media print{body{margin:0}}</style>',
    '</head><body>',
    `<h1>${esc(t('privacy:export.title', { name }))}</h1>`,
    `<p>${esc(t('privacy:export.intro', { centre: data.centreName ?? '', date: date(data.createdAt) }))}</p>`,
    `<h2>${esc(t('privacy:export.sections.person'))}</h2><dl>`,
    field(t('privacy:export.fields.name'), esc(name)),
    field(t('privacy:export.fields.birthYear'), esc(p.birthYear)),
    field(t('privacy:export.fields.address'), esc(formatAddress(p))),
    field(t('privacy:export.fields.phones'), esc(p.phones.join(', '))),
    field(t('privacy:export.fields.situations'), esc(p.situations.map((s) => t(`common:situation.${s}`)).join(', '))),
    field(t('privacy:export.fields.householdSize'), esc(p.householdSize)),
    field(t('privacy:export.fields.regularCare'), yesNo(p.regularCare)),
    field(t('privacy:export.fields.snowClearing'), yesNo(p.needsSnowClearing)),
    field(t('privacy:export.fields.healthNeeds'), p.healthNeeds ? `<span class="pre">${esc(p.healthNeeds)}</span>` : ''),
    field(t('privacy:export.fields.notes'), p.notes ? `<span class="pre">${esc(p.notes)}</span>` : ''),
    field(t('privacy:export.fields.registered'), esc(date(p.registeredAt))),
    p.leftOn ? field(t('privacy:export.fields.left'), esc(date(p.leftOn))) : '',
    '</dl>',
    `<h2>${esc(t('privacy:export.sections.households'))}</h2>`,
    table(
      [t('privacy:export.columns.period'), t('privacy:export.columns.address'), t('privacy:export.columns.relation'), t('privacy:export.columns.livingNow')],
      data.households.map((h) => [
        esc(`${date(h.fromOn)} – ${h.toOn ? date(h.toOn) : ''}`) + (h.endReason ? ` (${esc(t(`common:household.endReason.${h.endReason}`))})` : ''),
        esc(formatAddress(h)),
        esc(t(`common:household.relation.${h.relation}`)),
        h.livingNow === null ? '' : esc(t('privacy:export.people', { count: h.livingNow })),
      ]),
    ),
    `<h2>${esc(t('privacy:export.sections.assessments'))}</h2>`,
    table(
      [t('privacy:export.columns.date'), t('privacy:export.columns.assessment'), t('privacy:export.columns.needs'), t('privacy:export.columns.conclusion'), t('privacy:export.columns.services'), t('privacy:export.columns.followUp')],
      data.assessments.map((a) => [
        esc(date(a.assessedOn)),
        esc(a.kindCode !== null ? t(`common:assessment.kind.${a.kindCode}`) : (a.kindName ?? '')) + (a.worker ? ` (${esc(a.worker)})` : ''),
        esc(a.needs.map((n) => `${n.areaCode !== null ? t(`common:assessment.area.${n.areaCode}`) : (n.areaName ?? '')}: ${t(`common:assessment.severity.${n.severity}`)}`).join(', ')),
        a.conclusion ? `<span class="pre">${esc(a.conclusion)}</span>` : '',
        a.services ? `<span class="pre">${esc(a.services)}</span>` : '',
        esc(a.followUpOn ? date(a.followUpOn) : ''),
      ]),
    ),
    `<h2>${esc(t('privacy:export.sections.cases'))}</h2>`,
    table(
      [t('privacy:export.columns.period'), t('privacy:export.columns.status'), t('privacy:export.columns.plan'), t('privacy:export.columns.contacts')],
      data.cases.map((c) => [
        esc(`${date(c.openedOn)} – ${c.closedOn ? date(c.closedOn) : ''}`) + (c.agreementOn ? `<br>${esc(t('privacy:export.caseAgreement', { date: date(c.agreementOn) }))}` : ''),
        esc(t(`common:case.status.${c.status}`)) + (c.outcome ? ` (${esc(t(`common:case.outcome.${c.outcome}`))})` : '') + (c.closingNote ? `<br><span class="pre">${esc(c.closingNote)}</span>` : ''),
        [...c.goals.map((g) => esc(g)), ...c.actions.map((a) => `${esc(a.text)} — ${esc(date(a.dueOn))}, ${esc(a.responsible)}${a.doneOn ? ` ✓ ${esc(date(a.doneOn))}` : ''}`)].join('<br>'),
        [
          ...c.contacts.map((x) => `${esc(date(x.on))}: ${esc(t(`common:case.contactKind.${x.kind}`))}${x.note ? ` (${esc(x.note)})` : ''}`),
          ...c.reviews.map((x) => `${esc(date(x.on))}: ${esc(t('privacy:export.caseReview'))}${x.note ? ` (${esc(x.note)})` : ''}`),
        ].join('<br>'),
      ]),
    ),
    `<h2>${esc(t('privacy:export.sections.projects'))}</h2>`,
    table(
      [t('privacy:export.columns.project'), t('privacy:export.columns.period'), t('privacy:export.columns.status'), t('privacy:export.columns.attended'), t('privacy:export.columns.note')],
      data.projects.map((x) => [
        esc(x.project) + (x.funder ? ` (${esc(x.funder)})` : ''),
        esc(`${date(x.recruitedOn)} – ${x.endedOn ? date(x.endedOn) : ''}`) + (x.contractOn ? `<br>${esc(t('privacy:export.contractSigned', { date: date(x.contractOn) }))}` : ''),
        esc(t(`projects:status.${x.status}`)),
        x.attendance.map((a) => `${esc(date(a.on))}: ${esc(t(`projects:kind.${a.activityKind}`))} — ${esc(a.activity)} (${esc(t('projects:sessions', { count: a.sessions }))})`).join('<br>'),
        `<span class="pre">${esc([x.dropReason, x.note].filter(Boolean).join(' — '))}</span>`,
      ]),
    ),
    `<h2>${esc(t('privacy:export.sections.events'))}</h2>`,
    table(
      [t('privacy:export.columns.date'), t('privacy:export.columns.event'), t('privacy:export.columns.status'), t('privacy:export.columns.note')],
      data.events.map((x) => [
        esc(date(x.on) + (x.startsAt ? ` ${x.startsAt}` : '')),
        `${esc(x.title)} (${esc(t(`events:kind.${x.kind}`))})` + (x.place ? `<br>${esc(x.place)}` : ''),
        esc(t(`events:status.${x.status}`)) + (x.atDoor ? ` (${esc(t('events:atDoor'))})` : ''),
        `<span class="pre">${esc(x.note)}</span>`,
      ]),
    ),
    `<h2>${esc(t('privacy:export.sections.shelter'))}</h2>`,
    table(
      [t('privacy:export.columns.shelter'), t('privacy:export.columns.period'), t('privacy:export.columns.bed'), t('privacy:export.columns.note')],
      data.shelter.map((x) => [
        esc(x.shelter),
        esc(`${date(x.checkedInOn)} – ${x.checkedOutOn ? date(x.checkedOutOn) : ''}`),
        esc(x.bed),
        esc([x.outReason ? t(`shelter:outReason.${x.outReason}`) : '', x.outNote].filter(Boolean).join(' — ')),
      ]),
    ),
    `<h2>${esc(t('privacy:export.sections.aid'))}</h2>`,
    table(
      [t('privacy:export.columns.date'), t('privacy:export.columns.item'), t('privacy:export.columns.quantity')],
      data.aid.map((a) => [esc(date(a.on)), esc(a.size ? `${a.item} ${a.size}` : a.item), esc(t(`aid:unit.${a.unit}`, { count: a.quantity }))]),
    ),
    `<h2>${esc(t('privacy:export.sections.consents'))}</h2>`,
    table(
      [t('privacy:export.columns.date'), t('privacy:export.columns.basis'), t('privacy:export.columns.scopes'), t('privacy:export.columns.notice'), t('privacy:export.columns.withdrawn')],
      data.consents.map((c) => [
        esc(date(c.givenOn)),
        esc(t(`privacy:basis.${c.basis}`)),
        esc(c.scopes.map((s) => t(`privacy:scope.${s}`)).join(', ')),
        esc(c.noticeVersion),
        esc(c.withdrawnOn ? date(c.withdrawnOn) : ''),
      ]),
    ),
    `<h2>${esc(t('privacy:export.sections.requests'))}</h2>`,
    table(
      [t('privacy:export.columns.date'), t('privacy:export.columns.kind'), t('privacy:export.columns.status'), t('privacy:export.columns.description'), t('privacy:export.columns.history')],
      data.requests.map((q) => [
        esc(date(q.createdOn)),
        esc(q.kind),
        esc(t(`common:status.${q.status}`)),
        `<span class="pre">${esc(q.description)}</span>`,
        q.history.map((h) => `${esc(date(h.changedAt))}: ${esc(t(`common:status.${h.to}`))}${h.note ? ` (${esc(h.note)})` : ''}`).join('<br>'),
      ]),
    ),
    `<h2>${esc(t('privacy:export.sections.tasks'))}</h2>`,
    table(
      [t('privacy:export.columns.date'), t('privacy:export.columns.kind'), t('privacy:export.columns.status'), t('privacy:export.columns.volunteers'), t('privacy:export.columns.note')],
      data.tasks.map((x) => [
        esc(date(x.doneOn ?? x.scheduledOn)),
        esc(x.kind),
        esc(t(`tasks:status.${x.status}`)),
        esc(x.volunteers.join(', ')),
        `<span class="pre">${esc([x.note, x.notDoneReason ?? ''].filter(Boolean).join(' — '))}</span>`,
      ]),
    ),
    `<h2>${esc(t('privacy:export.sections.plans'))}</h2>`,
    table(
      [t('privacy:export.columns.period'), t('privacy:export.columns.kind'), t('privacy:export.columns.volunteers'), t('privacy:export.columns.note')],
      data.plans.map((x) => [
        esc(`${date(x.startsOn)} – ${x.endsOn ? date(x.endsOn) : ''}`),
        esc(x.kind),
        esc(x.volunteer ?? ''),
        `<span class="pre">${esc(x.note)}</span>`,
      ]),
    ),
    `<h2>${esc(t('privacy:export.sections.sales'))}</h2>`,
    table(
      [t('privacy:export.columns.date'), t('privacy:export.columns.kind'), t('privacy:export.columns.quantity'), t('privacy:export.columns.total')],
      data.sales.map((s) => [esc(date(s.day)), esc(s.kind), esc(s.quantity), esc(money(s.totalMinor, s.currency))]),
    ),
    `<h2>${esc(t('privacy:export.sections.processing'))}</h2>`,
    `<p>${esc(t('privacy:export.purposesText'))}</p>`,
    `<p>${esc(data.processing.recipients)}</p>`,
    `<p>${esc(t('privacy:export.retentionText', { years: data.processing.retention.inactiveResidentYears }))}</p>`,
    `<p>${esc(t('privacy:export.othersText'))}</p>`,
    '</body></html>',
  ];
  return parts.join('\n');
}

/** The ZIP bytes: person.json and person.html. */
export function personZip(data: PersonData, language: Language, mtime: Date): Uint8Array {
  return zipSync(
    {
      'person.json': [strToU8(`${JSON.stringify(data, null, 2)}\n`), { mtime }],
      'person.html': [strToU8(personHtml(data, language)), { mtime }],
    },
    { level: 6 },
  );
}
