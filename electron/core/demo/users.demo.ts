import type { DemoContext } from './demo-context';

/** Demo data of the users feature (filled in by that feature). */
export async function demoUsers(_ctx: DemoContext): Promise<void> {}
