/** Being written (coordinator issue). */
export function VolunteersScreen() {
  return null;
}
