/**
 * W3C trace context (https://www.w3.org/TR/trace-context/#traceparent-header):
 * `00-<trace-id: 32 hex>-<parent-id: 16 hex>-<flags: 2 hex>`. An incoming
 * request's trace id is kept (or a new one made); every hop gets a new span id.
 */
import { toHex } from '../util/hex.js';
import type { TraceIds } from './log.js';

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** The trace and parent span of a valid `traceparent` header, else undefined (all-zero ids are invalid). */
export function parseTraceparent(header: string | null | undefined): TraceIds | undefined {
  const match = TRACEPARENT.exec((header ?? '').trim().toLowerCase());
  if (!match || match[1] === 'ff') return undefined;
  const [, , traceId = '', spanId = ''] = match;
  if (/^0+$/.test(traceId) || /^0+$/.test(spanId)) return undefined;
  return { traceId, spanId };
}

/** A new span of `traceId` (a new trace when it is missing or invalid). */
export function newSpan(traceId?: string, random: (bytes: number) => string = randomHex): TraceIds {
  const valid = traceId !== undefined && /^[0-9a-f]{32}$/.test(traceId) && !/^0+$/.test(traceId);
  return { traceId: valid ? traceId : random(16), spanId: random(8) };
}

/** The `traceparent` header of a span (sampled). */
export function formatTraceparent(span: TraceIds): string {
  return `00-${span.traceId}-${span.spanId}-01`;
}

function randomHex(bytes: number): string {
  return toHex(crypto.getRandomValues(new Uint8Array(bytes)));
}
