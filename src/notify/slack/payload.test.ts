import { describe, expect, it } from 'vitest';
import type { SlackMessageConfig } from '../../config/slack-config.js';
import { DEFAULT_MRKDWN_IN, encodeSlackMessage, MAX_TITLE_RUNES, slackMessage, slackUpdate } from './payload.js';
import { EMPTY_MESSAGE_CONFIG } from './testdata/empty-message-config.js';

/** Every field empty: what is left shows which fields Alertmanager always sends. */
const EMPTY = EMPTY_MESSAGE_CONFIG;
/** Renders a template as itself, so tests see which config field went where. */
const asIs = (text: string) => text;
const attachment = (config: Partial<SlackMessageConfig>) => slackMessage({ ...EMPTY, ...config }, asIs).attachments[0];

describe('slackMessage', () => {
  it("always sends text, fallback, callback_id and footer, and Alertmanager's mrkdwn_in; omits every other empty field", () => {
    expect(encodeSlackMessage(slackMessage(EMPTY, asIs))).toBe(
      '{"attachments":[{"text":"","fallback":"","callback_id":"","footer":"","mrkdwn_in":["fallback","pretext","text"]}]}\n',
    );
    expect(DEFAULT_MRKDWN_IN).toEqual(['fallback', 'pretext', 'text']);
  });

  it(`cuts the title to ${MAX_TITLE_RUNES} characters (code points), the last being "…"`, () => {
    const title = attachment({ title: '😀'.repeat(MAX_TITLE_RUNES + 1) })?.title ?? '';
    expect([...title]).toHaveLength(MAX_TITLE_RUNES);
    expect(title.endsWith('😀…')).toBe(true);
    expect(attachment({ title: '😀'.repeat(MAX_TITLE_RUNES) })?.title).toBe('😀'.repeat(MAX_TITLE_RUNES));
  });

  it.each([
    [undefined, false, false, 'unset follows short_fields'],
    [undefined, true, true, ''],
    [true, false, true, 'set wins'],
    [false, true, false, ''],
  ])('field short %s with short_fields %s is sent as %s (%s)', (short, shortFields, want, _why) => {
    const field = { title: 't', value: 'v', ...(short === undefined ? {} : { short }) };
    expect(attachment({ fields: [field], shortFields })?.fields).toEqual([{ title: 't', value: 'v', short: want }]);
  });

  it('sends link_names only when true', () => {
    expect(slackMessage({ ...EMPTY, linkNames: true }, asIs).link_names).toBe(true);
    expect(slackMessage(EMPTY, asIs)).not.toHaveProperty('link_names');
  });
});

describe('slackUpdate', () => {
  it("addresses the posted message by Slack's channel id and ts, ts right after channel", () => {
    const message = slackMessage({ ...EMPTY, channel: '#ops', username: 'am' }, asIs);
    const update = slackUpdate(message, 'C024BE91L', '1700000000.000100');
    expect(Object.keys(update)).toEqual(['channel', 'ts', 'username', 'attachments']);
    expect(update).toMatchObject({ channel: 'C024BE91L', ts: '1700000000.000100' });
  });
});
