import type { DemoContext } from './demo-context';

/** Demo data of the cashbook feature (filled in by that feature). */
export async function demoCashbook(_ctx: DemoContext): Promise<void> {}
