/**
 * The OpenAPI `uri` format of an alert's generatorURL, as Alertmanager checks
 * it (Go's url.ParseRequestURI): an absolute URI, or an absolute path. The
 * WHATWG URL parser (`new URL`) decides, but it costs about 0.7 µs an alert
 * in workerd and every alert of every push carries a generatorURL, so the
 * shape Prometheus sends (`http://host:port/graph?g0.expr=...`) is accepted
 * by a cheaper check first. That check only ever accepts what `new URL`
 * accepts (is-uri.test.ts compares the two on many generated inputs);
 * anything it is unsure of goes to `new URL`.
 */

/**
 * An http(s) URL `new URL` surely accepts: `http://` or `https://`; a host
 * that is four decimal parts up to 255, or labels of letters and digits
 * (hyphens only inside, never two together: `xn--` labels are Punycode the
 * parser may refuse) whose last one starts with a letter (the parser reads
 * a host ending in a number as IPv4, and refuses most of those); a port of
 * up to four digits; then anything printable after `/`, `?` or `#` (the
 * parser percent-encodes what needs it there, it never refuses it). One
 * test, no captures: no match means "ask `new URL`", not "invalid". Each
 * repetition starts or ends with its own separator, so matching is linear.
 */
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = `(?:${OCTET}\\.){3}${OCTET}`;
const LABEL_REST = '[a-z0-9]*(?:-[a-z0-9]+)*';
const DOMAIN = `(?:[a-z0-9]${LABEL_REST}\\.)*[a-z]${LABEL_REST}`;
const PLAIN_HTTP_URL = new RegExp(`^https?://(?:${IPV4}|${DOMAIN})(?::\\d{1,4})?(?:[/?#][\\x21-\\x7e]*)?$`, 'i');

/** Whether `text` is a URI as Alertmanager's API accepts it (the empty string included: "not set"). */
export function isUri(text: string): boolean {
  return PLAIN_HTTP_URL.test(text) || isUriByParsing(text);
}

/** The same answer without the fast path: `new URL` decides every absolute URI (the tests hold isUri to it). */
export function isUriByParsing(text: string): boolean {
  if (text === '') return true;
  if (/\s/.test(text)) return false;
  if (text.startsWith('/')) return true;
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(text)) return false;
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}
