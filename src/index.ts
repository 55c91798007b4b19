/** The Worker: the HTTP app and the Durable Object classes it binds. Nothing else lives here. */
import { createApp } from './api/app.js';

export { Dispatcher } from './durable/dispatcher.js';
export { Silences } from './durable/silences.js';
export { Metrics } from './durable/metrics.js';

export default createApp();
