import { redact, scrubText } from './redact';

export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/**
 * One log line: time, level, message and data, with names, phones, addresses and other personal
 * data redacted first (redact.ts). Every logger that writes anywhere goes through this.
 */
export function formatLogLine(level: string, message: string, data?: Record<string, unknown>, now: Date = new Date()): string {
  let payload = '';
  if (data) {
    try {
      payload = ' ' + JSON.stringify(redact(data));
    } catch {
      payload = ' [unloggable data]';
    }
  }
  return `${now.toISOString()} ${level} ${scrubText(message)}${payload}`;
}

/** Writes redacted lines through `write` (a file, a test's array…). */
export function redactingLogger(write: (level: 'info' | 'warn' | 'error', line: string) => void): Logger {
  return {
    info: (m, d) => write('info', formatLogLine('info', m, d)),
    warn: (m, d) => write('warn', formatLogLine('warn', m, d)),
    error: (m, d) => write('error', formatLogLine('error', m, d)),
  };
}

export function consoleLogger(): Logger {
  return redactingLogger((level, line) => {
    if (level === 'info') console.log(line);
    else if (level === 'warn') console.warn(line);
    else console.error(line);
  });
}
