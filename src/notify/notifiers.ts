/** Builds the notifiers of a receiver, one per configured integration, in config order. */
import type { Receiver } from '../config/types.js';
import type { Notifier } from './integration.js';
import { webhookNotifier } from './webhook/webhook-notifier.js';

export function notifiersFor(receiver: Receiver): Notifier[] {
  return receiver.integrations.map((integration) => {
    switch (integration.type) {
      case 'webhook':
        return webhookNotifier(integration);
    }
  });
}
