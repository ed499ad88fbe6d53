import { useContext, useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput as AriaDateInput,
  DateFieldStateContext,
  DatePicker,
  DateSegment,
  Dialog,
  Group,
  Heading,
  I18nProvider,
  Popover,
  TimeField,
  TimeFieldStateContext,
  type DateValue,
  type TimeValue,
} from 'react-aria-components';
import { dateTimeFormat, localeOf } from './intl';
import { forcesLeadingZeros, fromCalendarDate, fromMonthParts, fromTime, toCalendarDate, toMonthParts, toTime, typedDay } from './dateValues';
import './date-input.css';

/**
 * The one date, month and time controls of the renderer (issue 16). Screens use these, never a
 * native `<input type="date|month|time">`, so that a date reads as people write it in the user's
 * language (dd.mm.yyyy in ru/uk/pl, d/m/yyyy in el) and times in 24-hour form.
 *
 * The value is always the contract's own text: 'YYYY-MM-DD', 'YYYY-MM' or 'HH:MM', or '' while the
 * field is empty or not a whole date yet. The control props come from `<Field>`'s render prop.
 *
 * Inside: react-aria's DatePicker (typed segments and a calendar popover: Alt+↓ or the button
 * opens it, arrows move, Enter picks, Escape closes) and TimeField (hourCycle 24), in the locale
 * of the user's language. A month is two native selects (month, year): react-aria has no month
 * field (its DateField's smallest unit is the day), and two labelled selects are what every
 * screen reader and keyboard already know: type "м" for март, or arrows, no calendar needed.
 * Outside a `<Field>`, give `aria-label`.
 */
export interface DateLikeProps {
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string | undefined;
  'aria-labelledby'?: string | undefined;
  'aria-label'?: string;
  name?: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  min?: string;
  max?: string;
  required?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  className?: string;
  /** Gets an object whose focus() puts the caret in the control's first part (react-hook-form's field.ref fits). */
  inputRef?: Ref<HTMLInputElement>;
}

/** The locale of the user's language (ru → ru-RU), for react-aria's I18nProvider and Intl. */
function useLocale(): string {
  const { i18n } = useTranslation();
  return localeOf(i18n.language);
}

/** inputRef gets { focus } that focuses the first editable part inside `root`. */
function useFocusHandle(inputRef: Ref<HTMLInputElement> | undefined, root: React.RefObject<HTMLElement | null>, selector: string) {
  useImperativeHandle(
    inputRef,
    () =>
      ({
        focus: () => root.current?.querySelector<HTMLElement>(selector)?.focus(),
      }) as unknown as HTMLInputElement,
    [root, selector],
  );
}

type DayParts = { year: number | null; month: number | null; day: number | null };
type Segments = { type: string; value?: number; isPlaceholder: boolean; isEditable: boolean }[];

function partsOf(segments: Segments): { year: number | null; month: number | null; day: number | null; hour: number | null; minute: number | null } {
  const get = (type: string) => {
    const s = segments.find((x) => x.type === type && x.isEditable);
    return s && !s.isPlaceholder && s.value !== undefined ? s.value : null;
  };
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/**
 * The value react-aria's field holds, apart from the screen's: a part cleared (Backspace) or a
 * day that does not exist (31.02) makes the screen's value '' while the field keeps what is
 * typed. Were the field given '' too, it would empty itself under the fingers (typing "0" of
 * "07" clears the day for a moment). The screen changing its value (a reset, another record)
 * still reaches the field.
 */
function useHeld<T>(value: string, parse: (v: string) => T | null, onChange: (v: string) => void) {
  const [held, setHeld] = useState<T | null>(() => parse(value));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setHeld(parse(value));
  }
  /** Gives the screen `text`; the field holds `next` (undefined: keeps what it holds). */
  const emit = (text: string, next?: T | null) => {
    setSeen(text);
    if (next !== undefined) setHeld(next);
    if (text !== value) onChange(text);
  };
  return { held, emit };
}

/**
 * Watches what is typed in the segments: react-aria keeps the last whole value while a part is
 * cleared or while the typed day does not exist (31.02), and constrains it on leaving the field
 * (31.02 → 28.02). The screen must not save either: its value becomes '' (the field keeps the
 * typing); a whole real day typed is the screen's value.
 */
function DaySegmentsWatch(props: { value: string; emit: (text: string) => void; onTyped: (t: string, parts: DayParts) => void }) {
  const state = useContext(DateFieldStateContext);
  const parts = state ? partsOf(state.segments as Segments) : { year: null, month: null, day: null };
  const typed = typedDay(parts);
  const { value, emit, onTyped } = props;
  useEffect(() => {
    onTyped(typed, { year: parts.year, month: parts.month, day: parts.day });
    if (typed === 'partial' || typed === 'impossible') {
      if (value !== '') emit('');
    } else if (typed !== 'empty' && typed !== 'typing' && typed !== value) emit(typed);
  }, [typed, parts.year, parts.month, parts.day, value, emit, onTyped]);
  return null;
}

function TimeSegmentsWatch(props: { value: string; emit: (text: string) => void }) {
  const state = useContext(TimeFieldStateContext);
  const parts = state ? partsOf(state.segments as Segments) : null;
  const typed = parts === null || (parts.hour === null && parts.minute === null) ? 'empty' : parts.hour === null || parts.minute === null ? 'partial' : fromTime({ hour: parts.hour, minute: parts.minute });
  const { value, emit } = props;
  useEffect(() => {
    if (typed === 'partial') {
      if (value !== '') emit('');
    } else if (typed !== 'empty' && typed !== value) emit(typed);
  }, [typed, value, emit]);
  return null;
}

/**
 * Enter in a part of the field sends the form as from a native input, and Ctrl/Cmd+Enter saves it
 * as from any other field (KeyForm): react-aria keeps those keys inside its parts; when one does
 * not reach the wrapper, the wrapper submits. Keys in the calendar (a portal) are left alone.
 */
function useSaveKey() {
  const pending = useRef(false);
  const isSave = (e: React.KeyboardEvent<HTMLDivElement>) =>
    e.key === 'Enter' && !e.altKey && !e.shiftKey && e.target instanceof Element && e.target.getAttribute('role') === 'spinbutton' && e.currentTarget.contains(e.target);
  return {
    onKeyDownCapture: (e: React.KeyboardEvent<HTMLDivElement>) => {
      if (!isSave(e)) return;
      pending.current = true;
      const form = e.currentTarget.closest('form');
      window.setTimeout(() => {
        if (pending.current && form) form.requestSubmit();
        pending.current = false;
      }, 0);
    },
    onKeyDown: (e: React.KeyboardEvent<HTMLDivElement>) => {
      // Ctrl+Enter got through: KeyForm saves. Plain Enter has no native submit from a part: ours stays.
      if (isSave(e) && (e.ctrlKey || e.metaKey)) pending.current = false;
    },
  };
}

const CalendarIcon = () => (
  <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 20 20">
    <rect x="2.5" y="4" width="15" height="13.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
    <path d="M2.5 8h15M6.5 2v4M13.5 2v4" stroke="currentColor" strokeWidth="1.6" fill="none" />
  </svg>
);

const Chevron = (props: { points: string }) => (
  <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 20 20">
    <polyline points={props.points} fill="none" stroke="currentColor" strokeWidth="2.2" />
  </svg>
);

/** A calendar date, 'YYYY-MM-DD': typed as dd.mm.yyyy (d/m/yyyy in Greek) or picked from the calendar. */
export function DateInput(props: DateLikeProps) {
  const locale = useLocale();
  const { value, onChange } = props;
  const groupRef = useRef<HTMLDivElement>(null);
  useFocusHandle(props.inputRef, groupRef, '[role="spinbutton"]');
  // What the segments hold (see DaySegmentsWatch) and whether an impossible day was refused.
  const typedRef = useRef<{ typed: string; parts: DayParts }>({ typed: 'empty', parts: { year: null, month: null, day: null } });
  const [refused, setRefused] = useState(false);
  const onTyped = useMemo(
    () => (typed: string, parts: DayParts) => {
      typedRef.current = { typed, parts };
      if (typed !== 'impossible' && typed !== 'empty') setRefused(false);
    },
    [],
  );
  const { held, emit } = useHeld(value, toCalendarDate, onChange);
  const change = (d: DateValue | null) => {
    // Leaving the field with 31.02 typed: react-aria offers 28.02; refuse it (the field empties, marked wrong).
    const last = typedRef.current;
    if (d && last.typed === 'impossible' && d.year === last.parts.year && d.month === last.parts.month && d.day !== last.parts.day) {
      setRefused(true);
      emit('', null);
      return;
    }
    setRefused(false);
    emit(fromCalendarDate(d), d ? toCalendarDate(fromCalendarDate(d)) : null);
  };
  const invalid = Boolean(props['aria-invalid']) || refused;
  const saveKey = useSaveKey();
  return (
    <div className="date-field-wrap" {...saveKey}>
      <I18nProvider locale={locale}>
        <DatePicker
          id={props.id}
          name={props.name}
          className={`date-field ${props.className ?? ''}`}
          value={held}
          onChange={change}
          onBlur={props.onBlur}
          minValue={toCalendarDate(props.min)}
          maxValue={toCalendarDate(props.max)}
          isRequired={props.required}
          isDisabled={props.disabled}
          isInvalid={invalid}
          autoFocus={props.autoFocus}
          aria-label={props['aria-label']}
          aria-labelledby={props['aria-labelledby']}
          aria-describedby={props['aria-describedby']}
          granularity="day"
          shouldForceLeadingZeros={forcesLeadingZeros(locale)}
          validationBehavior="aria"
        >
          <Group ref={groupRef} className="date-field-group">
            <AriaDateInput className="date-field-input">
              {(segment) =>
                segment.type === 'year' ? (
                  // The watcher needs the field's state, which exists only inside DateInput: it rides on the one year segment.
                  <>
                    <DateSegment segment={segment} className="date-segment" />
                    <DaySegmentsWatch value={value} emit={emit} onTyped={onTyped} />
                  </>
                ) : (
                  <DateSegment segment={segment} className="date-segment" />
                )
              }
            </AriaDateInput>
            <Button className="date-field-button">
              <CalendarIcon />
            </Button>
          </Group>
          <Popover className="date-popover" placement="bottom start">
            <Dialog className="date-dialog">
              <Calendar className="date-calendar">
                <header className="date-calendar-head">
                  <Button slot="previous" className="date-calendar-nav">
                    <Chevron points="12,4 6,10 12,16" />
                  </Button>
                  <Heading className="date-calendar-title" />
                  <Button slot="next" className="date-calendar-nav">
                    <Chevron points="8,4 14,10 8,16" />
                  </Button>
                </header>
                <CalendarGrid className="date-calendar-grid">{(day) => <CalendarCell date={day} className="date-calendar-cell" />}</CalendarGrid>
              </Calendar>
            </Dialog>
          </Popover>
        </DatePicker>
      </I18nProvider>
    </div>
  );
}

/** A month, 'YYYY-MM': a month select and a year select in one labelled group. */
export function MonthInput(props: DateLikeProps) {
  const locale = useLocale();
  const { value, onChange } = props;
  const rootRef = useRef<HTMLDivElement>(null);
  useFocusHandle(props.inputRef, rootRef, 'select');
  const ownId = useId();
  const parts = toMonthParts(value);
  // A month chosen before its year (or the other way) waits here; the value stays '' until both are.
  const [draft, setDraft] = useState<{ year: number | null; month: number | null }>({ year: null, month: null });
  const year = parts?.year ?? draft.year;
  const month = parts?.month ?? draft.month;
  const names = useMemo(() => {
    const format = dateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, i) => format.format(new Date(Date.UTC(2026, i, 15))));
  }, [locale]);
  const words = useMemo(() => {
    const names = new Intl.DisplayNames(locale, { type: 'dateTimeField' });
    return { month: names.of('month') ?? 'month', year: names.of('year') ?? 'year' };
  }, [locale]);
  const thisYear = new Date().getFullYear();
  const minYear = Math.min(toMonthParts(props.min)?.year ?? 2000, year ?? thisYear, thisYear);
  const maxYear = Math.max(toMonthParts(props.max)?.year ?? thisYear + 5, year ?? thisYear);
  const years: number[] = [];
  for (let y = maxYear; y >= minYear; y--) years.push(y);
  const set = (next: { year: number | null; month: number | null }) => {
    setDraft(next);
    onChange(fromMonthParts(next.year, next.month));
  };
  const labelledBy = (own: string) => [props['aria-labelledby'], own].filter(Boolean).join(' ');
  const common = {
    'aria-invalid': props['aria-invalid'] || undefined,
    'aria-describedby': props['aria-describedby'],
    'aria-required': props.required || undefined,
    disabled: props.disabled,
    onBlur: props.onBlur,
  };
  return (
    <div
      ref={rootRef}
      id={props.id}
      role="group"
      aria-label={props['aria-label']}
      aria-labelledby={props['aria-labelledby']}
      className={`month-field ${props.className ?? ''}`}
    >
      <span id={`${ownId}-m`} className="visually-hidden">
        {words.month}
      </span>
      <span id={`${ownId}-y`} className="visually-hidden">
        {words.year}
      </span>
      <select
        {...common}
        className="month-field-month"
        aria-label={props['aria-label'] ? `${props['aria-label']}, ${words.month}` : undefined}
        aria-labelledby={props['aria-label'] ? undefined : labelledBy(`${ownId}-m`)}
        autoFocus={props.autoFocus}
        value={month ?? ''}
        onChange={(e) => set({ year, month: e.target.value === '' ? null : Number(e.target.value) })}
      >
        <option value="">{words.month}</option>
        {names.map((n, i) => (
          <option key={n} value={i + 1}>
            {n}
          </option>
        ))}
      </select>
      <select
        {...common}
        className="month-field-year"
        aria-label={props['aria-label'] ? `${props['aria-label']}, ${words.year}` : undefined}
        aria-labelledby={props['aria-label'] ? undefined : labelledBy(`${ownId}-y`)}
        value={year ?? ''}
        onChange={(e) => set({ month, year: e.target.value === '' ? null : Number(e.target.value) })}
      >
        <option value="">{words.year}</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
      {props.name ? <input type="hidden" name={props.name} value={value} /> : null}
    </div>
  );
}

/** A time of day in 24-hour form, 'HH:MM'. */
export function TimeInput(props: DateLikeProps) {
  const locale = useLocale();
  const { value, onChange } = props;
  const rootRef = useRef<HTMLDivElement>(null);
  useFocusHandle(props.inputRef, rootRef, '[role="spinbutton"]');
  const { held, emit } = useHeld(value, toTime, onChange);
  const saveKey = useSaveKey();
  return (
    <div className="date-field-wrap" {...saveKey}>
      <I18nProvider locale={locale}>
        <TimeField
          ref={rootRef}
          id={props.id}
          name={props.name}
          className={`time-field ${props.className ?? ''}`}
          value={held}
          onChange={(t: TimeValue | null) => emit(fromTime(t), t ? toTime(fromTime(t)) : null)}
          onBlur={props.onBlur}
          minValue={toTime(props.min)}
          maxValue={toTime(props.max)}
          isRequired={props.required}
          isDisabled={props.disabled}
          isInvalid={Boolean(props['aria-invalid'])}
          autoFocus={props.autoFocus}
          aria-label={props['aria-label']}
          aria-labelledby={props['aria-labelledby']}
          aria-describedby={props['aria-describedby']}
          hourCycle={24}
          granularity="minute"
          shouldForceLeadingZeros
          validationBehavior="aria"
        >
          <AriaDateInput className="date-field-input date-field-group">{(segment) => <DateSegment segment={segment} className="date-segment" />}</AriaDateInput>
          <TimeSegmentsWatch value={value} emit={emit} />
        </TimeField>
      </I18nProvider>
    </div>
  );
}
