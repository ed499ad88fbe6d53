import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type SnowDayPreview, type SnowDayResident, type SnowDayResult, type SnowDayVolunteer } from '../../../shared/domain/plans';
import { useCall, useMutate } from '../../app/api';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { KeyForm } from '../../ui/KeyForm';
import { useCallForm } from '../../ui/useCallForm';
import { usePlanFormat, useToday } from './planText';
import './plans.css';
import { DateInput } from '../../ui/DateInput';

/** The volunteer chosen for each new resident: the proposal unless the coordinator changed it. */
type Choices = Record<number, number | null>;

function chosenFor(r: SnowDayResident, choices: Choices): number | null {
  return r.residentId in choices ? (choices[r.residentId] ?? null) : (r.volunteerIds[0] ?? null);
}

/**
 * The snow day: pick the date, Prepare lists everyone on the snow-clearing list with a proposed
 * volunteer (the coordinator adjusts them), then "Create all tasks" makes the day's tasks in one
 * go. Residents who already have a snow-clearing task that day are shown and never made twice.
 * Enter in the date prepares; Ctrl+Enter creates.
 */
export function SnowDayScreen() {
  const { t } = useTranslation(['plans', 'common']);
  const today = useToday();
  const [prepared, setPrepared] = useState<string | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [result, setResult] = useState<SnowDayResult | null>(null);
  const preview = useCall('snowDay.preview', { date: prepared ?? today }, { enabled: prepared !== null });
  const confirm = useMutate('snowDay.confirm');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  // The day is checked with snowDay.preview's own schema; Enter in it prepares.
  const day = useCallForm({
    call: 'snowDay.preview',
    defaultValues: { date: today },
    toInput: (v: { date: string }) => ({ date: v.date }),
    guard: false,
    onSubmit: async ({ date }) => {
      setChoices({});
      setResult(null);
      confirm.reset();
      if (prepared === date) void preview.refetch();
      else setPrepared(date);
    },
  });

  // The list arrived: the focus goes to its heading, so Tab reaches "Create all tasks" next.
  const loadedFor = preview.data?.date;
  useEffect(() => {
    if (loadedFor) headingRef.current?.focus();
  }, [loadedFor]);

  const data = prepared !== null ? preview.data : undefined;
  const fresh = data?.residents.filter((r) => r.state === 'new') ?? [];

  const create = async () => {
    if (!data || fresh.length === 0 || confirm.isPending) return;
    try {
      const done = await confirm.mutateAsync({
        date: data.date,
        // Residents who already have their task are sent too: the core counts them as existing.
        assignments: data.residents.map((r) => {
          const v = r.state === 'new' ? chosenFor(r, choices) : null;
          return { residentId: r.residentId, volunteerIds: v === null ? [] : [v] };
        }),
      });
      setResult(done);
      setChoices({});
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch {
      // Shown below.
    }
  };

  return (
    <div
      className="snow-day"
      // Ctrl+Enter creates the prepared list's tasks from anywhere on the screen (before the date
      // form's own Ctrl+Enter, which prepares, while nothing is prepared yet).
      onKeyDownCapture={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && data) {
          e.preventDefault();
          e.stopPropagation();
          void create();
        }
      }}
    >
      <h1>{t('plans:snow.title')}</h1>
      <p className="lead">{t('plans:snow.intro')}</p>
      <KeyForm className="filters snow-date" onSubmit={day.submit}>
        <Field label={t('plans:snow.date')} error={day.error('date')} required>
          {(p) => (
            <Controller
              control={day.form.control}
              name="date"
              render={({ field }) => <DateInput {...p} required autoFocus value={field.value} onChange={field.onChange} onBlur={field.onBlur} inputRef={field.ref} />}
            />
          )}
        </Field>
        <button type="submit" className="primary">
          {t('plans:snow.prepare')}
        </button>
      </KeyForm>

      {result ? (
        <div ref={resultRef} tabIndex={-1} className="notice notice-success snow-result" role="status">
          {t('plans:snow.created', { count: result.created })} {t('plans:snow.existed', { count: result.existing })}
        </div>
      ) : null}
      <ErrorNotice error={preview.error ?? confirm.error} />
      {prepared !== null && preview.isFetching && !data ? <p className="loading">{t('common:loading')}</p> : null}
      {data ? <SnowDayList data={data} choices={choices} setChoices={setChoices} headingRef={headingRef} onCreate={() => void create()} creating={confirm.isPending} /> : null}
    </div>
  );
}

function SnowDayList({
  data,
  choices,
  setChoices,
  headingRef,
  onCreate,
  creating,
}: {
  data: SnowDayPreview;
  choices: Choices;
  setChoices: (f: (c: Choices) => Choices) => void;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onCreate: () => void;
  creating: boolean;
}) {
  const { t } = useTranslation(['plans', 'common']);
  const fmt = usePlanFormat();
  const byId = useMemo(() => new Map(data.volunteers.map((v) => [v.id, v])), [data.volunteers]);
  const fresh = data.residents.filter((r) => r.state === 'new');
  const existing = data.residents.length - fresh.length;
  const withoutVolunteer = fresh.filter((r) => chosenFor(r, choices) === null).length;

  // The load of each candidate with the current choices: residents given now, and how many of them live in their settlement.
  const load = useMemo(() => {
    const out = new Map<number, { assigned: number; same: number }>();
    for (const r of data.residents) {
      if (r.state !== 'new') continue;
      const v = chosenFor(r, choices);
      if (v === null) continue;
      const entry = out.get(v) ?? { assigned: 0, same: 0 };
      entry.assigned++;
      if (byId.get(v)?.settlement === r.settlement && r.settlement !== '') entry.same++;
      out.set(v, entry);
    }
    return out;
  }, [data.residents, choices, byId]);

  const volunteerNames = (ids: number[]) => (ids.length === 0 ? t('plans:snow.nobody') : ids.map((id) => byId.get(id)?.name ?? t('plans:snow.otherVolunteer')).join(', '));

  return (
    <>
      <section className="snow-list" aria-labelledby="snow-list-title">
        <div className="snow-toolbar">
          <div>
            <h2 id="snow-list-title" ref={headingRef} tabIndex={-1}>
              {t('plans:snow.listTitle', { date: fmt.day(data.date) })}
            </h2>
            <p className="snow-summary">
              {t('plans:snow.onList', { count: data.residents.length })} {t('plans:snow.toCreate', { count: fresh.length })}{' '}
              {existing > 0 ? t('plans:snow.alreadyPlanned', { count: existing }) : ''}{' '}
              {withoutVolunteer > 0 ? <span className="pl-warn">{t('plans:snow.withoutVolunteer', { count: withoutVolunteer })}</span> : null}
            </p>
          </div>
          <div className="actions">
            <button type="button" className="primary big" disabled={fresh.length === 0 || creating} onClick={onCreate} title={t('plans:snow.createShortcut')}>
              {creating ? t('plans:snow.creating') : t('plans:snow.create', { count: fresh.length })}
            </button>
          </div>
        </div>
        {fresh.length === 0 && data.residents.length > 0 ? (
          <p className="notice" role="status">
            {t('plans:snow.allExist')}
          </p>
        ) : null}
        <DataTable
          className="snow-table"
          data={data.residents}
          caption={t('plans:snow.listTitle', { date: fmt.day(data.date) })}
          empty={t('plans:snow.emptyList')}
          rowKey={(r) => String(r.residentId)}
          rowClass={(r) => (r.state === 'exists' ? 'snow-exists' : undefined)}
          columns={((col) => [
            col(
              'resident',
              t('plans:snow.columns.resident'),
              (r) => (
                <>
                  <strong>{r.fullName}</strong>
                  <div className="muted">{r.address}</div>
                </>
              ),
              { value: (r) => r.fullName },
            ),
            col('settlement', t('plans:snow.columns.settlement'), (r) => r.settlement, { value: (r) => r.settlement }),
            col('state', t('plans:snow.columns.state'), (r) => <span className={`badge snow-state-${r.state}`}>{t(`plans:snow.state.${r.state}`)}</span>, {
              value: (r) => t(`plans:snow.state.${r.state}`),
            }),
            col(
              'volunteer',
              t('plans:snow.columns.volunteer'),
              (r) => {
                if (r.state === 'exists') return <span>{volunteerNames(r.volunteerIds)}</span>;
                const chosen = chosenFor(r, choices);
                const other = chosen !== null && byId.get(chosen)?.settlement !== r.settlement;
                return (
                  <>
                    <select
                      aria-label={t('plans:snow.volunteerFor', { name: r.fullName })}
                      value={chosen ?? ''}
                      onChange={(e) => {
                        const v = e.target.value === '' ? null : Number(e.target.value);
                        setChoices((c) => ({ ...c, [r.residentId]: v }));
                      }}
                    >
                      <option value="">{t('plans:snow.nobody')}</option>
                      <VolunteerOptions volunteers={data.volunteers} settlement={r.settlement} />
                    </select>
                    {other ? <span className="badge snow-far">{t('plans:snow.otherSettlement')}</span> : null}
                  </>
                );
              },
              { className: 'snow-volunteer' },
            ),
          ])(columnsOf(data.residents))}
        />
      </section>

      <section className="snow-load" aria-labelledby="snow-load-title">
        <h2 id="snow-load-title">{t('plans:snow.loadTitle')}</h2>
        <p className="field-hint">{t('plans:snow.loadHint', { count: data.maxPerVolunteer })}</p>
        <DataTable
          data={data.volunteers}
          caption={t('plans:snow.loadTitle')}
          empty={t('plans:snow.noVolunteers')}
          rowKey={(v) => String(v.id)}
          rowClass={(v) => ((load.get(v.id)?.assigned ?? 0) > 0 ? 'snow-busy' : undefined)}
          columns={((col) => [
            col(
              'volunteer',
              t('plans:snow.load.volunteer'),
              (v) => (
                <>
                  {v.name}
                  {v.isRegular ? <span className="badge">{t('plans:snow.regular')}</span> : null}
                </>
              ),
              { value: (v) => v.name },
            ),
            col('settlement', t('plans:snow.load.settlement'), (v) => v.settlement, { value: (v) => v.settlement }),
            col('tools', t('plans:snow.load.tools'), (v) => (v.hasSnowTools ? t('plans:yes') : t('plans:no')), { value: (v) => (v.hasSnowTools ? 0 : 1) }),
            col('available', t('plans:snow.load.available'), (v) => (v.available === null ? t('plans:snow.notRecorded') : v.available ? t('plans:yes') : t('plans:no')), {
              value: (v) => (v.available === null ? 2 : v.available ? 0 : 1),
            }),
            col('day', t('plans:snow.load.day'), (v) => fmt.number(v.tasksThatDay), { value: (v) => v.tasksThatDay, align: 'num' }),
            col('week', t('plans:snow.load.week'), (v) => fmt.number(v.tasksThatWeek), { value: (v) => v.tasksThatWeek, align: 'num' }),
            col(
              'assigned',
              t('plans:snow.load.assigned'),
              (v) => {
                const assigned = load.get(v.id)?.assigned ?? 0;
                const over = v.tasksThatDay + assigned > data.maxPerVolunteer;
                return (
                  <span className={over ? 'pl-warn' : undefined}>
                    {fmt.number(assigned)}
                    {over ? <span className="badge snow-far">{t('plans:snow.overLimit')}</span> : null}
                  </span>
                );
              },
              { value: (v) => load.get(v.id)?.assigned ?? 0, align: 'num' },
            ),
            col('same', t('plans:snow.load.same'), (v) => fmt.number(load.get(v.id)?.same ?? 0), { value: (v) => load.get(v.id)?.same ?? 0, align: 'num' }),
          ])(columnsOf(data.volunteers))}
        />
      </section>
    </>
  );
}

/** Candidates of the same settlement first, then the others with their settlement. */
function VolunteerOptions({ volunteers, settlement }: { volunteers: SnowDayVolunteer[]; settlement: string }) {
  const { t } = useTranslation('plans');
  const near = volunteers.filter((v) => v.settlement === settlement && settlement !== '');
  const others = volunteers.filter((v) => !(v.settlement === settlement && settlement !== ''));
  return (
    <>
      {near.length > 0 ? (
        <optgroup label={t('plans:snow.sameSettlement')}>
          {near.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </optgroup>
      ) : null}
      {others.length > 0 ? (
        <optgroup label={t('plans:snow.otherSettlements')}>
          {others.map((v) => (
            <option key={v.id} value={v.id}>
              {t('plans:volunteerWithSettlement', { name: v.name, settlement: v.settlement })}
            </option>
          ))}
        </optgroup>
      ) : null}
    </>
  );
}
