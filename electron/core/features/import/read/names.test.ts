import { describe, expect, it } from 'vitest';
import { splitFullName } from './cells';
import { columnNameOrder, nameOrderOf } from './names';

const parts = (lastName: string, firstName: string, patronymic = '') => ({ ok: true, value: { lastName, firstName, patronymic } });

describe('the order of a full name, told from its words', () => {
  it('Greek, both orders: a known given name, the -ου of a woman’s surname, -άκης, -ίδης, -όπουλος', () => {
    expect(splitFullName('Ελένη Παπαδοπούλου')).toEqual(parts('Παπαδοπούλου', 'Ελένη'));
    expect(splitFullName('Παπαδοπούλου Ελένη')).toEqual(parts('Παπαδοπούλου', 'Ελένη'));
    expect(splitFullName('Γιώργος Παπαδόπουλος')).toEqual(parts('Παπαδόπουλος', 'Γιώργος'));
    expect(splitFullName('Παπαδόπουλος Γιώργος')).toEqual(parts('Παπαδόπουλος', 'Γιώργος'));
    expect(splitFullName('Μανωλάκης Στέλιος')).toEqual(parts('Μανωλάκης', 'Στέλιος'));
    expect(splitFullName('Σοφία Χατζηιωαννίδου')).toEqual(parts('Χατζηιωαννίδου', 'Σοφία'));
    // The father's name in the genitive after the given name stays apart.
    expect(splitFullName('Παπαδοπούλου Ελένη Γεωργίου')).toEqual(parts('Παπαδοπούλου', 'Ελένη', 'Γεωργίου'));
  });

  it('Polish, both orders: -ska, -ski, -cki, -wicz, and two given names kept together', () => {
    expect(splitFullName('Anna Kowalska')).toEqual(parts('Kowalska', 'Anna'));
    expect(splitFullName('Kowalska Anna')).toEqual(parts('Kowalska', 'Anna'));
    expect(splitFullName('Jan Kowalski')).toEqual(parts('Kowalski', 'Jan'));
    expect(splitFullName('Zawadzki Piotr')).toEqual(parts('Zawadzki', 'Piotr'));
    expect(splitFullName('Mickiewicz Adam')).toEqual(parts('Mickiewicz', 'Adam'));
    expect(splitFullName('Maria Anna Nowak')).toEqual(parts('Nowak', 'Maria Anna'));
    expect(splitFullName('Kowalska Anna Maria')).toEqual(parts('Kowalska', 'Anna Maria'));
  });

  it('Ukrainian and Russian, both orders: a known given name, a patronymic last or second of three', () => {
    expect(splitFullName('Олена Щербина')).toEqual(parts('Щербина', 'Олена'));
    expect(splitFullName('Щербина Олена')).toEqual(parts('Щербина', 'Олена'));
    expect(splitFullName('Щербина Олена Петрівна')).toEqual(parts('Щербина', 'Олена', 'Петрівна'));
    expect(splitFullName('Олена Петрівна Щербина')).toEqual(parts('Щербина', 'Олена', 'Петрівна'));
    expect(splitFullName('Тарас Шевченко')).toEqual(parts('Шевченко', 'Тарас'));
    expect(splitFullName('Иванова Мария Петровна')).toEqual(parts('Иванова', 'Мария', 'Петровна'));
    expect(splitFullName('Мария Иванова')).toEqual(parts('Иванова', 'Мария'));
    // Ирина, Галина end like a surname (-ина) but are given names; Ильина is a surname.
    expect(splitFullName('Ильина Галина')).toEqual(parts('Ильина', 'Галина'));
    expect(splitFullName('Ирина Ильина')).toEqual(parts('Ильина', 'Ирина'));
    expect(splitFullName('Константин Сорокин')).toEqual(parts('Сорокин', 'Константин'));
  });

  it('Latin spellings of Ukrainian and Greek names', () => {
    expect(splitFullName('Olena Shcherbyna')).toEqual(parts('Shcherbyna', 'Olena'));
    expect(splitFullName('Shcherbyna Olena')).toEqual(parts('Shcherbyna', 'Olena'));
    expect(splitFullName('Papadopoulou Eleni')).toEqual(parts('Papadopoulou', 'Eleni'));
  });

  it('capitals and a comma still mark the surname; initials are not a surname in capitals', () => {
    expect(splitFullName('KOWALSKI Jan')).toEqual(parts('Kowalski', 'Jan'));
    expect(splitFullName('Jan KOWALSKI')).toEqual(parts('Kowalski', 'Jan'));
    expect(splitFullName('ΠΑΠΑΔΟΠΟΥΛΟΥ Ελένη')).toEqual(parts('Παπαδοπουλου', 'Ελένη'));
    expect(splitFullName('Kowalski, Jan')).toEqual(parts('Kowalski', 'Jan'));
    expect(nameOrderOf('Иванов И.И.')).toBe('surnameFirst');
    // All in capitals: the words decide, not the capitals.
    expect(splitFullName('ЩЕРБИНА ОЛЕНА ПЕТРІВНА')).toEqual(parts('Щербина', 'Олена', 'Петрівна'));
  });

  it('a name whose words tell nothing takes the column’s majority order, else the script’s habit', () => {
    // Neither word a known given name, neither with a surname's ending.
    expect(nameOrderOf('Бондар Коваль')).toBeNull();
    expect(nameOrderOf('Ζαχαρία Ρήγα')).toBeNull();
    expect(splitFullName('Ζαχαρία Ρήγα', 'auto', 'surnameFirst')).toEqual(parts('Ζαχαρία', 'Ρήγα'));
    expect(splitFullName('Ζαχαρία Ρήγα', 'auto', 'surnameLast')).toEqual(parts('Ρήγα', 'Ζαχαρία'));
    expect(splitFullName('Ζαχαρία Ρήγα')).toEqual(parts('Ρήγα', 'Ζαχαρία'));
    expect(splitFullName('Бондар Коваль')).toEqual(parts('Бондар', 'Коваль'));
    expect(splitFullName('Бондар Коваль', 'auto', 'surnameLast')).toEqual(parts('Коваль', 'Бондар'));
    // The words win over the column: a clear name is never turned round.
    expect(splitFullName('Ελένη Παπαδοπούλου', 'auto', 'surnameFirst')).toEqual(parts('Παπαδοπούλου', 'Ελένη'));
    // The order chosen by hand wins over everything.
    expect(splitFullName('Ελένη Παπαδοπούλου', 'surnameFirst')).toEqual(parts('Ελένη', 'Παπαδοπούλου'));
  });

  it('the column’s majority: counted over the names that tell, a tie tells nothing', () => {
    const greekSurnameFirst = ['Παπαδοπούλου Ελένη', 'Νικολαΐδης Γιώργος', 'Ζαχαρία Ρήγα', 'Κωστάκη Μαρία', 'Ελένη Παππά'];
    expect(greekSurnameFirst.map(nameOrderOf)).toEqual(['surnameFirst', 'surnameFirst', null, 'surnameFirst', 'surnameLast']);
    expect(columnNameOrder(greekSurnameFirst)).toBe('surnameFirst');
    expect(columnNameOrder(['Anna Kowalska', 'Kowalska Anna'])).toBeNull();
    expect(columnNameOrder(['Anna Kowalska', 'Jan Nowak', 'Zawadzki Piotr'])).toBe('surnameLast');
    expect(columnNameOrder([])).toBeNull();
  });
});
