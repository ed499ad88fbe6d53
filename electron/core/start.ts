import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { systemClock, type Clock } from './clock';
import { createCore, type Core } from './create-core';
import { openDatabase } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { ensureBuiltInKinds } from './features/catalogue/catalogue.service';
import { silentLogger, type Logger } from './logger';

export const DATABASE_FILE = 'hearth.sqlite';

export interface StartOptions {
  /** A data folder (the database is hearth.sqlite inside it), or null for an in-memory database. */
  dataDir: string | null;
  clock?: Clock;
  logger?: Logger;
}

/** Opens (creating if needed) the database, migrates it, adds missing built-in kinds and builds the core. */
export async function startCore(options: StartOptions): Promise<Core & { sqlite: import('better-sqlite3').Database; file: string }> {
  const clock = options.clock ?? systemClock();
  const logger = options.logger ?? silentLogger;
  let file = ':memory:';
  if (options.dataDir !== null) {
    mkdirSync(options.dataDir, { recursive: true });
    file = path.join(options.dataDir, DATABASE_FILE);
  }
  const { db, sqlite } = openDatabase(file);
  try {
    await migrateToLatest(db, { now: () => clock.now() });
    await ensureBuiltInKinds(db, clock.now().toISOString());
  } catch (e) {
    await db.destroy();
    throw e;
  }
  const core = createCore({ db, clock, logger, paths: { dataDir: options.dataDir } });
  return { ...core, sqlite, file };
}
