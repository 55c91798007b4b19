/** A slack_configs message with every field empty, for payload tests to override what they are about. */
import type { SlackMessageConfig } from '../../../config/slack-config.js';

export const EMPTY_MESSAGE_CONFIG: SlackMessageConfig = {
  channel: '',
  username: '',
  color: '',
  title: '',
  titleLink: '',
  pretext: '',
  text: '',
  fields: [],
  shortFields: false,
  footer: '',
  fallback: '',
  callbackId: '',
  iconEmoji: '',
  iconUrl: '',
  imageUrl: '',
  thumbUrl: '',
  linkNames: false,
  mrkdwnIn: [],
  actions: [],
};
