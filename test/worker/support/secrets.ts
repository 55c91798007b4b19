/**
 * Secret values the worker test project binds (as Worker secrets would be),
 * shared by vitest.config.ts and the tests that check they never leak.
 */
export const TEST_SECRETS = {
  /** A webhook URL whose path is a token: `${HOOK_URL}` in a config. */
  HOOK_URL: 'http://receiver.test/hook/s3cr3t-token-7f3a9c',
} as const;
