/**
 * Shared by the email tests: configs loaded through the real loader,
 * notifications built the way a flush builds them, and an EmailIO that
 * talks to real sockets in Node with a fixed clock and randomness.
 */
import { normalizeAlert } from '../../../alert/postable.js';
import type { Alert } from '../../../alert/types.js';
import { loadConfig, type Config } from '../../../config/index.js';
import type { EmailIntegration } from '../../../config/types.js';
import { snapshotAlerts, type Notification } from '../../notification.js';
import type { NotifyContext } from '../../integration.js';
import type { EmailIO, SendWithBinding } from '../email-io.js';
import { nodeSmtpConnect, type NodeSmtpOptions } from '../node-socket.js';

/** Flush time of the fixtures: 2026-01-02T03:04:05Z. */
export const FLUSH_AT = Date.UTC(2026, 0, 2, 3, 4, 5);

/** Loads a config or throws with its errors. */
export function configOf(yaml: string, env: Readonly<Record<string, unknown>> = {}): Config {
  const loaded = loadConfig(yaml, env);
  if (!loaded.ok) throw new Error(loaded.error.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return loaded.value;
}

/** The receiver's email integration at `index`. */
export function emailIntegration(config: Config, receiver: string, index = 0): EmailIntegration {
  const integration = config.receivers.get(receiver)?.integrations[index];
  if (integration?.type !== 'email') throw new Error(`receiver ${receiver} has no email integration #${index}`);
  return integration;
}

export interface FixtureAlert {
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly generatorURL?: string;
  /** Resolved a minute before the flush; firing otherwise. */
  readonly resolved?: boolean;
}

/** A notification of `alerts` for `receiver`, grouped by `groupLabels`, as a flush at FLUSH_AT sees it. */
export function notificationOf(receiver: string, groupLabels: Readonly<Record<string, string>>, alerts: readonly FixtureAlert[]): Notification {
  const ingested = alerts.map((a): Alert => {
    const result = normalizeAlert(
      {
        labels: { ...a.labels },
        annotations: { ...a.annotations },
        startsAt: new Date(FLUSH_AT - 3_600_000).toISOString(),
        endsAt: new Date(a.resolved ? FLUSH_AT - 60_000 : FLUSH_AT + 3_600_000).toISOString(),
        ...(a.generatorURL ? { generatorURL: a.generatorURL } : {}),
      },
      { now: FLUSH_AT - 1000, resolveTimeout: 300_000 },
    );
    if (!result.ok) throw new Error(result.error);
    return result.value;
  });
  return { receiver, groupKey: `{}:${JSON.stringify(groupLabels)}`, groupLabels: { ...groupLabels }, alerts: snapshotAlerts(ingested, FLUSH_AT) };
}

/** Counting bytes, so two messages built by one IO differ as they would in time. */
function counterBytes(): (length: number) => Uint8Array {
  let next = 0;
  return (length) => Uint8Array.from({ length }, () => next++ & 0xff);
}

const noBinding: SendWithBinding = async () => {
  throw new Error('no send_email binding in this test');
};

/** An EmailIO over Node sockets (trusting `ca`), with a fixed clock. */
export function nodeEmailIO(options: NodeSmtpOptions & { sendWithBinding?: SendWithBinding; smtpTimeoutMs?: number } = {}): EmailIO {
  return {
    connect: nodeSmtpConnect(options),
    sendWithBinding: options.sendWithBinding ?? noBinding,
    now: () => FLUSH_AT,
    randomBytes: counterBytes(),
    ...(options.smtpTimeoutMs === undefined ? {} : { smtpTimeoutMs: options.smtpTimeoutMs }),
  };
}

/** A NotifyContext with no HTTP and this email IO. */
export function emailContext(email: EmailIO | undefined, externalURL = 'http://am.example:9093'): NotifyContext {
  return {
    http: async () => {
      throw new Error('no HTTP in email tests');
    },
    externalURL,
    ...(email ? { email } : {}),
  };
}
