import type { DemoContext } from './demo-context';

/** Demo data of the funding feature (filled in by that feature). */
export async function demoFunding(_ctx: DemoContext): Promise<void> {}
