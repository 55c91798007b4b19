/**
 * The class of a Worker request for `edgealert_worker_requests_total`: what
 * kind of caller pays for it (Prometheus pushing, an upstream Alertmanager,
 * a scraper, a person), in a handful of values, whatever routes are added.
 */

export const ROUTE_CLASSES = ['alerts', 'webhook', 'heartbeat', 'metrics', 'health', 'read', 'write', 'unmatched', 'cron'] as const;
export type RouteClass = (typeof ROUTE_CLASSES)[number];

/**
 * The class of a request by its route pattern (as `routePattern()` gives
 * it: `unmatched` when no handler matched) and method. `cron` is not a
 * route: the scheduled handler counts itself.
 */
export function routeClass(pattern: string, method: string): RouteClass {
  if (pattern === 'unmatched') return 'unmatched';
  if (pattern === '/metrics') return 'metrics';
  if (pattern.startsWith('/-/')) return 'health';
  const reads = method === 'GET' || method === 'HEAD';
  if (!reads && pattern === '/api/v2/alerts') return 'alerts';
  if (!reads && pattern.startsWith('/webhook/')) return 'webhook';
  if (!reads && pattern.startsWith('/api/v1/heartbeats/')) return 'heartbeat';
  return reads ? 'read' : 'write';
}
