/** Builds the notifiers of a receiver, one per configured integration, in config order. */
import type { Receiver } from '../config/types.js';
import type { TemplateSet } from '../template/index.js';
import { emailNotifier } from './email/email-notifier.js';
import type { Notifier } from './integration.js';
import { pagerdutyNotifier } from './pagerduty/pagerduty-notifier.js';
import { slackNotifier } from './slack/slack-notifier.js';
import { webhookNotifier } from './webhook/webhook-notifier.js';

export function notifiersFor(receiver: Receiver, templates: TemplateSet): Notifier[] {
  return receiver.integrations.map((integration) => {
    switch (integration.type) {
      case 'webhook':
        return webhookNotifier(integration);
      case 'email':
        return emailNotifier(integration, templates);
      case 'pagerduty':
        return pagerdutyNotifier(integration, templates);
      case 'slack':
        return slackNotifier(integration, templates);
    }
  });
}
