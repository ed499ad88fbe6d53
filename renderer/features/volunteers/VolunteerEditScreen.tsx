/** Being written (coordinator issue). */
export function VolunteerEditScreen() {
  return null;
}
