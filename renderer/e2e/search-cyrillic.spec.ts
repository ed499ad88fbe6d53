import { test, expect, openApp, centre } from './fixtures';
import { HomePage } from './pages';

/**
 * Front-desk search folds case and ё→е: "иванов петр" and "петр" both find "ИВАНОВ Пётр Сергеевич"
 * first, among people whose names share those beginnings; ↓ and Enter open his page.
 */
test.use({ setUp: centre('ru', 'Центр помощи жителям Сылвы') });

test('finds ИВАНОВ Пётр Сергеевич from "иванов петр" and from "петр"', async ({ page, hearth }) => {
  const ivanov = await hearth.call('residents.create', {
    lastName: 'ИВАНОВ',
    firstName: 'Пётр',
    patronymic: 'Сергеевич',
    birthYear: 1951,
    phones: ['+7 342 123-45-67'],
    settlement: 'Сылва',
    street: 'Ленина',
    house: '12',
  });
  // Other words starting with "иванов" and "петр", which rank after him.
  for (const other of [
    { lastName: 'Иванова', firstName: 'Мария', patronymic: 'Петровна', birthYear: 1949 },
    { lastName: 'Ивановский', firstName: 'Олег', patronymic: 'Петрович', birthYear: 1960 },
    { lastName: 'Смирнова', firstName: 'Анна', patronymic: 'Петровна', birthYear: 1955 },
    { lastName: 'Сидоренко', firstName: 'Галина', patronymic: 'Ивановна', birthYear: 1947 },
  ]) {
    await hearth.call('residents.create', { ...other, settlement: 'Сылва' });
  }

  const t = await openApp(page, hearth, { language: 'ru' });
  const home = new HomePage(page, t);
  await expect(home.search).toBeFocused();

  await home.search.fill('иванов петр');
  await expect(home.resultItems).toHaveCount(3); // Иванов, Иванова, Ивановский
  await expect(home.resultItems.first()).toContainText(ivanov.fullName);
  expect(ivanov.fullName).toBe('ИВАНОВ Пётр Сергеевич');

  await home.search.fill('петр');
  await expect(home.resultItems).toHaveCount(4); // + Смирнова Анна Петровна
  await expect(home.resultItems.first()).toContainText(ivanov.fullName);

  await home.search.press('ArrowDown');
  await expect(home.resultLink(0)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/residents/${ivanov.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ivanov.fullName);
});
