/** Being written (coordinator issue). */
export function CareScreen() {
  return null;
}
