/**
 * The one place import asks "is this person registered already?". Today it is the register's
 * duplicate check (residents.findDuplicates: the same folded name in any word order with or without
 * a patronymic and the same or no birth year, or the same phone); the duplicate matcher (issue 15,
 * built beside this) takes its place here at the merge.
 */
import type { ResidentData } from '../../../../shared/domain/residents';
import type { Executor } from '../../db/schema';
import { findDuplicates } from '../residents/residents.repo';

export interface SamePerson {
  id: number;
  fullName: string;
}

export async function findSame(ex: Executor, data: Pick<ResidentData, 'lastName' | 'firstName' | 'patronymic' | 'birthYear' | 'phones'>): Promise<SamePerson[]> {
  const found = await findDuplicates(ex, { lastName: data.lastName, firstName: data.firstName, patronymic: data.patronymic, birthYear: data.birthYear, phones: data.phones });
  return found.map((r) => ({ id: r.id, fullName: r.fullName }));
}
