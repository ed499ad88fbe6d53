import type { Actor, CoreDeps } from '../context';

/** Fills the database with a believable small-town centre (being written: see the demo-data task). */
export async function fillDemoData(_deps: CoreDeps, _options: { actor: Actor }): Promise<{ residents: number; requests: number }> {
  return { residents: 0, requests: 0 };
}
