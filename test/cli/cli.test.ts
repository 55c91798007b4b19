/**
 * The edgealert command run as a real process (node bin/edgealert.mjs), as a
 * reviewer or a CI job runs it: output, errors and exit codes.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

let dir: string;
const edgealert = (...args: string[]) => runCli(dir, args);

const CONFIG = `
route:
  receiver: default
  group_by: [alertname]
  routes:
    - matchers: [severity="critical"]
      receiver: pager
      continue: true
    - matchers: [team="db"]
      receiver: db
      mute_time_intervals: [nights]
receivers:
  - name: default
    webhook_configs: [{ url: "http://127.0.0.1:9/default" }]
  - name: pager
    webhook_configs: [{ url: "\${PAGER_URL}" }]
  - name: db
    webhook_configs: [{ url: "http://127.0.0.1:9/db" }]
time_intervals:
  - name: nights
    time_intervals: [{ times: [{ start_time: "22:00", end_time: "24:00" }] }]
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edgealert-cli-'));
  await writeFile(join(dir, 'routes.yaml'), CONFIG);
  await writeFile(join(dir, 'changed.yaml'), CONFIG.replace('receiver: db\n', 'receiver: default\n'));
  await writeFile(join(dir, 'broken.yaml'), CONFIG.replace('severity="critical"', 'severity=~"crit("').replace('receiver: db\n', 'receiver: nobody\n'));
  await writeFile(join(dir, 'samples.txt'), '# label sets to compare\nalertname=Disk team=db\n{"alertname": "Cpu", "severity": "critical"}\n');
  await writeFile(join(dir, '.dev.vars'), 'PAGER_URL=http://127.0.0.1:9/pager\n');
});

describe('edgealert check', () => {
  it('accepts a valid config whose secrets are declared, exit 0', async () => {
    const result = await edgealert('check');
    expect(result).toMatchObject({ code: 0, stdout: 'routes.yaml: ok (3 routes, 3 receivers, 0 inhibit rules)\n' });
  });

  it('lists every problem with its path, undeclared secrets too, exit 1', async () => {
    await writeFile(join(dir, '.dev.vars'), '');
    const result = await edgealert('check', 'broken.yaml');
    await writeFile(join(dir, '.dev.vars'), 'PAGER_URL=http://127.0.0.1:9/pager\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('route.routes[0].matchers[0]: bad matcher');
    expect(result.stderr).toContain('route.routes[1].receiver: undefined receiver "nobody" used in route');
    expect(result.stderr).toContain('${PAGER_URL}: not declared');
  });

  it('checks that email sent through a send_email binding names one wrangler.toml declares', async () => {
    const mail = `route: { receiver: mail }
receivers:
  - name: mail
    email_configs: [{ to: ops@example.com, from: am@example.com, transport: cloudflare, binding: SEND_EMAIL }]
`;
    await writeFile(join(dir, 'mail.yaml'), mail);
    await writeFile(join(dir, 'wrangler.toml'), '[vars]\nX = "1"\n');
    const undeclared = await edgealert('check', 'mail.yaml');
    await writeFile(join(dir, 'wrangler.toml'), '[vars]\nX = "1"\n\n[[send_email]]\nname = "SEND_EMAIL"\n');
    const declared = await edgealert('check', 'mail.yaml');
    await writeFile(join(dir, 'wrangler.toml'), '');
    expect(undeclared.code).toBe(1);
    expect(undeclared.stderr).toContain('send_email binding "SEND_EMAIL": not declared in wrangler.toml (add [[send_email]] with name = "SEND_EMAIL")');
    expect(declared).toMatchObject({ code: 0, stdout: 'mail.yaml: ok (1 routes, 1 receivers, 0 inhibit rules)\n' });
  });

  it('refuses what the build refuses: a field a secret could make invalid, exit 1', async () => {
    const mail = (smarthost: string) => `route: { receiver: mail }
receivers:
  - name: mail
    email_configs: [{ to: ops@example.com, from: am@example.com, smarthost: "${smarthost}" }]
`;
    await writeFile(join(dir, 'smarthost-ok.yaml'), mail('${SMTP_HOST}:587'));
    await writeFile(join(dir, 'smarthost-whole.yaml'), mail('${SMARTHOST}'));
    const withPort = await edgealert('check', '--secret', 'SMTP_HOST', 'smarthost-ok.yaml');
    const whole = await edgealert('check', '--secret', 'SMARTHOST', 'smarthost-whole.yaml');
    expect(withPort).toMatchObject({ code: 0, stdout: 'smarthost-ok.yaml: ok (1 routes, 1 receivers, 0 inhibit rules)\n' });
    expect(whole.code).toBe(1);
    expect(whole.stderr).toContain('receivers[0].email_configs[0].smarthost: address <secret>: missing port in address');
    expect(whole.stderr).toContain('${SMARTHOST}');
  });

  it('counts a secret named with --secret as declared', async () => {
    await writeFile(join(dir, '.dev.vars'), '');
    const result = await edgealert('check', '--secret', 'PAGER_URL');
    await writeFile(join(dir, '.dev.vars'), 'PAGER_URL=http://127.0.0.1:9/pager\n');
    expect(result.code).toBe(0);
  });
});

describe('edgealert routes', () => {
  it('tests routes like amtool: receivers, then each route with its group key', async () => {
    const result = await edgealert('routes', 'test', 'alertname=Disk', 'severity=critical', 'team=db');
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toBe(
      'pager,db\n  route 0.0 -> pager, group key {}/{severity="critical"}:{alertname="Disk"}\n  route 0.1 -> db, group key {}/{team="db"}:{alertname="Disk"}\n',
    );
  });

  it('fails --verify-receivers when the receivers differ, exit 1', async () => {
    const result = await edgealert('routes', 'test', '--verify-receivers', 'pager', 'severity=critical', 'team=db');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('expected receivers pager, got pager,db');
  });

  it('prints the tree', async () => {
    const result = await edgealert('routes', 'tree');
    expect(result.stdout.split('\n')[0]).toBe('0 (all) -> default  group_by [alertname] wait 30s interval 5m repeat 4h');
    expect(result.stdout).toContain('  0.0 {severity="critical"} -> pager (continue)');
  });

  it('refuses a malformed label, exit 2', async () => {
    expect(await edgealert('routes', 'test', 'no-equals-sign')).toMatchObject({ code: 2, stderr: 'bad label "no-equals-sign": expected name=value\n' });
  });
});

describe('edgealert who', () => {
  it('says which routes notify at that time, and which are muted by their time intervals', async () => {
    const day = await edgealert('who', '--at', '2026-11-25T12:00:00Z', 'alertname=Disk', 'team=db');
    expect(day.stdout).toContain('route 0.1 -> receiver db (webhook): notified 30s after the alert starts');
    const night = await edgealert('who', '--at', '2026-11-25T23:00:00Z', 'alertname=Disk', 'team=db');
    expect(night.stdout).toContain('route 0.1 -> receiver db (webhook): muted by its time intervals at this time');
  });
});

describe('edgealert diff', () => {
  it('shows the label sets whose routing changes, exit 3', async () => {
    const result = await edgealert('diff', 'routes.yaml', 'changed.yaml', '--labels', 'samples.txt');
    expect(result.code).toBe(3);
    expect(result.stdout).toBe(
      '{alertname="Disk", team="db"}\n  - db (group key {}/{team="db"}:{alertname="Disk"})\n  + default (group key {}/{team="db"}:{alertname="Disk"})\n1 of 2 label sets route or page differently\n',
    );
  });

  it('shows a change of escalation policy as a paging change, exit 3', async () => {
    const escalating = (after: string) =>
      CONFIG.replace('      receiver: pager\n', '      receiver: pager\n      escalation: critical\n') +
      `escalation_policies:\n  - name: critical\n    steps:\n      - notify: [pager]\n      - after: ${after}\n        notify: [default]\n`;
    await writeFile(join(dir, 'escalating.yaml'), escalating('5m'));
    await writeFile(join(dir, 'slower.yaml'), escalating('15m'));
    const result = await edgealert('diff', 'escalating.yaml', 'slower.yaml', '--labels', 'samples.txt');
    expect(result.code).toBe(3);
    expect(result.stdout).toBe(
      '{alertname="Cpu", severity="critical"}\n' +
        '  - pager (group key {}/{severity="critical"}:{alertname="Cpu"}), escalation critical: 0s pager; 5m default\n' +
        '  + pager (group key {}/{severity="critical"}:{alertname="Cpu"}), escalation critical: 0s pager; 15m default\n' +
        '1 of 2 label sets route or page differently\n',
    );
  });

  it('exits 0 when nothing changes', async () => {
    expect(await edgealert('diff', 'routes.yaml', 'routes.yaml', '--labels', 'samples.txt')).toMatchObject({ code: 0, stdout: 'no routing or paging changes for 2 label sets\n' });
  });
});
