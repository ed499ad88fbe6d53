/** Inputs of the bench's writes: a new resident as the front desk registers one. */
import { makePhone, typedName, type Rng } from '../../electron/core/demo/demo';
import { randomPersonName, type Gender } from '../../electron/core/demo/names';
import type { ResidentInput } from '../../shared/domain/residents';

export function fakeResident(rng: Rng): ResidentInput {
  const gender: Gender = rng.chance(0.6) ? 'female' : 'male';
  const name = typedName(rng, randomPersonName(rng.next, rng.pick(['uk', 'uk', 'ru', 'pl', 'el'] as const), gender));
  return {
    ...name,
    birthYear: rng.int(1935, 2005),
    settlement: 'Черкаси',
    street: rng.pick(['вул. Шевченка', 'бульв. Шевченка', 'вул. Гоголя', 'вул. Смілянська']),
    house: String(rng.int(1, 150)),
    flat: rng.chance(0.7) ? String(rng.int(1, 120)) : '',
    phones: [makePhone(rng, 'UA')],
    situations: rng.chance(0.5) ? ['pensioner'] : [],
    householdSize: rng.int(1, 5),
    notes: rng.chance(0.2) ? 'Погано чує, говорити голосно' : '',
  };
}
