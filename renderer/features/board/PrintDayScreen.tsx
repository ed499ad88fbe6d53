/** Being written (coordinator issue). */
export function PrintDayScreen() {
  return null;
}
