/** Being written (coordinator issue). */
export function BoardScreen() {
  return null;
}
