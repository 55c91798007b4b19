import { describe, expect, it } from 'vitest';
import { canonicalHeaderName, isHeaderName } from './header-name.js';
import { boundaryFrom, buildMessage, formatRfc1123z, messageIdFor } from './message.js';

const ENVELOPE = { date: Date.UTC(2026, 10, 25, 7, 23, 28), messageId: '<1.2@example.com>', boundary: 'b'.repeat(60) };

describe('buildMessage', () => {
  it('writes the headers, then a multipart/alternative body with text first and HTML last', () => {
    const headers = new Map([
      ['Subject', 'Disk – full'],
      ['X-Team', 'db'],
      ['To', 'ops@example.com'],
      ['From', 'am@example.com'],
    ]);
    expect(buildMessage({ headers, text: 'plain = text\n', html: '<p>é</p>' }, ENVELOPE)).toBe(
      [
        'From: am@example.com',
        'To: ops@example.com',
        'Subject: =?utf-8?q?Disk_=E2=80=93_full?=',
        'X-Team: db',
        'Message-Id: <1.2@example.com>',
        'Date: Wed, 25 Nov 2026 07:23:28 +0000',
        `Content-Type: multipart/alternative;  boundary=${'b'.repeat(60)}`,
        'MIME-Version: 1.0',
        '',
        `--${'b'.repeat(60)}`,
        'Content-Transfer-Encoding: quoted-printable',
        'Content-Type: text/plain; charset=UTF-8',
        '',
        'plain =3D text',
        '',
        `--${'b'.repeat(60)}`,
        'Content-Transfer-Encoding: quoted-printable',
        'Content-Type: text/html; charset=UTF-8',
        '',
        '<p>=C3=A9</p>',
        `--${'b'.repeat(60)}--`,
        '',
      ].join('\r\n'),
    );
  });

  it('leaves out a part whose template is empty, and both when both are', () => {
    const headers = new Map([['To', 'a@b']]);
    expect(buildMessage({ headers, html: 'x' }, ENVELOPE)).not.toContain('text/plain');
    expect(buildMessage({ headers }, ENVELOPE)).toMatch(/MIME-Version: 1\.0\r\n\r\n\r\n--b{60}--\r\n$/);
  });

  it('keeps a configured Message-Id and Date instead of its own', () => {
    const message = buildMessage({ headers: new Map([['Message-Id', '<mine@x>'], ['Date', 'yesterday']]) }, ENVELOPE);
    expect(message.match(/^Message-Id: /gm)).toHaveLength(1);
    expect(message.match(/^Date: /gm)).toHaveLength(1);
    expect(message).toContain('Message-Id: <mine@x>\r\n');
  });
});

describe('the random and clock parts', () => {
  it('formats Date like Go time.RFC1123Z in UTC', () => {
    expect(formatRfc1123z(Date.UTC(2026, 0, 2, 3, 4, 5))).toBe('Fri, 02 Jan 2026 03:04:05 +0000');
  });

  it("makes Go's boundary (60 hex digits) and Message-Id (<nanos.uint64@domain>)", () => {
    expect(boundaryFrom(Uint8Array.from({ length: 30 }, (_, i) => i))).toBe('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d');
    expect(messageIdFor(1_767_323_045_123, new Uint8Array(8).fill(0xff), 'example.com')).toBe('<1767323045123000000.18446744073709551615@example.com>');
  });
});

describe('canonicalHeaderName (Go textproto.CanonicalMIMEHeaderKey)', () => {
  it.each([
    ['subject', 'Subject'],
    ['x-team', 'X-Team'],
    ['MESSAGE-ID', 'Message-Id'],
    ['reply-to', 'Reply-To'],
    ['x--y', 'X--Y'],
    ['bad name', 'bad name'],
  ])('%j -> %j', (input, want) => {
    expect(canonicalHeaderName(input)).toBe(want);
  });

  it.each([['Subject', true], ['X-A_b.c', true], ['a b', false], ['a:b', false], ['', false], ['é', false]])('isHeaderName(%j) = %s', (name, want) => {
    expect(isHeaderName(name)).toBe(want);
  });
});
