/**
 * A person's `email` and `slack` become a synthetic receiver, `person:NAME`,
 * added after the written receivers, so the rest of the pipeline notifies a
 * person with the ordinary integrations: an email config `{to: EMAIL}` on
 * the global SMTP settings and a Slack config `{channel: MEMBER_ID}` (a
 * direct message) through global.slack_api_url, both with send_resolved.
 * They are built by receivers.ts from entries written as a user would write
 * them, so defaults and templates are those of any receiver.
 *
 * Their checks: the global settings they fall back on must exist
 * (global.smtp_smarthost and smtp_from; global.slack_api_url, and as a
 * `${NAME}` reference); the email checks every email config gets run on
 * theirs too, with errors about the synthetic entry shown at
 * `people.NAME.email`.
 */
import { configError, formatPath, type ConfigError } from './config-error.js';
import type { RawConfig } from './config-schema.js';
import { checkEmailConfigs } from './email-integrations.js';
import { literalMessage } from './integration-checks.js';
import type { RawPeople } from './oncall-schema.js';
import { PERSON_RECEIVER_PREFIX } from './oncall-types.js';
import type { RawReceiver } from './receiver-schema.js';
import { hasSecretReference } from './secrets.js';
import { isRecord, scalarText } from './yaml-tree.js';

/** `person:alice`. */
export function contactReceiverName(person: string): string {
  return `${PERSON_RECEIVER_PREFIX}${person}`;
}

/** The synthetic receivers of everyone with an email or a Slack id, in the order of `people:`. */
export function contactReceivers(people: RawPeople | undefined): RawReceiver[] {
  return Object.entries(people ?? {}).flatMap(([name, person]): RawReceiver[] => {
    if (person.email === undefined && person.slack === undefined) return [];
    return [
      {
        name: contactReceiverName(name),
        ...(person.email === undefined ? {} : { email_configs: [{ to: person.email, send_resolved: true }] }),
        ...(person.slack === undefined ? {} : { slack_configs: [{ channel: person.slack, send_resolved: true }] }),
      },
    ];
  });
}

/**
 * The email checks of the written receivers and of people's email together
 * (a problem with a global SMTP setting is reported once), and what
 * people's contact methods need from `global:`. `written` is the config tree
 * before `${NAME}` references were resolved; `env` the Worker's bindings.
 */
export function checkEmailsAndContacts(raw: RawConfig, written: unknown, env: Readonly<Record<string, unknown>>): ConfigError[] {
  const global = raw.global;
  const people = Object.entries(raw.people ?? {});
  const missingSmtp = (['smtp_smarthost', 'smtp_from'] as const).filter((field) => !global?.[field]).map((field) => `global.${field}`);
  const errors: ConfigError[] = [];
  for (const [name, person] of people) {
    if (person.email !== undefined && missingSmtp.length > 0) {
      errors.push(configError(['people', name, 'email'], `a person's email is sent with the global SMTP settings: set ${missingSmtp.join(' and ')}`));
    }
    if (person.slack !== undefined && !global?.slack_api_url) {
      errors.push(configError(['people', name, 'slack'], "a person's Slack message is sent through global.slack_api_url: set it (a ${NAME} reference)"));
    }
  }
  const globalUrl = isRecord(written) && isRecord(written.global) ? scalarText(written.global.slack_api_url) : undefined;
  if (globalUrl && !hasSecretReference(globalUrl) && people.some(([, person]) => person.slack !== undefined)) {
    errors.push(configError(['global', 'slack_api_url'], literalMessage('slack_api_url', 'SLACK_API_URL')));
  }
  const receivers = raw.receivers ?? [];
  const emailed = missingSmtp.length > 0 ? [] : contactReceivers(raw.people).filter((r) => r.email_configs !== undefined);
  const emailErrors = checkEmailConfigs([...receivers, ...emailed], global, written, env).map((error) => {
    const index = Number(/^receivers\[(\d+)\]/.exec(error.path)?.[1] ?? -1);
    const person = emailed[index - receivers.length]?.name.slice(PERSON_RECEIVER_PREFIX.length);
    return person === undefined ? error : { path: formatPath(['people', person, 'email']), message: error.message };
  });
  return [...errors, ...emailErrors];
}
