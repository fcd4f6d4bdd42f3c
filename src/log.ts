/** Structured log lines. Callers pass ids and counts, never a phone number or an address. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function consoleLogger(minimum: 'info' | 'warn' | 'error' = 'info'): Logger {
  const levels = ['info', 'warn', 'error'] as const;
  const write = (level: (typeof levels)[number]) => (message: string, fields?: Record<string, unknown>) => {
    if (levels.indexOf(level) < levels.indexOf(minimum)) return;
    const line = JSON.stringify({ level, time: new Date().toISOString(), message, ...fields });
    if (level === 'info') console.log(line);
    else console.error(line);
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

/** For tests and tools that want silence but still see what was logged. */
export function memoryLogger(): Logger & { lines: { level: string; message: string; fields?: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push({ level, message, ...(fields ? { fields } : {}) });
  return { lines, info: write('info'), warn: write('warn'), error: write('error') };
}
