/**
 * Trace context and a log line per request: takes the incoming `traceparent`
 * (or starts a trace), gives handlers `c.var.trace` (this request's span) and
 * `c.var.log` (a logger carrying its ids), then logs method, route pattern,
 * status and duration once the request is answered. LOG_LEVEL sets the level.
 * Answered pushes (alerts, upstream webhooks, heartbeat pings) log at debug:
 * Prometheus pushes every few seconds, and a line each would cost a third of
 * ingest throughput and fill Workers Logs; everything else logs at info,
 * server errors at error.
 */
import type { MiddlewareHandler } from 'hono';
import { createLogger, logLevelVar, type Logger, type TraceIds } from '../observability/log.js';
import { newSpan, parseTraceparent } from '../observability/trace-context.js';
import { routeClass, type RouteClass } from '../metrics/route-class.js';
import { routePattern } from './http-metrics.js';

const isPush = (cls: RouteClass) => cls === 'alerts' || cls === 'webhook' || cls === 'heartbeat';

declare module 'hono' {
  interface ContextVariableMap {
    /** This request's span: the caller's trace id (or a new one) and a new span id. */
    trace: TraceIds;
    log: Logger;
  }
}

export interface RequestLogOptions {
  readonly clock?: () => number;
  readonly write?: (line: string) => void;
}

/** Sets `trace` and `log` for the handlers and logs `http_request` after them. */
export function requestLog(options: RequestLogOptions = {}): MiddlewareHandler<{ Bindings: Env }> {
  const clock = options.clock ?? Date.now;
  return async function requestLogMiddleware(c, next) {
    const startedAt = clock();
    const trace = newSpan(parseTraceparent(c.req.header('traceparent'))?.traceId);
    const log = createLogger({ level: logLevelVar(c.env), trace, clock, ...(options.write ? { write: options.write } : {}) });
    c.set('trace', trace);
    c.set('log', log);
    await next();
    const status = c.res.status;
    const fields = { method: c.req.method, route: routePattern(c), status, duration_ms: clock() - startedAt };
    if (status >= 500) log.error('http_request', fields);
    else if (status < 400 && isPush(routeClass(fields.route, fields.method))) log.debug('http_request', fields);
    else log.info('http_request', fields);
  };
}
