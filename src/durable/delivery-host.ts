/** What Durable Objects that deliver notifications hand their pure logic: the Worker's fetch, email bindings, clock, randomness and logger. */
import type { DeliveryHost } from '../group/shard.js';
import type { NotifyContext } from '../notify/integration.js';
import { workerEmailIO } from '../notify/email/worker-email-io.js';
import { createLogger, logLevelVar } from '../observability/log.js';
import { externalUrl } from './runtime-config.js';

export function workerDeliveryHost(env: Env, notify: Partial<NotifyContext> = {}): DeliveryHost {
  return {
    clock: () => Date.now(),
    notify: { http: (url, init) => fetch(url, init), externalURL: externalUrl(env), email: workerEmailIO(env), ...notify },
    random: Math.random,
    log: createLogger({ level: logLevelVar(env) }),
  };
}
