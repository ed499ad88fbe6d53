/** Being written (coordinator issue): a resident's help plans, moved/died. */
export function ResidentPlans(_props: { residentId: number }) {
  return null;
}
