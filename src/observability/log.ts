/**
 * Structured logs: one JSON line per event,
 * `{"ts","level","event","service":"edgealert","trace_id","span_id",...}`.
 *
 * Fields are names, keys, counts and outcomes only (group keys, receiver and
 * integration names, fingerprints, status codes, reasons): never a receiver
 * URL, a header, a token or an error message that could quote one. Callers
 * pass typed scalar fields; nothing is logged that the caller did not name.
 */

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogValue = string | number | boolean | undefined;
export type LogFields = Readonly<Record<string, LogValue>>;

/** The ids that tie a log line to a trace (W3C trace context, lowercase hex). */
export interface TraceIds {
  readonly traceId: string;
  readonly spanId: string;
}

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** The same logger for another span (or trace). */
  withTrace(trace: TraceIds): Logger;
}

export interface LoggerOptions {
  /** The lowest level written: the LOG_LEVEL var; unknown or missing means "info". */
  readonly level?: string | undefined;
  readonly trace?: TraceIds;
  /** Where lines go (defaults to console.log, which Workers Logs collects). */
  readonly write?: (line: string) => void;
  readonly clock?: () => number;
}

/** The level of a LOG_LEVEL value ("info" unless it names a level). */
export function parseLogLevel(value: unknown): LogLevel {
  return LOG_LEVELS.find((level) => level === (typeof value === 'string' ? value.toLowerCase() : '')) ?? 'info';
}

/** A logger writing one JSON line per event at or above its level. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const min = LOG_LEVELS.indexOf(parseLogLevel(options.level));
  const write = options.write ?? ((line: string) => console.log(line));
  const clock = options.clock ?? Date.now;
  const emit = (level: LogLevel) => (event: string, fields: LogFields = {}) => {
    if (LOG_LEVELS.indexOf(level) < min) return;
    const trace = options.trace ? { trace_id: options.trace.traceId, span_id: options.trace.spanId } : {};
    write(JSON.stringify({ ...fields, ts: new Date(clock()).toISOString(), level, event, service: 'edgealert', ...trace }));
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    withTrace: (trace) => createLogger({ ...options, trace }),
  };
}

/** The LOG_LEVEL var of a Worker's bindings, if set. */
export function logLevelVar(bindings: object | undefined): string | undefined {
  const value = (bindings as Readonly<Record<string, unknown>> | undefined)?.LOG_LEVEL;
  return typeof value === 'string' ? value : undefined;
}
