import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';
import { test, expect, openApp, centre, type Hearth } from './fixtures';
import { escapeRegExp, translator } from './i18n';
import { artifactPath } from './paths';
import type { TaskDetail } from '../../shared/domain/tasks';

/**
 * The coordinator's board and its paper documents:
 * - the week by day and by volunteer, a task without a volunteer assigned with the keyboard
 *   (Assign… → arrows → Enter) and another by dragging it onto a volunteer;
 * - the A4 task sheet printed to PDF in the Russian UI (its text layer read back with pdftotext
 *   where poppler-utils is installed), the route list, and long Greek words that must wrap.
 */

const CENTRE = 'Центр помощи жителям Сылвы';
const PDFTOTEXT = '/usr/bin/pdftotext';
const PDFTOPPM = '/usr/bin/pdftoppm';

interface Scene {
  today: string;
  groceries: TaskDetail;
  firewood: TaskDetail;
  checkIn: TaskDetail;
  phone: string;
  morozov: { id: number; fullName: string };
  ivanova: { id: number; fullName: string };
}

/** Two residents, a request with its task (assigned), two tasks without a volunteer, two volunteers. */
async function setUpScene(hearth: Hearth): Promise<Scene> {
  const { today } = await hearth.call('app.status', {});
  const kinds = await hearth.call('catalogue.list', { includeArchived: false });
  const kind = (code: string) => {
    const k = kinds.find((x) => x.code === code);
    if (!k) throw new Error(`The built-in kind "${code}" is missing from the catalogue`);
    return k.id;
  };
  const phone = '+7 342 555-12-34';
  const shevchenko = await hearth.call('residents.create', {
    lastName: 'Шевченко',
    firstName: 'Оксана',
    patronymic: 'Петровна',
    settlement: 'Сылва',
    street: 'улица Ленина',
    house: '12',
    flat: '4',
    phones: [phone],
  });
  const kuznetsova = await hearth.call('residents.create', { lastName: 'Кузнецова', firstName: 'Валентина', settlement: 'Сылва', street: 'Заречная', house: '3' });
  const request = await hearth.call('requests.create', {
    residentId: shevchenko.id,
    kindId: kind('groceries'),
    description: 'Хлеб, молоко и лекарства из аптеки на Комсомольской',
  });
  // Waiting for tasks: an open request nobody has planned yet.
  await hearth.call('requests.create', { residentId: kuznetsova.id, kindId: kind('firewood'), description: 'Дрова на зиму' });
  const morozov = await hearth.call('volunteers.create', { lastName: 'Морозов', firstName: 'Алексей', settlement: 'Сылва' });
  const ivanova = await hearth.call('volunteers.create', { lastName: 'Иванова', firstName: 'Мария', settlement: 'Сылва' });
  const groceries = await hearth.call('tasks.create', {
    requestId: request.id,
    scheduledOn: today,
    partOfDay: 'morning',
    volunteerIds: [morozov.id],
    note: 'Позвонить за час до прихода',
  });
  const firewood = await hearth.call('tasks.create', { residentId: kuznetsova.id, kindId: kind('firewood'), scheduledOn: today, startTime: '14:00' });
  const checkIn = await hearth.call('tasks.create', { residentId: shevchenko.id, kindId: kind('checkIn'), scheduledOn: today, partOfDay: 'evening' });
  return {
    today,
    groceries,
    firewood,
    checkIn,
    phone,
    morozov: { id: morozov.id, fullName: morozov.fullName },
    ivanova: { id: ivanova.id, fullName: ivanova.fullName },
  };
}

/** The day's column heading as the board writes it (Intl in the UI's locale). */
function dayLabel(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${iso}T12:00:00`));
}

/** A task card on the board, found by its accessible name "resident · kind". */
function card(scope: Locator, resident: string) {
  return scope.getByRole('article', { name: new RegExp(`^${escapeRegExp(resident)} · `) });
}

test.describe('board (en UI, Russian data)', () => {
  test.use({ setUp: centre('ru', CENTRE) });

  test('shows the week by day and by volunteer; assigns with the keyboard and by dragging', async ({ page, hearth }) => {
    const s = await setUpScene(hearth);
    const t = await openApp(page, hearth, { language: 'en', route: '/board' });
    const kindOf = (code: string) => t(`catalogue:kinds.${code}`);

    await expect(page.getByRole('heading', { level: 1, name: t('board:title') })).toBeVisible();
    for (const key of ['snowDay', 'care', 'reports'] as const) {
      await expect(page.getByRole('navigation', { name: t('board:otherScreens') }).getByRole('link', { name: t(`board:links.${key}`) })).toBeVisible();
    }

    // Today's column holds the task with its volunteer, and the two tasks without one.
    const todayColumn = page.getByRole('region', { name: dayLabel('en-GB', s.today), exact: true });
    const groceries = card(todayColumn, s.groceries.residentName).filter({ hasText: kindOf('groceries') });
    await expect(groceries).toContainText(s.morozov.fullName);
    await expect(groceries).toContainText(t('board:part.morning'));
    await expect(card(todayColumn, s.firewood.residentName)).toContainText(t('board:card.notAssigned'));

    // Requests waiting for tasks: Kuznetsova's firewood, a link to the request.
    const waiting = page.getByRole('region', { name: new RegExp(`^${escapeRegExp(t('board:waiting.title'))}`) });
    await expect(waiting.getByRole('link', { name: new RegExp(escapeRegExp(s.firewood.residentName)) })).toBeVisible();
    await page.screenshot({ path: artifactPath('board-en.png') });

    // Keyboard: Assign… → the best suggestion is focused; ↓ ↑ move; Enter assigns Ivanova.
    const unassigned = page.getByRole('region', { name: new RegExp(`^${escapeRegExp(t('board:unassigned.title'))}`) });
    const assignButton = unassigned.getByRole('button', { name: t('board:assign.buttonLabel', { resident: s.firewood.residentName, kind: kindOf('firewood') }) });
    await assignButton.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: t('board:assign.listLabel', { resident: s.firewood.residentName }) });
    const suggestions = dialog.getByRole('listitem').getByRole('button');
    await expect(suggestions).toHaveCount(2);
    await expect(suggestions.first()).toBeFocused();
    await page.screenshot({ path: artifactPath('board-en-assign.png') });
    await page.keyboard.press('ArrowDown');
    await expect(suggestions.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(suggestions.first()).toBeFocused();
    const first = (await suggestions.first().textContent()) ?? '';
    if (!first.startsWith(s.ivanova.fullName)) await page.keyboard.press('ArrowDown');
    await expect(page.locator(':focus')).toContainText(s.ivanova.fullName);
    await page.keyboard.press('Enter');

    const done = t('board:assign.done', { volunteer: s.ivanova.fullName, resident: s.firewood.residentName, kind: kindOf('firewood'), date: dayLabel('en-GB', s.today) });
    // Focus goes to the confirmation, so a screen reader says who was assigned.
    await expect(page.getByRole('status').filter({ hasText: done })).toBeFocused();
    await expect(dialog).toHaveCount(0);
    await expect(card(todayColumn, s.firewood.residentName)).toContainText(s.ivanova.fullName);
    expect((await hearth.call('tasks.get', { id: s.firewood.id })).volunteers.map((v) => v.volunteerId)).toEqual([s.ivanova.id]);

    // ↓ on Assign… opens the list too; Esc closes it and returns to the button.
    const checkInAssign = unassigned.getByRole('button', { name: t('board:assign.buttonLabel', { resident: s.checkIn.residentName, kind: kindOf('checkIn') }) });
    await checkInAssign.focus();
    await page.keyboard.press('ArrowDown');
    const checkInDialog = page.getByRole('dialog', { name: t('board:assign.listLabel', { resident: s.checkIn.residentName }) });
    await expect(checkInDialog.getByRole('listitem').getByRole('button').first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(checkInDialog).toHaveCount(0);
    await expect(checkInAssign).toBeFocused();

    // By volunteer: a row per volunteer with that day's cards; drag the evening check-in onto Morozov.
    await page.getByRole('group', { name: t('board:view.label') }).getByRole('button', { name: t('board:view.byVolunteer') }).click();
    const row = (name: string) => page.getByRole('row', { name: new RegExp(`^${escapeRegExp(name)}`) });
    await expect(card(row(s.morozov.fullName), s.groceries.residentName)).toBeVisible();
    await expect(card(row(s.ivanova.fullName), s.firewood.residentName)).toBeVisible();
    // The first row holds the week's tasks without a volunteer.
    const checkIn = card(row(t('board:card.notAssigned')), s.checkIn.residentName).filter({ hasText: kindOf('checkIn') });
    // Both rows on screen first: Playwright presses the button before it scrolls to the target.
    await page.getByRole('table').evaluate((table) => table.scrollIntoView({ block: 'start' }));
    await checkIn.dragTo(row(s.morozov.fullName).getByRole('cell').nth(1));
    await expect(row(s.morozov.fullName).getByRole('article').filter({ hasText: kindOf('checkIn') })).toBeVisible();
    expect((await hearth.call('tasks.get', { id: s.checkIn.id })).volunteers.map((v) => v.volunteerId)).toEqual([s.morozov.id]);
    await expect(unassigned.getByText(t('board:unassigned.empty'))).toBeVisible();
    await page.screenshot({ path: artifactPath('board-en-volunteers.png') });

    // The print links are for today.
    const printGroup = page.getByRole('group', { name: t('board:print.label') });
    await expect(printGroup.getByRole('link', { name: t('board:print.sheets', { day: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' }).format(new Date(`${s.today}T12:00:00`)) }) })).toHaveAttribute(
      'href',
      `#/print/day?date=${s.today}`,
    );

    // One volunteer's task sheet alone (issue 16): the print link in Morozov's row opens his sheet
    // only, with his two tasks of today and none of Ivanova's.
    const ownPrint = row(s.morozov.fullName).locator('a.vol-print');
    await expect(ownPrint).toHaveAccessibleName(new RegExp(escapeRegExp(s.morozov.fullName)));
    await ownPrint.click();
    await expect(page).toHaveURL(new RegExp(`#/print/day\\?date=${s.today}&volunteer=${s.morozov.id}$`));
    const sheets = page.locator('article.sheet');
    await expect(sheets).toHaveCount(1);
    await expect(sheets).toContainText(s.morozov.fullName);
    await expect(sheets.locator('tbody tr')).toHaveCount(2);
    await expect(sheets).not.toContainText(s.firewood.residentName);
    await expect(sheets).not.toContainText(s.ivanova.fullName);
    await page.screenshot({ path: artifactPath('task-sheet-one-volunteer-en.png') });
  });
});

test.describe('a busy week (ru)', () => {
  test.use({ setUp: centre('ru', CENTRE) });

  test('a day shows its first cards, "Show all" and "Show fewer" by keyboard; the week by volunteer draws the rows in view and Tab reaches every one', async ({ page, hearth }) => {
    const { today } = await hearth.call('app.status', {});
    const kinds = await hearth.call('catalogue.list', { includeArchived: false });
    const kindId = kinds.find((k) => k.code === 'checkIn')?.id ?? 0;
    const resident = await hearth.call('residents.create', { lastName: 'Кузнецова', firstName: 'Валентина', settlement: 'Сылва', street: 'Заречная', house: '3' });
    // Twelve tasks today, none with a volunteer; sixty volunteers without tasks.
    for (let i = 0; i < 12; i++) {
      await hearth.call('tasks.create', { residentId: resident.id, kindId, scheduledOn: today, startTime: `${String(8 + i).padStart(2, '0')}:00` });
    }
    const volunteers: string[] = [];
    for (let i = 1; i <= 60; i++) volunteers.push((await hearth.call('volunteers.create', { lastName: `Волонтёров-${String(i).padStart(2, '0')}`, firstName: 'Пётр' })).fullName);
    const t = await openApp(page, hearth, { language: 'ru', route: '/board' });

    // Today: the count, the first 8 cards and "Show all (12)", named with the day for a screen reader.
    const day = page.getByRole('region', { name: dayLabel('ru-RU', today), exact: true });
    const items = day.getByRole('listitem');
    await expect(day.getByRole('heading', { level: 3 })).toContainText(t('board:taskCount', { count: 12 }));
    await expect(items).toHaveCount(8);
    const showAll = day.getByRole('button', { name: t('common:list.showAllOf', { what: t('board:taskCount', { count: 12 }), list: dayLabel('ru-RU', today) }) });
    await expect(showAll).toHaveText(t('common:list.showAll', { n: 12 }));
    // Tab goes from the last card shown (its link, its Assign…) to "Show all".
    await items.nth(7).getByRole('link').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(showAll).toBeFocused();
    // Enter: every card, the focus on the first one that was hidden.
    await page.keyboard.press('Enter');
    await expect(items).toHaveCount(12);
    await expect(items.nth(8).getByRole('link')).toBeFocused();
    const showFewer = day.getByRole('button', { name: t('common:list.showFewerOf', { list: dayLabel('ru-RU', today) }) });
    await expect(showFewer).toHaveText(t('common:list.showFewer'));
    await showFewer.focus();
    await page.keyboard.press('Enter');
    await expect(items).toHaveCount(8);
    await expect(showAll).toBeFocused();

    // By volunteer: 61 rows (the tasks without a volunteer first), only those in view drawn.
    await page.getByRole('group', { name: t('board:view.label') }).getByRole('button', { name: t('board:view.byVolunteer') }).click();
    const table = page.getByRole('table');
    await expect(table).toHaveAttribute('aria-rowcount', '62');
    const first = table.getByRole('link', { name: volunteers[0], exact: true });
    await expect(first).toBeVisible();
    expect(await table.locator('tbody tr.vol-row').count()).toBeLessThan(61);
    // Today's cell of the tasks without a volunteer: its first cards and "Show all".
    const nobodyRow = table.locator('tr.nobody-row');
    await expect(nobodyRow.getByRole('article')).toHaveCount(6);
    await expect(nobodyRow.getByRole('button', { name: t('common:list.showAllOf', { what: t('board:taskCount', { count: 12 }), list: `${t('board:unassigned.title')} · ${dayLabel('ru-RU', today)}` }) })).toBeVisible();
    // Tab from the first volunteer to the last: each row is drawn as the focus comes to it.
    await first.focus();
    for (let i = 1; i < volunteers.length; i++) {
      await page.keyboard.press('Tab');
      await expect(table.getByRole('link', { name: volunteers[i], exact: true })).toBeFocused();
    }
    await expect(table.getByRole('link', { name: volunteers[59], exact: true })).toBeInViewport();
    await expect(table.getByRole('row', { name: new RegExp(`^${escapeRegExp(volunteers[0] ?? '')}`) })).toHaveCount(0);
  });
});

/** Opens the task sheet of a volunteer in the Russian UI and waits for its data. */
async function openSheet(page: Page, hearth: Hearth, s: Scene) {
  await openApp(page, hearth, { language: 'ru', route: `/print/day?date=${s.today}&volunteer=${s.morozov.id}` });
  const sheet = page.locator('article.sheet');
  await expect(sheet).toContainText(s.groceries.residentName);
  await expect(sheet).toContainText(s.phone);
  return sheet;
}

test.describe('task sheet (ru)', () => {
  test.use({ setUp: centre('ru', CENTRE) });

  test('prints an A4 task sheet to PDF in Russian, and the route list', async ({ page, hearth }) => {
    const s = await setUpScene(hearth);
    await hearth.call('tasks.assign', { id: s.checkIn.id, volunteerIds: [s.morozov.id, s.ivanova.id] });
    const sheet = await openSheet(page, hearth, s);
    const t = translator('ru');

    // What a volunteer needs on paper, in time order: the groceries (morning), then the check-in (evening).
    await expect(sheet).toContainText(CENTRE);
    await expect(sheet).toContainText(s.morozov.fullName);
    await expect(sheet).toContainText(s.groceries.address);
    await expect(sheet).toContainText('Хлеб, молоко и лекарства');
    await expect(sheet).toContainText('Позвонить за час до прихода');
    await expect(sheet).toContainText(t('board:sheet.withOthers', { names: s.ivanova.fullName }));
    await expect(sheet.locator('tbody tr')).toHaveCount(2);
    await expect(sheet.locator('tbody tr').first()).toContainText(t('catalogue:kinds.groceries'));
    await expect(sheet.locator('tbody tr').nth(1)).toContainText(t('catalogue:kinds.checkIn'));

    await page.pdf({ path: artifactPath('task-sheet-ru.pdf'), format: 'A4', printBackground: true });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: t('board:sheet.print') })).toBeHidden();
    await expectNothingCutOff(page);
    await page.screenshot({ path: artifactPath('task-sheet-ru.png') });

    // The route list: by settlement, then street in Russian alphabetical order, with the volunteers.
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${hearth.url}#/print/route?date=${s.today}`);
    const route = page.locator('article.sheet');
    await expect(route.getByRole('heading', { level: 3, name: 'Сылва' })).toBeVisible();
    const streets = route.locator('tr.street-row');
    await expect(streets).toHaveText(['Заречная', 'улица Ленина']);
    await expect(route.getByRole('row').filter({ hasText: s.firewood.residentName })).toContainText(t('board:card.notAssigned'));
    const checkInRow = route.getByRole('row').filter({ hasText: t('catalogue:kinds.checkIn') });
    await expect(checkInRow).toContainText(s.morozov.fullName);
    await expect(checkInRow).toContainText(s.ivanova.fullName);
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: artifactPath('route-ru.pdf'), format: 'A4', printBackground: true });
    await expectNothingCutOff(page);
    await page.screenshot({ path: artifactPath('route-ru.png') });

    // Without a volunteer in the address: a sheet per volunteer (by name), then the tasks nobody has, a page each.
    await page.goto(`${hearth.url}#/print/day?date=${s.today}`);
    const sheets = page.locator('article.sheet');
    await expect(sheets).toHaveCount(3);
    await expect(sheets.nth(0)).toContainText(s.ivanova.fullName);
    await expect(sheets.nth(1)).toContainText(s.morozov.fullName);
    await expect(sheets.nth(2)).toContainText(t('board:sheet.notAssigned'));
    await expect(sheets.nth(2)).toContainText(s.firewood.residentName);
    const all = artifactPath('task-sheets-all-ru.pdf');
    await page.pdf({ path: all, format: 'A4', printBackground: true });
    expect(pdfPageCount(await readFile(all))).toBe(3);
  });

  test('the PDF text layer holds the resident, address, phone, volunteer and centre', async ({ page, hearth }) => {
    test.skip(!existsSync(PDFTOTEXT), `${PDFTOTEXT} is missing (Debian package poppler-utils): the PDF's text cannot be read back here.`);
    const s = await setUpScene(hearth);
    await openSheet(page, hearth, s);
    const pdf = artifactPath('task-sheet-ru-text.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const { stdout } = await promisify(execFile)(PDFTOTEXT, ['-raw', '-enc', 'UTF-8', pdf, '-']);
    // Lines wrap inside narrow cells: compare with runs of white space folded to one space.
    const text = stdout.replace(/\s+/g, ' ');
    for (const expected of [s.groceries.residentName, s.groceries.address, s.phone, s.morozov.fullName, CENTRE]) {
      expect(text, `the PDF's text should contain "${expected}"`).toContain(expected);
    }
    const pages = stdout.split('\f').filter((p) => p.trim().length > 0);
    expect(pages).toHaveLength(1);
    // The printed page itself, as an image to look at (pdftoppm comes with pdftotext).
    await promisify(execFile)(PDFTOPPM, ['-png', '-r', '96', '-singlefile', pdf, artifactPath('task-sheet-ru-pdf')]);
  });
});

test.describe('task sheet with long Greek words (el)', () => {
  test.use({ setUp: centre('el', 'Κέντρο Κοινωνικής Υποστήριξης και Αλληλεγγύης Δήμου Σύλβας') });

  test('long words wrap on the A4 sheet and the route list, nothing is cut off', async ({ page, hearth }) => {
    const { today } = await hearth.call('app.status', {});
    const kinds = await hearth.call('catalogue.list', { includeArchived: false });
    const kindId = kinds.find((k) => k.code === 'transportDoctor')?.id ?? 0;
    const resident = await hearth.call('residents.create', {
      lastName: 'Παπαχριστοδουλοπούλου-Αναστασοπούλου',
      firstName: 'Αικατερίνη',
      settlement: 'Αγίου Κωνσταντίνου Χαλκιδικής',
      street: 'Λεωφόρος Κωνσταντινουπόλεως-Θεσσαλονίκης',
      house: '118Α',
      flat: '12',
      phones: ['+30 2310 123 456', '+30 694 765 4321'],
    });
    const volunteer = await hearth.call('volunteers.create', { lastName: 'Χατζηγεωργίου-Παναγιωτοπούλου', firstName: 'Αλεξάνδρα' });
    await hearth.call('tasks.create', {
      residentId: resident.id,
      kindId,
      scheduledOn: today,
      startTime: '09:30',
      estimatedMinutes: 150,
      volunteerIds: [volunteer.id],
      note: 'Αντικαταθλιπτικάφαρμακευτικάσκευάσματαπροςπαραλαβήαπότοφαρμακείο και επιστροφή στο σπίτι',
    });

    await openApp(page, hearth, { language: 'el', route: `/print/day?date=${today}&volunteer=${volunteer.id}` });
    await expect(page.locator('article.sheet')).toContainText(resident.fullName.split(' ')[0] ?? '');
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await expectNothingCutOff(page);
    await page.screenshot({ path: artifactPath('task-sheet-el.png') });
    await page.pdf({ path: artifactPath('task-sheet-el.pdf'), format: 'A4', printBackground: true });

    await page.goto(`${hearth.url}#/print/route?date=${today}`);
    await expect(page.locator('article.sheet')).toContainText('Λεωφόρος Κωνσταντινουπόλεως-Θεσσαλονίκης');
    await expectNothingCutOff(page);
    await page.screenshot({ path: artifactPath('route-el.png') });
  });
});

/** Pages of a PDF as Chromium writes it (page objects are not compressed): one sheet per page. */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
}

/** No sheet, table cell or heading is wider than its box: long words wrapped instead of overflowing. */
async function expectNothingCutOff(page: Page) {
  const overflowing = await page.locator('article.sheet').evaluateAll((sheets) => {
    const out: string[] = [];
    for (const sheet of sheets) {
      const page = sheet.getBoundingClientRect();
      for (const el of [sheet, ...Array.from(sheet.querySelectorAll<HTMLElement>('th, td, h2, h3, dd, p, div'))]) {
        const box = el.getBoundingClientRect();
        if (el.scrollWidth > el.clientWidth + 1 || box.right > page.right + 1) out.push(`${el.tagName}: ${(el.textContent ?? '').slice(0, 60)}`);
      }
    }
    return out;
  });
  expect(overflowing, 'elements wider than their box').toEqual([]);
}

/** Header words split over two lines (a word whose letters take more than one line box). */
async function brokenHeaderWords(page: Page): Promise<string[]> {
  return page.locator('article.sheet thead th').evaluateAll((cells) => {
    const out: string[] = [];
    for (const th of cells) {
      const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const m of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index ?? 0);
          range.setEnd(node, (m.index ?? 0) + m[0].length);
          const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
          if (lines.size > 1) out.push(`"${m[0]}" in "${(th.textContent ?? '').trim()}" over ${lines.size} lines`);
        }
      }
    }
    return out;
  });
}

test.describe('task sheet headers in every language (A4)', () => {
  test.use({ setUp: centre('uk', 'Центр підтримки мешканців Решетилівки') });

  test('no column header breaks inside a word (the hours column says «Години» whole)', async ({ page, hearth }) => {
    const s = await setUpScene(hearth);
    const found: string[] = [];
    await openApp(page, hearth, { language: 'uk', route: `/print/day?date=${s.today}&volunteer=${s.morozov.id}` });
    for (const lng of ['uk', 'ru', 'pl', 'el', 'en'] as const) {
      // The UI's language as the switcher keeps it, then the sheet drawn afresh.
      await page.evaluate((l) => window.localStorage.setItem('hearth.language', l), lng);
      await page.reload();
      const t = translator(lng);
      await expect(page.locator('article.sheet thead')).toContainText(t('board:sheet.columns.hours'));
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.emulateMedia({ media: 'print' });
      for (const b of await brokenHeaderWords(page)) found.push(`${lng}: ${b}`);
      if (lng === 'uk') await page.screenshot({ path: artifactPath('task-sheet-uk.png') });
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1366, height: 768 });
    }
    expect(found).toEqual([]);
  });
});
