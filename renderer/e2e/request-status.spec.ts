import { test, expect, openApp, centre } from './fixtures';
import { RequestPage } from './pages';
import type { Lng } from './i18n';

/**
 * The status flow of one request: new → in progress → done with a note. Every change is listed in
 * the history with the user's name; a closed request can only be reopened.
 */
for (const lng of ['en', 'uk'] as const satisfies readonly Lng[]) {
  test.describe(`request status (${lng})`, () => {
    test.use({ setUp: centre(lng) });

    test(`moves a request new → in progress → done, with history (${lng})`, async ({ page, hearth }) => {
      const resident = await hearth.call('residents.create', { lastName: 'Шевченко', firstName: 'Оксана', settlement: 'Сылва' });
      const kinds = await hearth.call('catalogue.list', { includeArchived: false });
      const groceries = kinds.find((k) => k.code === 'groceries');
      if (!groceries) throw new Error('The built-in kind "groceries" is missing from the catalogue');
      const request = await hearth.call('requests.create', { residentId: resident.id, kindId: groceries.id, description: 'Bread and milk twice a week' });
      const user = (await hearth.call('app.status', {})).user.name;

      const t = await openApp(page, hearth, { language: lng, route: `/requests/${request.id}` });
      const r = new RequestPage(page, t);
      const kind = t('catalogue:kinds.groceries');
      await expect(r.heading).toContainText(t('requests:detailTitle', { id: request.id, kind }));
      await expect(r.heading).toContainText(t('common:status.new'));
      await expect(r.history).toHaveCount(1);
      await expect(r.history.nth(0)).toContainText(t('requests:historyCreated', { who: user }));

      // new → in progress
      await r.moveTo('inProgress').click();
      await expect(r.moveTo('inProgress')).toHaveCount(0);
      await expect(r.heading).toContainText(t('common:status.inProgress'));
      await expect(r.history).toHaveCount(2);

      // in progress → done, with a note
      const note = lng === 'uk' ? 'Продукти доставлено, дякує' : 'Delivered, she says thank you';
      await r.note.fill(note);
      await r.moveTo('done').click();
      await expect(r.heading).toContainText(t('common:status.done'));
      await expect(r.note).toHaveValue('');

      const status = (s: 'new' | 'inProgress' | 'done') => t(`common:status.${s}`);
      await expect(r.history).toHaveCount(3);
      await expect(r.history.nth(0)).toContainText(t('requests:historyCreated', { who: user }));
      await expect(r.history.nth(1)).toContainText(t('requests:historyChanged', { who: user, from: status('new'), to: status('inProgress') }));
      await expect(r.history.nth(2)).toContainText(t('requests:historyChanged', { who: user, from: status('inProgress'), to: status('done') }));
      await expect(r.history.nth(2)).toContainText(note);

      // A closed request offers only "Reopen".
      await expect(r.statusActions).toHaveCount(1);
      await expect(r.moveTo('new')).toBeVisible();
      await expect(r.moveTo('new')).toHaveText(t('requests:moveTo.new'));

      const saved = await hearth.call('requests.get', { id: request.id });
      expect(saved.status).toBe('done');
      expect(saved.history.map((h) => [h.fromStatus, h.toStatus, h.note, h.changedBy])).toEqual([
        [null, 'new', '', user],
        ['new', 'inProgress', '', user],
        ['inProgress', 'done', note, user],
      ]);
    });
  });
}
