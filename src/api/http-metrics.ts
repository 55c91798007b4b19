/**
 * RED metrics of the HTTP API: requests by route pattern, method and status,
 * and their duration by route pattern and method; and each request once more
 * by route class, for the cost counters (every request is a billed Worker
 * request). The route is Hono's
 * pattern (`/api/v2/silence/:id`), never the raw path, so a scan of
 * random URLs cannot blow up the number of series.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { HTTP_REQUEST_DURATION } from '../metrics/families.js';
import { routeClass } from '../metrics/route-class.js';
import { count, countObservation } from './worker-counters.js';

export interface HttpMetricsOptions {
  /** The clock, in milliseconds (defaults to Date.now). */
  readonly clock?: () => number;
}

/** Counts every request once it has been answered (errors included, after onError). */
export function httpMetrics(options: HttpMetricsOptions = {}): MiddlewareHandler<{ Bindings: Env }> {
  const clock = options.clock ?? Date.now;
  return async function httpMetricsMiddleware(c, next) {
    const startedAt = clock();
    await next();
    const route = routePattern(c);
    const method = c.req.method;
    count(c, 'edgealert_http_requests_total', { route, method, status: String(c.res.status) });
    count(c, 'edgealert_worker_requests_total', { route_class: routeClass(route, method) });
    countObservation(c, HTTP_REQUEST_DURATION, { route, method }, (clock() - startedAt) / 1000);
  };
}

/**
 * The pattern of the handler the request matched (even when a middleware
 * answered first, e.g. a 401), or "unmatched" when only middleware matched.
 */
export function routePattern(c: Context): string {
  const known = patternOf.get(c);
  if (known !== undefined) return known;
  const handlers = matchedRoutes(c).filter((r) => !(r.method === 'ALL' && r.path.endsWith('*')));
  const pattern = handlers.at(-1)?.path ?? 'unmatched';
  patternOf.set(c, pattern);
  return pattern;
}

/** The pattern of each request once worked out: the metrics and the request log both ask for it. */
const patternOf = new WeakMap<Context, string>();
