/** Being written (coordinator issue). */
export function VolunteerPage() {
  return null;
}
