/** The Worker: its handlers (HTTP, cron) and the Durable Object classes it binds. Nothing else lives here. */
import { createWorker } from './api/worker.js';

export { Dispatcher } from './durable/dispatcher.js';
export { Silences } from './durable/silences.js';
export { Metrics } from './durable/metrics.js';
export { Heartbeats } from './durable/heartbeats.js';
export { OnCall } from './durable/oncall.js';

export default createWorker();
