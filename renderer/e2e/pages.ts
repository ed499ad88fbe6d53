/**
 * Page objects: role- and label-based locators built from the translated strings of the UI
 * language in use (t from ./i18n), so the same object works in every language.
 */
import type { Locator, Page } from '@playwright/test';
import type { TFunction } from 'i18next';
import { escapeRegExp } from './i18n';

const startsWith = (text: string) => new RegExp(`^\\s*${escapeRegExp(text)}`);

export const NAV_KEYS = ['frontDesk', 'residents', 'requests', 'events', 'shelter', 'volunteers', 'tasks', 'caseload', 'projects', 'aid', 'money', 'results', 'catalogue', 'import', 'admin', 'settings'] as const;
export type NavKey = (typeof NAV_KEYS)[number];

/** The header and navigation around every screen once the centre is set up. */
export class Shell {
  readonly header: Locator;
  readonly languageSelect: Locator;
  readonly nav: Locator;
  constructor(
    readonly page: Page,
    readonly t: TFunction,
  ) {
    this.header = page.getByRole('banner');
    // Found by role inside the header: its label changes with the language.
    this.languageSelect = this.header.getByRole('combobox');
    this.nav = page.getByRole('navigation', { name: t('common:nav.label') });
  }
  navLink(key: NavKey): Locator {
    return this.nav.getByRole('link', { name: this.t(`common:nav.${key}`), exact: true });
  }
}

/** The front desk: search and today's queue. */
export class HomePage {
  readonly heading: Locator;
  readonly search: Locator;
  readonly results: Locator;
  readonly resultItems: Locator;
  readonly newRequest: Locator;
  readonly queue: Locator;
  readonly queueHeading: Locator;
  readonly queueRows: Locator;
  constructor(
    readonly page: Page,
    readonly t: TFunction,
  ) {
    this.heading = page.getByRole('heading', { level: 1, name: t('frontdesk:title') });
    this.search = page.getByRole('searchbox', { name: t('frontdesk:searchLabel') });
    this.results = page.getByRole('list', { name: t('residents:search.results') });
    this.resultItems = this.results.getByRole('listitem');
    this.newRequest = page.getByRole('main').getByRole('link', { name: t('frontdesk:newRequest'), exact: true }).first();
    this.queueHeading = page.getByRole('heading', { level: 2, name: startsWith(t('frontdesk:queueTitle')) });
    this.queue = page.getByRole('region', { name: startsWith(t('frontdesk:queueTitle')) });
    this.queueRows = this.queue.getByRole('table').locator('tbody').getByRole('row');
  }
  /** The main link of the n-th search result (the one that opens the resident). */
  resultLink(n: number): Locator {
    return this.resultItems.nth(n).getByRole('link').first();
  }
}

/** The first-run screen. */
export class FirstRunPage {
  constructor(
    readonly page: Page,
    readonly t: TFunction,
  ) {}
  get heading() {
    return this.page.getByRole('heading', { level: 1, name: this.t('setup:title') });
  }
  get centreName() {
    return this.page.getByRole('textbox', { name: this.t('setup:centreName'), exact: true });
  }
  get country() {
    return this.page.getByRole('combobox', { name: this.t('setup:country'), exact: true });
  }
  get currency() {
    return this.page.getByRole('combobox', { name: this.t('setup:currency'), exact: true });
  }
  get language() {
    return this.page.getByRole('combobox', { name: this.t('setup:language'), exact: true });
  }
  get demo() {
    return this.page.getByRole('checkbox', { name: this.t('setup:demo') });
  }
  get start() {
    return this.page.getByRole('button', { name: this.t('setup:start'), exact: true });
  }
}

/** The new request form. */
export class NewRequestPage {
  readonly heading: Locator;
  readonly resident: Locator;
  readonly residentOptions: Locator;
  readonly kind: Locator;
  readonly urgency: Locator;
  readonly channel: Locator;
  readonly description: Locator;
  readonly save: Locator;
  constructor(
    readonly page: Page,
    readonly t: TFunction,
  ) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.resident = page.getByRole('combobox', { name: t('requests:form.resident'), exact: true });
    this.residentOptions = page.getByRole('listbox', { name: t('requests:form.resident'), exact: true }).getByRole('option');
    this.kind = page.getByRole('combobox', { name: t('requests:form.kind'), exact: true });
    this.urgency = page.getByRole('group', { name: t('requests:form.urgency'), exact: true });
    this.channel = page.getByRole('group', { name: t('requests:form.channel'), exact: true });
    this.description = page.getByRole('textbox', { name: t('requests:form.description'), exact: true });
    this.save = page.getByRole('button', { name: t('requests:form.save'), exact: true });
  }
}

/** One request: details, status buttons and history. */
export class RequestPage {
  readonly heading: Locator;
  readonly notice: Locator;
  readonly note: Locator;
  readonly statusActions: Locator;
  readonly history: Locator;
  constructor(
    readonly page: Page,
    readonly t: TFunction,
  ) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.notice = page.getByRole('status');
    this.note = page.getByRole('textbox', { name: t('requests:statusNote'), exact: true });
    const statusSection = page.getByRole('region', { name: t('requests:changeStatus'), exact: true });
    this.statusActions = statusSection.getByRole('button');
    this.history = page.getByRole('region', { name: t('requests:history'), exact: true }).getByRole('listitem');
  }
  moveTo(status: 'new' | 'planned' | 'inProgress' | 'done' | 'cancelled' | 'referred'): Locator {
    return this.page.getByRole('button', { name: this.t(`requests:moveTo.${status}`), exact: true });
  }
}

/** The resident form (new or edit). */
export class ResidentFormPage {
  constructor(
    readonly page: Page,
    readonly t: TFunction,
  ) {}
  field(key: 'lastName' | 'firstName' | 'patronymic' | 'birthYear' | 'phone' | 'phone2' | 'settlement' | 'street' | 'house' | 'flat') {
    return this.page.getByRole('textbox', { name: this.t(`residents:form.${key}`), exact: true });
  }
  get save() {
    return this.page.getByRole('button', { name: this.t('common:save'), exact: true });
  }
}

/**
 * The date, month or time field (renderer/ui/DateInput.tsx) named by its label: a group of typed
 * parts (day, month, year; hour, minute) or, for a month, a month select and a year select.
 */
export function dateField(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('group', { name: label, exact: true });
}

/**
 * Types 'YYYY-MM-DD', 'YYYY-MM' or 'HH:MM' into a date, month or time field (dateField) as a
 * person does, whatever the language's order of the parts: each part focused and its digits
 * typed (year, month, day: a day is typed last so that no shorter month cuts it); a month's two
 * selects chosen. '' empties the field (Backspace in every part).
 */
export async function fillDate(field: Locator, value: string): Promise<void> {
  const page = field.page();
  if ((await field.locator('select').count()) === 2) {
    const [year = '', month = ''] = value === '' ? [] : value.split('-');
    await field.locator('select.month-field-month').selectOption(month === '' ? '' : String(Number(month)));
    await field.locator('select.month-field-year').selectOption(year);
    return;
  }
  const segments = field.locator('[role="spinbutton"]');
  if (value === '') {
    for (let i = (await segments.count()) - 1; i >= 0; i--) {
      await segments.nth(i).focus();
      for (let k = 0; k < 4; k++) await page.keyboard.press('Backspace');
    }
    return;
  }
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const time = /^(\d{2}):(\d{2})$/.exec(value);
  const parts: Array<[string, string]> = day
    ? [
        ['year', day[1] ?? ''],
        ['month', day[2] ?? ''],
        ['day', day[3] ?? ''],
      ]
    : time
      ? [
          ['hour', time[1] ?? ''],
          ['minute', time[2] ?? ''],
        ]
      : [];
  if (parts.length === 0) throw new Error(`fillDate: not a date, month or time: ${value}`);
  for (const [type, digits] of parts) {
    await field.locator(`[data-type="${type}"]`).focus();
    await page.keyboard.type(digits);
  }
}

/** What a date or time field shows, e.g. "07.12.2026" (ru) or "7/12/2026" (el), without bidi marks. */
export async function dateText(field: Locator): Promise<string> {
  const text = await field.locator('xpath=descendant-or-self::*[contains(@class, "date-field-input")]').first().innerText();
  return text.replace(/[\u2066-\u2069\u200e\u200f\s]/g, '');
}

/** The month a month field (MonthInput's two selects) holds, 'YYYY-MM', or ''. */
export async function monthValue(field: Locator): Promise<string> {
  const month = await field.locator('select.month-field-month').inputValue();
  const year = await field.locator('select.month-field-year').inputValue();
  return month === '' || year === '' ? '' : `${year}-${month.padStart(2, '0')}`;
}

/** The value a date or time field holds, as the contract writes it ('YYYY-MM-DD', 'HH:MM'), or ''. */
export async function dateValue(field: Locator): Promise<string> {
  return field.locator('input[type="hidden"]').first().inputValue();
}
