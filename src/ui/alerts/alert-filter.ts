/**
 * The Alerts page's filter form (GET parameters): matchers in Alertmanager's
 * syntax (the API's `filter` parser), a receiver regex, and whether to hide
 * silenced or inhibited alerts (`silenced=false`, `inhibited=false`, as the
 * API spells them). A bad value is an error to show, not a 500.
 */
import type { AlertQuery } from '../../alert/gettable.js';
import { compileRegex } from '../../matcher/index.js';
import { err, ok, type Result } from '../../util/result.js';
import { filterMatchersOf } from '../silences/matchers-input.js';

/** The form as the user filled it in, to show it again. */
export interface AlertFilterForm {
  readonly filter: string;
  readonly receiver: string;
  readonly hideSilenced: boolean;
  readonly hideInhibited: boolean;
}

/** The form, and the query it stands for or why it is wrong. */
export function alertFilterOf(params: URLSearchParams): { form: AlertFilterForm; query: Result<AlertQuery> } {
  const form: AlertFilterForm = {
    filter: params.get('filter') ?? '',
    receiver: params.get('receiver') ?? '',
    hideSilenced: params.get('silenced') === 'false',
    hideInhibited: params.get('inhibited') === 'false',
  };
  const filter = filterMatchersOf(form.filter);
  if (!filter.ok) return { form, query: err(`Bad filter: ${filter.error}`) };
  const receiver = form.receiver === '' ? undefined : compileRegex(form.receiver);
  if (receiver && !receiver.ok) return { form, query: err(`Bad receiver regex: ${receiver.error}`) };
  const query: AlertQuery = {
    active: true,
    unprocessed: true,
    silenced: !form.hideSilenced,
    inhibited: !form.hideInhibited,
    filter: filter.value,
    ...(receiver ? { receiver: receiver.value } : {}),
  };
  return { form, query: ok(query) };
}
