/**
 * A config that does not load: every request fails with 500 and the list of
 * problems, and a secret named in a problem is shown as <secret>, never as
 * its value.
 */
import { describe, expect, it } from 'vitest';
import { api, useConfig } from '../support/edgealert.js';
import { TEST_SECRETS } from '../support/secrets.js';

// With ":25" appended the secret URL has too many colons for a host:port, and the error quotes the address.
useConfig(`
global:
  smtp_smarthost: \${HOOK_URL}:25
route:
  receiver: web
receivers:
  - name: web
`, { invalid: true });

describe('with a config that does not load', () => {
  it.each([['/-/ready'], ['/api/v2/status'], ['/api/v2/alerts']])(
    'GET %s answers 500 naming the problem, without the secret value',
    async (path) => {
      const res = await api(path);
      expect(res.status).toBe(500);
      const body = await res.text();
      expect(body).toContain('smtp_smarthost');
      expect(body).not.toContain(TEST_SECRETS.HOOK_URL);
      expect(body).not.toContain('s3cr3t');
    },
  );

  it('still answers /-/healthy: the Worker is alive', async () => {
    expect((await api('/-/healthy')).status).toBe(200);
  });
});
