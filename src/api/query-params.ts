/** The query parameters of the alert read endpoints, validated: bad ones are a 400 naming the parameter. */
import type { AlertQuery } from '../alert/gettable.js';
import { compileRegex, parseMatchers } from '../matcher/index.js';
import type { Matcher } from '../matcher/types.js';
import { HttpError } from './http-error.js';

export function alertQueryOf(url: string): AlertQuery {
  const params = new URL(url).searchParams;
  const filter: Matcher[] = [];
  for (const text of params.getAll('filter')) {
    const parsed = parseMatchers(text);
    if (!parsed.ok) throw new HttpError(400, `bad filter "${text}": ${parsed.error}`);
    filter.push(...parsed.value);
  }
  const receiverText = params.get('receiver');
  let receiver: RegExp | undefined;
  if (receiverText !== null) {
    const compiled = compileRegex(receiverText);
    if (!compiled.ok) throw new HttpError(400, `bad receiver regex: ${compiled.error}`);
    receiver = compiled.value;
  }
  return {
    active: flag(params, 'active'),
    silenced: flag(params, 'silenced'),
    inhibited: flag(params, 'inhibited'),
    unprocessed: flag(params, 'unprocessed'),
    filter,
    ...(receiver ? { receiver } : {}),
  };
}

function flag(params: URLSearchParams, name: string): boolean {
  const value = params.get(name);
  if (value === null || value === 'true') return true;
  if (value === 'false') return false;
  throw new HttpError(400, `${name} must be true or false, got "${value}"`);
}
