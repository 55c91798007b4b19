/**
 * The data the engine's reference outputs were captured with: two firing
 * alerts pushed to the real Alertmanager 0.25, rendered through a Slack
 * receiver named "r". Built with edgealert's own template.Data builder and
 * Alertmanager's function map (src/template/alertmanager/), so the engine
 * tests run on exactly what notifications run on.
 */
import { templateData, type Data } from '../alertmanager/data.js';
import { alertmanagerFunctions } from '../alertmanager/functions.js';
import type { NotifyAlert } from '../../notify/notification.js';

const STARTS_AT = Date.UTC(2023, 0, 2, 3, 4, 5);

const firing = (labels: Record<string, string>, generatorURL: string, fingerprint: string): NotifyAlert => ({
  status: 'firing',
  labels,
  annotations: { summary: 'disk full' },
  startsAt: STARTS_AT,
  endsAt: null,
  generatorURL,
  fingerprint,
  updatedAt: STARTS_AT,
});

/** The two firing alerts of the reference runs, grouped by alertname. */
export function referenceData(): Data {
  return templateData(
    {
      receiver: 'r',
      groupKey: '{}:{alertname="A"}',
      groupLabels: { alertname: 'A' },
      alerts: [
        firing({ alertname: 'A', severity: 'critical', instance: 'h1' }, 'http://prom/graph', '8ab28391aca212f1'),
        firing({ alertname: 'A', severity: 'warning', instance: 'h2' }, '', 'd272dda83c15ef35'),
      ],
    },
    { externalURL: 'http://am.example' },
  );
}

/** Alertmanager's function map (template.DefaultFuncs) on a fixed clock. */
export const alertmanagerFuncs = alertmanagerFunctions({ now: () => STARTS_AT });
