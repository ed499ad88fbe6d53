/** Being written (coordinator issue). */
export function SnowDayScreen() {
  return null;
}
