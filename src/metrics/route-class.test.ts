import { describe, expect, it } from 'vitest';
import { routeClass } from './route-class.js';

describe('routeClass', () => {
  it.each([
    ['/api/v2/alerts', 'POST', 'alerts', "Prometheus' pushes"],
    ['/api/v2/alerts', 'GET', 'read', 'reading alerts is not a push'],
    ['/webhook/alertmanager/:receiver?', 'POST', 'webhook', 'an upstream Alertmanager'],
    ['/api/v1/heartbeats/:name', 'POST', 'heartbeat', 'a cron job pinging its heartbeat'],
    ['/api/v1/heartbeats', 'GET', 'read', 'the heartbeat listing'],
    ['/metrics', 'GET', 'metrics', 'a scrape'],
    ['/-/healthy', 'HEAD', 'health', 'a load balancer probe'],
    ['/api/v2/silences', 'POST', 'write', 'a person or amtool changing state'],
    ['/api/v2/silence/:id', 'DELETE', 'write', 'expiring a silence'],
    ['/api/v2/status', 'GET', 'read', 'amtool and the UI reading'],
    ['unmatched', 'GET', 'unmatched', 'a 404 for any path: scanners'],
  ])('%s %s is %s (%s)', (pattern, method, expected) => {
    expect(routeClass(pattern, method)).toBe(expected);
  });
});
