/**
 * Reading a JSON request body within limits: JSON content type (as
 * Alertmanager requires), and a size cap enforced while reading, so an
 * oversized body is refused with 413 before it is parsed.
 */
import { MAX_BODY_BYTES } from '../limits.js';
import { HttpError } from './http-error.js';

export { MAX_BODY_BYTES };

/** The body as text, or an HttpError (415, 413) saying what is wrong. */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const type = request.headers.get('Content-Type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    const shown = type === '' ? 'application/octet-stream' : type;
    throw new HttpError(415, `unsupported media type "${shown}", only [application/json] are allowed`);
  }
  const declared = Number(request.headers.get('Content-Length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
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
  return new TextDecoder().decode(bytes);
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, `request body is larger than the limit of ${maxBytes} bytes`);
}
