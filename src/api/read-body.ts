/**
 * Reading a JSON request body within limits: JSON content type (as
 * Alertmanager requires), and a size cap, so an oversized body is refused
 * with 413 before it is parsed: a declared Content-Length over the cap
 * before reading, a chunked body as soon as what arrived passes it.
 */
import { MAX_BODY_BYTES } from '../limits.js';
import { HttpError } from './http-error.js';

export { MAX_BODY_BYTES };

/** Decoding without `stream` keeps no state between calls, so one decoder serves every request. */
const UTF8 = new TextDecoder();

/** The body as text, or an HttpError (415, 413) saying what is wrong. */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const type = request.headers.get('Content-Type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    const shown = type === '' ? 'application/octet-stream' : type;
    throw new HttpError(415, `unsupported media type "${shown}", only [application/json] are allowed`);
  }
  const length = request.headers.get('Content-Length');
  const declared = Number(length ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return '';
  // A declared length within the limit (every Prometheus push): one read of the whole body
  // costs a fraction of the chunk by chunk loop below. The size is still checked on what arrived.
  if (length !== null && Number.isInteger(declared) && declared >= 0) {
    const bytes = await request.arrayBuffer();
    if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
    return UTF8.decode(bytes);
  }
  return readChunked(request.body, maxBytes);
}

/** A body of unknown length (chunked): read chunk by chunk, refused as soon as it passes the limit. */
async function readChunked(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<string> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return UTF8.decode(bytes);
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, `request body is larger than the limit of ${maxBytes} bytes`);
}
