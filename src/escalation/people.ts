/** How the desk reaches a person: their contact methods' receiver, then the receivers they listed. */
import type { OnCallConfig } from '../config/oncall-types.js';

export function personReceivers(oncall: OnCallConfig, name: string): string[] {
  const person = oncall.people.get(name);
  if (!person) return [];
  return [...(person.contactReceiver ? [person.contactReceiver] : []), ...person.receivers];
}
