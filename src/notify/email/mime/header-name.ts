/**
 * Header names as Go's textproto.CanonicalMIMEHeaderKey writes them
 * (`x-team` -> `X-Team`, `message-id` -> `Message-Id`). Alertmanager keys
 * email_configs.headers by this form, so `subject` overrides the default
 * Subject and `Subject` + `subject` is a duplicate.
 */

/** RFC 7230 token characters: what a header name may contain. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** True when `name` can be a header name. */
export function isHeaderName(name: string): boolean {
  return TOKEN.test(name);
}

/** The canonical form; a name that is not a valid token is returned unchanged, as Go does. */
export function canonicalHeaderName(name: string): string {
  if (!isHeaderName(name)) return name;
  let upper = true;
  let out = '';
  for (const c of name) {
    out += upper ? c.toUpperCase() : c.toLowerCase();
    upper = c === '-';
  }
  return out;
}
