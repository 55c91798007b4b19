/**
 * Every rule of `people:`, `schedules:`, `escalation_policies:` and
 * `escalation:` references, with the path and message it reports (the
 * loaded shapes are in oncall-config.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load.js';
import { errors, RECEIVERS, ROUTE } from './testdata/oncall-fixture.js';

const RESTRICTED = (restrictions: string) =>
  `people: {alice: {email: alice@example.com}}\nschedules: [{name: s, rotations: [{participants: [alice], length: 1w, start: 2026-01-05T09:00, restrictions: ${restrictions}}]}]`;
const SCHEDULE = (fields: string, rotation = 'participants: [alice], length: 1w, start: 2026-01-05T09:00') =>
  `people: {alice: {email: alice@example.com}}\nschedules: [{name: s, ${fields}rotations: [{${rotation}}]}]`;
const POLICY = (fields: string) => `escalation_policies: [{name: p, ${fields}}]`;
const NO_POLICY = (name: string, where: string) => `undefined escalation policy "${name}" used in ${where} (define it in escalation_policies, or write none)`;

type Row = [why: string, extra: string, want: string[]];

const peopleRules: Row[] = [
  ['names go into URLs and targets', `people: {'a b': {email: a@example.com}}`, ['people.a b: person name "a b" may only contain letters, digits, "_", "." and "-"']],
  ['a person needs a contact method', `people: {alice: {}}`, ['people.alice: a person needs at least one contact method: email, slack or receivers']],
  ['an empty receivers list is no contact method', `people: {alice: {receivers: []}}`, ['people.alice: a person needs at least one contact method: email, slack or receivers']],
  [
    'email is one bare address',
    `people: {alice: {email: 'Alice <alice@example.com>'}}`,
    ['people.alice.email: invalid email address "Alice <alice@example.com>": write one bare address, such as alice@example.com'],
  ],
  ['email is no list', `people: {alice: {email: 'a@example.com, b@example.com'}}`, [expect.stringMatching(/^people\.alice\.email: invalid email address/)]],
  ['email is no template', `people: {alice: {email: '{{ .x }}@example.com'}}`, [expect.stringMatching(/^people\.alice\.email: invalid email address/)]],
  ['email is an address', `people: {alice: {email: alice}}`, [expect.stringMatching(/^people\.alice\.email: invalid email address "alice"/)]],
  ['slack is a member id', `people: {alice: {slack: '@alice'}}`, [`people.alice.slack: "@alice" is not a Slack member id (like U012AB3CD: in Slack, the person's profile, "Copy member ID")`]],
  ['slack ids are upper case', `people: {alice: {slack: u012ab3cd}}`, [expect.stringMatching(/^people\.alice\.slack: "u012ab3cd" is not a Slack member id/)]],
  ['receivers exist', `people: {alice: {receivers: [bob-phone, nope]}}`, ['people.alice.receivers[1]: undefined receiver "nope" used in person']],
  ['fields are strict', `people: {alice: {email: a@example.com, phone: '123'}}`, ['people.alice.phone: unknown field "phone"']],
  ['with a hint', `people: {alice: {emial: a@example.com}}`, ['people.alice.emial: unknown field "emial"; did you mean "email"?']],
  ['people is a mapping', `people: [alice]`, ['people: expected a mapping of person names to contact methods, got a list']],
];

const contactRules: [why: string, extra: string, global: string, want: string[]][] = [
  [
    'email needs the global SMTP smarthost and from',
    `people: {alice: {email: a@example.com}}`,
    '',
    ["people.alice.email: a person's email is sent with the global SMTP settings: set global.smtp_smarthost and global.smtp_from"],
  ],
  [
    'naming only what is missing',
    `people: {alice: {email: a@example.com}}`,
    "global: {smtp_smarthost: 'mail.example.com:587'}\n",
    ["people.alice.email: a person's email is sent with the global SMTP settings: set global.smtp_from"],
  ],
  ['slack needs global.slack_api_url', `people: {alice: {slack: U012AB3CD}}`, '', ["people.alice.slack: a person's Slack message is sent through global.slack_api_url: set it (a ${NAME} reference)"]],
  [
    'global.slack_api_url is a credential',
    `people: {alice: {slack: U012AB3CD}}`,
    "global: {slack_api_url: 'https://hooks.slack.com/x'}\n",
    [expect.stringMatching(/^global\.slack_api_url: a credential must not be written in the config/)],
  ],
  [
    'the email checks of every email config apply, once',
    `people: {alice: {email: a@example.com}, bob: {email: b@example.com}}`,
    "global: {smtp_smarthost: 'mail.example.com:25', smtp_from: alerts@example.com}\n",
    [expect.stringMatching(/^global\.smtp_smarthost: port 25 is blocked/)],
  ],
  [
    'a global from that is no address',
    `people: {alice: {email: a@example.com}}`,
    "global: {smtp_smarthost: 'mail.example.com:587', smtp_from: alerts}\n",
    [expect.stringMatching(/^global\.smtp_from: parse 'from' addresses: /)],
  ],
];

const scheduleRules: Row[] = [
  [
    'names are unique',
    SCHEDULE('').replace('}]}]', '}]}, {name: s, rotations: [{participants: [alice], length: 1d, start: 2026-01-05T09:00}]}]'),
    ['schedules[1].name: schedule name "s" is not unique (also at schedules[0])'],
  ],
  ['names go into URLs', SCHEDULE('').replace('name: s', "name: 's/1'"), ['schedules[0].name: schedule name "s/1" may only contain letters, digits, "_", "." and "-"']],
  ['a name is required', SCHEDULE('').replace('name: s, ', ''), ['schedules[0].name: missing name in schedule']],
  ['time_zone is an IANA zone', SCHEDULE('time_zone: Mars/Olympus, '), ['schedules[0].time_zone: unknown time zone "Mars/Olympus"']],
  ['time_zone is case-sensitive', SCHEDULE('time_zone: europe/berlin, '), ['schedules[0].time_zone: unknown time zone "europe/berlin" (zone names are case-sensitive, did you mean "Europe/Berlin"?)']],
  ['handoff_notices is a boolean', SCHEDULE('handoff_notices: "yes", '), ['schedules[0].handoff_notices: expected true or false, got a string']],
  ['a schedule needs rotations', `people: {alice: {email: a@example.com}}\nschedules: [{name: s, rotations: []}]`, ['schedules[0].rotations: a schedule needs at least one rotation']],
  ['a rotation needs participants', SCHEDULE('', 'participants: [], length: 1w, start: 2026-01-05T09:00'), ['schedules[0].rotations[0].participants: a rotation needs at least one participant']],
  ['participants are people', SCHEDULE('', 'participants: [alice, carol], length: 1w, start: 2026-01-05T09:00'), ['schedules[0].rotations[0].participants[1]: unknown person "carol" (not in people)']],
  ['length at least 1h', SCHEDULE('', 'participants: [alice], length: 30m, start: 2026-01-05T09:00'), ['schedules[0].rotations[0].length: length must be from 1h to 52w, got 30m']],
  ['length at most 52w', SCHEDULE('', 'participants: [alice], length: 53w, start: 2026-01-05T09:00'), ['schedules[0].rotations[0].length: length must be from 1h to 52w, got 53w']],
  ['length is a duration', SCHEDULE('', 'participants: [alice], length: 1 week, start: 2026-01-05T09:00'), ['schedules[0].rotations[0].length: not a valid duration string: "1 week"']],
  ['a length is required', SCHEDULE('', 'participants: [alice], start: 2026-01-05T09:00'), ['schedules[0].rotations[0].length: missing required field']],
  [
    'start is a date and a time',
    SCHEDULE('', 'participants: [alice], length: 1w, start: 2026-01-05'),
    [`schedules[0].rotations[0].start: invalid start "2026-01-05": expected YYYY-MM-DDTHH:MM, a wall-clock time in the schedule's time_zone`],
  ],
  ['start has no seconds or offset', SCHEDULE('', 'participants: [alice], length: 1w, start: 2026-01-05T09:00:00Z'), [expect.stringMatching(/^schedules\[0\]\.rotations\[0\]\.start: invalid start "2026-01-05T09:00:00Z": expected/)]],
  ['start is a real date', SCHEDULE('', 'participants: [alice], length: 1w, start: 2026-02-29T09:00'), ['schedules[0].rotations[0].start: invalid start "2026-02-29T09:00": no such date and time']],
  ['start is a real time', SCHEDULE('', 'participants: [alice], length: 1w, start: 2026-01-05T24:00'), ['schedules[0].rotations[0].start: invalid start "2026-01-05T24:00": no such date and time']],
  ['rotation names are unique in a schedule', SCHEDULE('', 'name: a, participants: [alice], length: 1w, start: 2026-01-05T09:00}, {name: a, participants: [alice], length: 1d, start: 2026-01-05T09:00'), ['schedules[0].rotations[1].name: rotation name "a" is not unique (also at schedules[0].rotations[0])']],
  ['also against the default names', SCHEDULE('', 'participants: [alice], length: 1w, start: 2026-01-05T09:00}, {name: rotation-1, participants: [alice], length: 1d, start: 2026-01-05T09:00'), ['schedules[0].rotations[1].name: rotation name "rotation-1" is not unique (also at schedules[0].rotations[0])']],
  ['schedule fields are strict, with a hint', SCHEDULE('timezone: UTC, '), ['schedules[0].timezone: unknown field "timezone"; did you mean "time_zone"?']],
  ['rotation fields are strict', SCHEDULE('', 'participants: [alice], length: 1w, start: 2026-01-05T09:00, handoff: 9'), ['schedules[0].rotations[0].handoff: unknown field "handoff"']],
  ['restrictions use time_intervals syntax', RESTRICTED(`[{weekdays: ['monday:funday']}]`), [expect.stringMatching(/^schedules\[0\]\.rotations\[0\]\.restrictions\[0\]\.weekdays\[0\]: ./)]],
  ['restriction fields are strict, with a hint', RESTRICTED('[{weekday: [monday]}]'), ['schedules[0].rotations[0].restrictions[0].weekday: unknown field "weekday"; did you mean "weekdays"?']],
  ['restriction times have both ends', RESTRICTED(`[{times: [{start_time: '09:00'}]}]`), ['schedules[0].rotations[0].restrictions[0].times[0].end_time: both start_time and end_time must be provided']],
  ['a restriction location is a time zone', RESTRICTED('[{location: Nowhere/Land}]'), ['schedules[0].rotations[0].restrictions[0].location: unknown time zone "Nowhere/Land"']],
  [
    'an empty restrictions list would never be on call',
    RESTRICTED('[]'),
    ['schedules[0].rotations[0].restrictions: an empty restrictions list leaves the rotation never on call: leave restrictions out to cover all times'],
  ],
  ['schedules is a list', `schedules: {name: s}`, ['schedules: expected a list of schedules, got a mapping']],
];

const STEP = 'steps: [{notify: [slack-sre]}]';
const policyRules: Row[] = [
  ['names are unique', `escalation_policies: [{name: p, ${STEP}}, {name: p, ${STEP}}]`, ['escalation_policies[1].name: escalation policy name "p" is not unique (also at escalation_policies[0])']],
  ['none is reserved', `escalation_policies: [{name: none, ${STEP}}]`, ['escalation_policies[0].name: the name "none" is reserved: `escalation: none` turns escalation off']],
  ['names go into URLs', `escalation_policies: [{name: 'a b', ${STEP}}]`, ['escalation_policies[0].name: escalation policy name "a b" may only contain letters, digits, "_", "." and "-"']],
  ['a policy needs steps', POLICY('steps: []'), ['escalation_policies[0].steps: a policy needs at least one step']],
  ['a step needs targets', POLICY('steps: [{after: 5m, notify: []}]'), ['escalation_policies[0].steps[0].notify: a step needs at least one target to notify']],
  ['a step needs notify', POLICY('steps: [{after: 5m}]'), ['escalation_policies[0].steps[0].notify: missing required field']],
  [
    'a receiver target exists',
    POLICY('steps: [{notify: [slack-sre, nope]}]'),
    ['escalation_policies[0].steps[0].notify[1]: unknown receiver "nope": a target is a receiver name, person:NAME or schedule:NAME'],
  ],
  ['a person target exists', POLICY('steps: [{notify: [person:zoe]}]'), ['escalation_policies[0].steps[0].notify[0]: unknown person "zoe" (not in people)']],
  ['a schedule target exists', POLICY('steps: [{notify: [schedule:ops]}]'), ['escalation_policies[0].steps[0].notify[0]: unknown schedule "ops" (not in schedules)']],
  ['person: needs a name', POLICY(`steps: [{notify: ['person:']}]`), ['escalation_policies[0].steps[0].notify[0]: person: needs a name: person:NAME']],
  [
    'after is strictly increasing',
    POLICY('steps: [{notify: [slack-sre]}, {after: 15m, notify: [slack-sre]}, {after: 5m, notify: [slack-sre]}]'),
    ["escalation_policies[0].steps[2].after: step 3 is out of order: its after (5m) must be later than step 2's (15m); steps run in order of after"],
  ],
  [
    'two steps at once are out of order too',
    POLICY('steps: [{notify: [slack-sre]}, {notify: [bob-phone]}]'),
    ["escalation_policies[0].steps[1]: step 2 is out of order: its after (0s) must be later than step 1's (0s); steps run in order of after"],
  ],
  [
    'compared with the latest step before',
    POLICY('steps: [{after: 10m, notify: [slack-sre]}, {after: 5m, notify: [slack-sre]}, {after: 7m, notify: [slack-sre]}]'),
    [
      "escalation_policies[0].steps[1].after: step 2 is out of order: its after (5m) must be later than step 1's (10m); steps run in order of after",
      "escalation_policies[0].steps[2].after: step 3 is out of order: its after (7m) must be later than step 1's (10m); steps run in order of after",
    ],
  ],
  ['repeat is an integer', POLICY(`repeat: 1.5, ${STEP}`), ['escalation_policies[0].repeat: repeat must be an integer from 0 to 100']],
  ['repeat at most 100', POLICY(`repeat: 101, ${STEP}`), ['escalation_policies[0].repeat: repeat must be an integer from 0 to 100']],
  ['repeat not negative', POLICY(`repeat: -1, ${STEP}`), ['escalation_policies[0].repeat: repeat must be an integer from 0 to 100']],
  ['repeat is a number', POLICY(`repeat: twice, ${STEP}`), ['escalation_policies[0].repeat: expected an integer from 0 to 100, got a string']],
  [
    'repeat_after is after the last step',
    POLICY('repeat: 1, repeat_after: 10m, steps: [{notify: [slack-sre]}, {after: 10m, notify: [bob-phone]}]'),
    ['escalation_policies[0].repeat_after: step 2 is unreachable: its after (10m) is not before repeat_after (10m), when the next pass starts'],
  ],
  ['reescalate_on_new_alerts is a boolean', POLICY(`reescalate_on_new_alerts: 1, ${STEP}`), ['escalation_policies[0].reescalate_on_new_alerts: expected true or false, got a number']],
  ['policy fields are strict, with a hint', POLICY(`repeats: 1, ${STEP}`), ['escalation_policies[0].repeats: unknown field "repeats"; did you mean "repeat"?']],
  ['step fields are strict, with a hint', POLICY('steps: [{notfy: [slack-sre], notify: [slack-sre]}]'), ['escalation_policies[0].steps[0].notfy: unknown field "notfy"; did you mean "notify"?']],
];

const referenceRules: Row[] = [
  ['a heartbeat escalation names a policy', `heartbeats: [{name: hb, timeout: 1m, receiver: slack-sre, escalation: nope}]`, [`heartbeats[0].escalation: ${NO_POLICY('nope', 'heartbeat')}`]],
  [
    'a heartbeat escalates only through its own route',
    `${POLICY(STEP)}\nheartbeats: [{name: hb, timeout: 1m, escalation: p}]`,
    ["heartbeats[0].escalation: escalation needs receiver: it applies to the heartbeat's own route (without receiver, the alert is routed by the tree and its routes' escalation applies)"],
  ],
  ['heartbeat and route may say none', `heartbeats: [{name: hb, timeout: 1m, receiver: slack-sre, escalation: none}]`, []],
];

describe.each([
  ['people', peopleRules],
  ['schedules', scheduleRules],
  ['escalation policies', policyRules],
  ['escalation references', referenceRules],
])('%s', (_group, rows) => {
  it.each(rows)('%s', (_why, extra, want) => {
    expect(errors(extra)).toEqual(want);
  });
});

describe("people's contact methods and the global settings", () => {
  it.each(contactRules)('%s', (_why, extra, global, want) => {
    expect(errors(extra, global)).toEqual(want);
  });
});

describe('rules that need their own route or receivers', () => {
  it('refuses a written receiver named person:...', () => {
    const loaded = loadConfig(`route: {receiver: a}\nreceivers: [{name: a}, {name: 'person:alice'}]`, {});
    expect(loaded.ok ? [] : loaded.error).toEqual([
      { path: 'receivers[1].name', message: 'receiver names starting with "person:" are reserved: person:NAME is built from people.NAME\'s email and slack' },
    ]);
  });

  it('reports an undefined route escalation at its node', () => {
    const loaded = loadConfig(`route: {receiver: a, escalation: none, routes: [{routes: [{escalation: nope}]}]}\nreceivers: [{name: a}]`, {});
    expect(loaded.ok ? [] : loaded.error).toEqual([{ path: 'route.routes[0].routes[0].escalation', message: NO_POLICY('nope', 'route') }]);
  });

  it('refuses a repeated person (YAML keys are unique)', () => {
    const loaded = loadConfig(`${ROUTE}${RECEIVERS}people:\n  alice: {receivers: [bob-phone]}\n  alice: {receivers: [bob-phone]}\n`, {});
    expect(loaded.ok ? [] : loaded.error.map((e) => e.message)).toEqual([expect.stringMatching(/^line 9:3: Map keys must be unique/)]);
  });
});
