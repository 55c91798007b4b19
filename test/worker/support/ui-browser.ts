/**
 * A minimal browser for the UI's worker tests: keeps the session cookie,
 * sends forms as a browser does (urlencoded, Origin of the Worker, the CSRF
 * token of the last page shown), and does not follow redirects, so tests see
 * every Location and Set-Cookie.
 */
import { api, BASE_URL } from './edgealert.js';

/** A response with its body read. */
export interface UiPage {
  readonly res: Response;
  readonly status: number;
  readonly html: string;
}

export interface PostOptions {
  /** The CSRF token to send; default: the one of the last page shown; null: none. */
  readonly csrf?: string | null;
  /** The Origin header; default: the Worker's; null: none. */
  readonly origin?: string | null;
}

export class UiBrowser {
  /** The session cookie's value, as the browser would send it. */
  cookie: string | undefined;
  /** Every Set-Cookie header received, newest last. */
  readonly setCookies: string[] = [];
  #csrf: string | undefined;

  constructor(private readonly headers: Record<string, string> = {}) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<UiPage> {
    return this.#send(path, { method: 'GET', headers: { ...this.#headers(), ...headers } });
  }

  async post(path: string, fields: Record<string, string>, options: PostOptions = {}): Promise<UiPage> {
    const form = new URLSearchParams(fields);
    const csrf = options.csrf === undefined ? this.#csrf : options.csrf;
    if (csrf !== null && csrf !== undefined) form.set('_csrf', csrf);
    const origin = options.origin === undefined ? BASE_URL : options.origin;
    const headers: Record<string, string> = { ...this.#headers(), 'Content-Type': 'application/x-www-form-urlencoded' };
    if (origin !== null) headers.Origin = origin;
    return this.#send(path, { method: 'POST', headers, body: form.toString() });
  }

  /** Signs in with a token through the form; the response of the POST. */
  async login(token: string): Promise<UiPage> {
    await this.get('/ui/login');
    return this.post('/ui/login', { token, next: '/ui/alerts' });
  }

  #headers(): Record<string, string> {
    return { ...this.headers, ...(this.cookie === undefined ? {} : { Cookie: `edgealert_ui=${this.cookie}` }) };
  }

  async #send(path: string, init: RequestInit): Promise<UiPage> {
    const res = await api(path, { ...init, redirect: 'manual' });
    for (const header of res.headers.getAll('Set-Cookie')) {
      this.setCookies.push(header);
      const value = /^edgealert_ui=([^;]*)/.exec(header)?.[1];
      if (value !== undefined) this.cookie = /Max-Age=0(;|$)/.test(header) ? undefined : value;
    }
    const html = await res.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (csrf) this.#csrf = csrf;
    return { res, status: res.status, html };
  }
}

/** The text of an HTML fragment with tags removed and entities of the escaper decoded. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[^]*?<\/\1>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
