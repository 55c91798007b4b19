/**
 * Secret values the worker test project binds (as Worker secrets would be),
 * shared by vitest.config.ts and the tests that check they never leak.
 */
export const TEST_SECRETS = {
  /** A webhook URL whose path is a token: `${HOOK_URL}` in a config. */
  HOOK_URL: 'http://receiver.test/hook/s3cr3t-token-7f3a9c',
  /** A Slack incoming webhook URL (`${SLACK_API_URL}`); its path is the token. */
  SLACK_API_URL: 'http://slack.test/services/T0000/B0000/sl4ck-s3cr3t-9d2e',
  /** A Slack app's bot token (`${SLACK_APP_TOKEN}`). */
  SLACK_APP_TOKEN: 'xoxb-0000-1111-b0t-s3cr3t-4c1a',
  /** A PagerDuty Events API v2 routing key (`${PD_ROUTING_KEY}`). */
  PD_ROUTING_KEY: 'R0UT1NGs3cr3t5e2b0123456789abcd',
  /** A PagerDuty v1 service key (`${PD_SERVICE_KEY}`). */
  PD_SERVICE_KEY: 'SERV1CEs3cr3t8a1f0123456789abcd',
  /** Key of the signed acknowledgement links in pages. */
  ACK_LINK_SECRET: 'ack-l1nk-s3cr3t-0b7e4d2a9c',
  /** A Slack app's signing secret (interactivity requests). */
  SLACK_SIGNING_SECRET: 'sl4ck-s1gn1ng-s3cr3t-e5f1',
} as const;
