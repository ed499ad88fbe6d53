/** Being written (coordinator issue). */
export function TaskPage() {
  return null;
}
