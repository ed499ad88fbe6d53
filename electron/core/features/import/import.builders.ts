import type { CallInput } from '../../../../shared/api/contract';
import type { importCalls } from '../../../../shared/api/calls/import';

type Calls = keyof typeof importCalls;

/** A small residents list (UTF-8, ";") as the wizard sends it. */
export function importFileInput(): CallInput<'import.preview'>['file'] {
  const text = 'ФИО;Год рождения;Адрес\r\nСеменова Анна Ильинична;1952;Сылва, Заречная 7\r\n';
  return { fileName: 'жители.csv', base64: Buffer.from(text, 'utf8').toString('base64') };
}

const mapping = { columns: { ФИО: 'fullName', 'Год рождения': 'birthYear', Адрес: 'address' }, nameOrder: 'auto', language: 'ru' } as const;

/** A valid input for every import call (the dispatch and fuzz tests). */
export function importValidInputs(): { [K in Calls]: CallInput<K> } {
  return {
    'import.preview': { kind: 'residents', file: importFileInput() },
    'import.dryRun': { kind: 'residents', file: importFileInput(), mapping },
    'import.run': { kind: 'residents', file: importFileInput(), mapping },
    'import.mappings': { kind: 'residents' },
    'import.saveMapping': { kind: 'residents', name: 'Сылва', mapping },
    'import.reports': {},
    'import.rejectedSheet': { reportId: 1 },
  };
}
