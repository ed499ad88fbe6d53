/** Being written (coordinator issue): the tasks of a request, with suggestions when assigning. */
export function RequestTasks(_props: { requestId: number }) {
  return null;
}
