import { describe, expect, it } from 'vitest';
import { createLogger, parseLogLevel } from './log.js';
import { formatTraceparent, newSpan, parseTraceparent } from './trace-context.js';

function capture(level?: string) {
  const lines: string[] = [];
  const log = createLogger({ level, write: (l) => lines.push(l), clock: () => 0, trace: { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16) } });
  return { log, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('logger', () => {
  it('writes one JSON line per event with ts, level, event, service and the trace ids', () => {
    const { log, lines } = capture();
    log.info('http_request', { method: 'GET', status: 200 });
    expect(lines).toEqual([
      JSON.stringify({ method: 'GET', status: 200, ts: '1970-01-01T00:00:00.000Z', level: 'info', event: 'http_request', service: 'edgealert', trace_id: 'a'.repeat(32), span_id: 'b'.repeat(16) }),
    ]);
  });

  it('does not let fields overwrite the envelope', () => {
    const { log, parsed } = capture();
    log.warn('x', { level: 'debug', service: 'other', event: 'y' });
    expect(parsed()[0]).toMatchObject({ level: 'warn', service: 'edgealert', event: 'x' });
  });

  it.each([
    [undefined, ['info', 'warn', 'error']],
    ['debug', ['debug', 'info', 'warn', 'error']],
    ['WARN', ['warn', 'error']],
    ['error', ['error']],
    ['verbose', ['info', 'warn', 'error']],
  ])('with LOG_LEVEL=%s writes %j', (level, expected) => {
    const { log, parsed } = capture(level);
    log.debug('e');
    log.info('e');
    log.warn('e');
    log.error('e');
    expect(parsed().map((l) => l.level)).toEqual(expected);
  });

  it('defaults to info', () => {
    expect(parseLogLevel(undefined)).toBe('info');
  });
});

describe('trace context', () => {
  it('keeps the trace id of a valid traceparent', () => {
    expect(parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toEqual({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' });
  });

  it.each([['garbage'], [''], ['00-00000000000000000000000000000000-00f067aa0ba902b7-01'], ['ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01']])('rejects %j', (header) => {
    expect(parseTraceparent(header)).toBeUndefined();
  });

  it('makes a new span of the same trace, or a new trace', () => {
    const span = newSpan('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(span.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(formatTraceparent(span)).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    expect(newSpan().traceId).toMatch(/^[0-9a-f]{32}$/);
  });
});
