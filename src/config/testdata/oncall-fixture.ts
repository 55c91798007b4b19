/** The shared setting of the on-call config tests: global settings people need, receivers, a root route. */
import { loadConfig } from '../load.js';

export const SLACK_URL = 'https://hooks.slack.com/services/T0/B0/secret';
export const ENV = { SLACK_API_URL: SLACK_URL };
export const GLOBAL = `global:
  smtp_smarthost: 'mail.example.com:587'
  smtp_from: alerts@example.com
  slack_api_url: \${SLACK_API_URL}
`;
export const RECEIVERS = `receivers:
  - name: slack-sre
  - name: pagerduty-primary
  - name: bob-phone
  - name: email-managers
`;
export const ROUTE = 'route: {receiver: slack-sre}\n';

/** `path: message` for each error of loading `route` + `receivers` + `extra` under `global`. */
export function errors(extra: string, global = GLOBAL): string[] {
  const loaded = loadConfig(`${global}${ROUTE}${RECEIVERS}${extra}`, ENV);
  return loaded.ok ? [] : loaded.error.map((e) => `${e.path}: ${e.message}`);
}
