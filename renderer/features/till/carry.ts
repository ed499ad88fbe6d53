/**
 * Letters typed on the receipt right after a sale belong to the next sale's service field. A
 * quick typist's second and third letters arrive while the till is still being opened, so they are
 * kept here (not in the route's state, which is fixed at the first letter) and taken once by the
 * sale screen; a letter arriving after that is left to the focused service field itself.
 */
let buffer = '';
let taken = false;

/** A new receipt: nothing carried yet. */
export function resetCarry(): void {
  buffer = '';
  taken = false;
}

/** Keeps a letter typed on the receipt: 'first' opens the till, 'more' waits for it, 'late' is the field's own. */
export function carryLetter(key: string): 'first' | 'more' | 'late' {
  if (taken) return 'late';
  buffer += key;
  return buffer.length === 1 ? 'first' : 'more';
}

/** The letters carried to the sale screen (once). */
export function takeCarried(): string {
  taken = true;
  const letters = buffer;
  buffer = '';
  return letters;
}
