import type { DemoContext } from './demo-context';

/** Demo data of the till feature (filled in by that feature). */
export async function demoTill(_ctx: DemoContext): Promise<void> {}
