import { describe, expect, it } from 'vitest';
import type { SlackMessageConfig } from '../../config/slack-config.js';
import type { IncidentRef } from '../notification.js';
import { runNotifier } from '../testdata/golden.js';
import { diskNotification, integrationOf, loadTeam } from '../testdata/notification.js';
import { incidentActionName, incidentActionValue, MAX_ATTACHMENT_ACTIONS, readIncidentAction } from './incident-actions.js';
import { encodeSlackMessage, slackMessage } from './payload.js';
import { slackNotifier } from './slack-notifier.js';
import { EMPTY_MESSAGE_CONFIG } from './testdata/empty-message-config.js';

const TRIGGERED: IncidentRef = {
  id: '42',
  status: 'triggered',
  policy: 'critical',
  url: 'https://alerts.example.com/incidents/42',
  ackUrl: 'https://alerts.example.com/ack/v1.abc.def',
};
const ACK_BUTTON = { type: 'button', text: 'Acknowledge', style: 'primary', name: 'edgealert_ack', value: 'ack:42' };
const LINK_BUTTON = { type: 'button', text: 'Acknowledge via link', url: TRIGGERED.ackUrl };

const CONFIG: SlackMessageConfig = { ...EMPTY_MESSAGE_CONFIG, title: 'title', text: 'text', fallback: 'fallback' };
const configured = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 'button', text: `runbook ${i}`, url: `https://runbooks.test/${i}`, style: '', name: '', value: '' }));
const asIs = (text: string) => text;
const attachmentFor = (incident: IncidentRef | undefined, config: Partial<SlackMessageConfig> = {}) => slackMessage({ ...CONFIG, ...config }, asIs, incident).attachments[0];

describe('Slack buttons on an incident page', () => {
  it('gives a triggered incident an interactive Acknowledge button, a link button, and the callback_id Slack requires', () => {
    expect(attachmentFor(TRIGGERED)).toMatchObject({ callback_id: 'edgealert_incident:42', actions: [ACK_BUTTON, LINK_BUTTON] });
  });

  it('writes the actions where Alertmanager writes them (after fields, before footer)', () => {
    expect(encodeSlackMessage(slackMessage(CONFIG, asIs, { ...TRIGGERED, ackUrl: undefined }))).toBe(
      '{"attachments":[{"title":"title","text":"text","fallback":"fallback","callback_id":"edgealert_incident:42",' +
        '"actions":[{"type":"button","text":"Acknowledge","style":"primary","name":"edgealert_ack","value":"ack:42"}],' +
        '"footer":"","mrkdwn_in":["fallback","pretext","text"]}]}\n',
    );
  });

  it('keeps a configured callback_id', () => {
    expect(attachmentFor(TRIGGERED, { callbackId: 'mine' })?.callback_id).toBe('mine');
  });

  it('puts its buttons before the configured actions, which keep what still fits in Slack’s limit of 5', () => {
    expect(attachmentFor(TRIGGERED, { actions: configured(2) })?.actions).toEqual([ACK_BUTTON, LINK_BUTTON, ...configured(2).map(({ type, text, url }) => ({ type, text, url }))]);
    expect(attachmentFor(TRIGGERED, { actions: configured(5) })?.actions).toHaveLength(MAX_ATTACHMENT_ACTIONS);
    expect(attachmentFor(TRIGGERED, { actions: configured(5) })?.actions?.slice(0, 2)).toEqual([ACK_BUTTON, LINK_BUTTON]);
  });

  it.each([
    ['acknowledged', { ...TRIGGERED, status: 'acknowledged' as const }],
    ['resolved', { ...TRIGGERED, status: 'resolved' as const, ackUrl: undefined }],
  ])('adds no button once the incident is %s: the message is as without an incident', (_status, incident) => {
    expect(slackMessage({ ...CONFIG, actions: configured(1) }, asIs, incident)).toEqual(slackMessage({ ...CONFIG, actions: configured(1) }, asIs));
  });

  it('adds no link button when the page has no signed link', () => {
    expect(attachmentFor({ ...TRIGGERED, ackUrl: undefined })?.actions).toEqual([ACK_BUTTON]);
  });

  it('carries the incident from the notification through the notifier', async () => {
    const config = loadTeam(`    slack_configs: [{ api_url: '\${SLACK_API_URL}' }]`, { SLACK_API_URL: 'https://hooks.slack.test/services/T/B/X' });
    const notifier = slackNotifier(integrationOf(config, 'slack'), config.templates);
    const { calls } = await runNotifier(notifier, { ...diskNotification('firing'), incident: TRIGGERED }, { answers: [{ status: 200 }] });
    expect(JSON.parse(calls[0]?.body ?? '')).toMatchObject({ attachments: [{ callback_id: 'edgealert_incident:42', actions: [ACK_BUTTON, LINK_BUTTON] }] });
  });
});

describe('incident button names and values', () => {
  it.each(['ack', 'unack', 'resolve'] as const)('reads back what %s buttons carry', (action) => {
    expect(readIncidentAction(incidentActionName(action), incidentActionValue(action, 'x:1'))).toEqual({ action, incidentId: 'x:1' });
  });

  it.each([
    ['edgealert_ack', 'ack'],
    ['edgealert_ack', ':42'],
    ['edgealert_ack', 'unack:42'],
    ['ack', 'ack:42'],
    ['edgealert_toString', 'toString:42'],
  ])('refuses name %j with value %j', (name, value) => {
    expect(readIncidentAction(name, value)).toBeUndefined();
  });
});
