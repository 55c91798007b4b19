import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

describe('health endpoints', () => {
  it('answers OK on /-/healthy and /-/ready', async () => {
    for (const path of ['/-/healthy', '/-/ready']) {
      const res = await exports.default.fetch(`http://edgealert.test${path}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('OK');
    }
  });
});
