/**
 * The byte stream an SMTP conversation runs over, kept abstract so the
 * conversation is plain TypeScript: `cloudflare:sockets` provides it in the
 * Worker (../cloudflare-socket.ts), node:net and node:tls in Node
 * (../node-socket.ts).
 */

/** How the connection is secured. */
export type SmtpSecurity =
  /** TLS from the first byte (SMTPS, port 465). */
  | 'implicit-tls'
  /** Plain, upgradable with STARTTLS (require_tls). */
  | 'starttls'
  /** Plain only. */
  | 'plain';

export interface SmtpEndpoint {
  readonly host: string;
  readonly port: number;
  readonly security: SmtpSecurity;
}

/** An open connection. Every method rejects (with any error) when the connection fails. */
export interface SmtpStream {
  /** The next bytes from the server; undefined once the server closed the connection. */
  read(): Promise<Uint8Array | undefined>;
  write(bytes: Uint8Array): Promise<void>;
  /**
   * Starts TLS on this connection (after the server's 220 to STARTTLS),
   * verifying the certificate against the endpoint's host. The returned
   * stream replaces this one.
   */
  startTls(): Promise<SmtpStream>;
  /** Closes the connection; never rejects. */
  close(): Promise<void>;
}

/** Opens a connection; rejects when it cannot be established. */
export type SmtpConnect = (endpoint: SmtpEndpoint) => Promise<SmtpStream>;

/** Longest reply line accepted (RFC 5321 4.5.3.1.5 says 512 octets; allow slack). */
const MAX_LINE = 4096;

/** Splits a stream into CRLF (or bare LF) terminated lines, decoded as UTF-8. */
export class LineReader {
  private buffer = new Uint8Array(0);

  constructor(private readonly stream: SmtpStream) {}

  /** The next line without its terminator; undefined when the connection ended first. */
  async readLine(): Promise<string | undefined> {
    for (;;) {
      const end = this.buffer.indexOf(0x0a);
      if (end >= 0) {
        const line = this.buffer.subarray(0, end > 0 && this.buffer[end - 1] === 0x0d ? end - 1 : end);
        const text = new TextDecoder().decode(line);
        this.buffer = this.buffer.slice(end + 1);
        return text;
      }
      if (this.buffer.length > MAX_LINE) throw new LineTooLong();
      const chunk = await this.stream.read();
      if (chunk === undefined) return undefined;
      const joined = new Uint8Array(this.buffer.length + chunk.length);
      joined.set(this.buffer);
      joined.set(chunk, this.buffer.length);
      this.buffer = joined;
    }
  }

  /** True when bytes arrived that no line has taken yet (a server must not send ahead of STARTTLS). */
  get hasBuffered(): boolean {
    return this.buffer.length > 0;
  }
}

/** A reply line longer than any server sends. */
export class LineTooLong extends Error {
  constructor() {
    super('reply line too long');
  }
}
