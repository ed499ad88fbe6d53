import type { Logger } from '../logger';

export interface LoggedLine {
  level: string;
  message: string;
  data?: Record<string, unknown>;
}

/** A logger that keeps every line, for tests that read what the core logged. */
export function recordingLogger(): { lines: LoggedLine[]; logger: Logger } {
  const lines: LoggedLine[] = [];
  const keep = (level: string) => (message: string, data?: Record<string, unknown>) => void lines.push({ level, message, ...(data ? { data } : {}) });
  return { lines, logger: { info: keep('info'), warn: keep('warn'), error: keep('error') } };
}
