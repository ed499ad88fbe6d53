/** Being written (coordinator issue). */
export function ReportsScreen() {
  return null;
}
