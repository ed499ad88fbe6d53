/** Being written (coordinator issue). */
export function PrintRouteScreen() {
  return null;
}
