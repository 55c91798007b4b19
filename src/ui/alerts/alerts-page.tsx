/**
 * The Alerts page: a filter form, then each aggregation group (receiver and
 * group labels) with its alerts: state, age, labels, annotations, links.
 * Labels and annotations are attacker-controlled text: they are only ever
 * rendered as text, and a URL becomes a link only when it is http(s).
 */
import { AlertBody, AlertLinks } from '../components/alert-body.js';
import { Problem } from '../components/forms.js';
import { LabelChips } from '../components/labels.js';
import { formatAge, When } from '../components/time.js';
import { labelsMatchersText } from '../silences/matchers-input.js';
import type { AlertFilterForm } from './alert-filter.js';
import { shownState, type UiAlert, type UiAlertGroup } from './alert-groups.js';

export interface AlertsPageProps {
  readonly groups: readonly UiAlertGroup[];
  readonly form: AlertFilterForm;
  /** Why the filter could not be applied. */
  readonly problem?: string;
  readonly canSilence: boolean;
  readonly now: number;
}

export function AlertsPage({ groups, form, problem, canSilence, now }: AlertsPageProps) {
  const count = groups.reduce((n, g) => n + g.alerts.length, 0);
  return (
    <>
      <FilterForm form={form} />
      {problem ? <Problem>{problem}</Problem> : null}
      {problem ? null : (
        <p class="muted small" id="alert-count">
          {count === 0 ? 'No alerts match.' : `${count} alert${count === 1 ? '' : 's'} in ${groups.length} group${groups.length === 1 ? '' : 's'}`}
        </p>
      )}
      {groups.map((group) => (
        <section class="card group" aria-label={`group of ${group.receiver.name}`}>
          <div class="group-head">
            <span class="badge">{group.receiver.name}</span>
            <LabelChips labels={group.labels} label="group labels" />
          </div>
          {group.alerts.map((alert) => (
            <AlertItem alert={alert} canSilence={canSilence} now={now} />
          ))}
        </section>
      ))}
    </>
  );
}

function FilterForm({ form }: { form: AlertFilterForm }) {
  return (
    <form method="get" action="/ui/alerts" class="filters card" role="search">
      <div class="field">
        <label for="filter">Filter</label>
        <input id="filter" name="filter" type="text" value={form.filter} placeholder={'alertname="Disk", severity=~"crit.*"'} data-validate-matchers="filter" data-error="filter-error" autocomplete="off" />
        <span class="field-error" id="filter-error" aria-live="polite" />
      </div>
      <div class="field">
        <label for="receiver">Receiver (regex)</label>
        <input id="receiver" name="receiver" type="text" value={form.receiver} autocomplete="off" />
        <span class="field-error" />
      </div>
      <label class="check">
        <input type="checkbox" name="silenced" value="false" checked={form.hideSilenced} /> Hide silenced
      </label>
      <label class="check">
        <input type="checkbox" name="inhibited" value="false" checked={form.hideInhibited} /> Hide inhibited
      </label>
      <div class="actions">
        <button type="submit" class="primary">
          Filter
        </button>
        <a class="button" href="/ui/alerts">
          Clear
        </a>
      </div>
    </form>
  );
}

function AlertItem({ alert, canSilence, now }: { alert: UiAlert; canSilence: boolean; now: number }) {
  const state = shownState(alert);
  const startsAt = Date.parse(alert.startsAt);
  const silenceLink = `/ui/silences/new?matchers=${encodeURIComponent(labelsMatchersText(alert.labels))}`;
  return (
    <article class="alert" data-fingerprint={alert.fingerprint} data-state={state}>
      <div class="alert-head">
        <span class={`badge state-${state}`}>{state}</span>
        <span class="alertname">{alert.labels.alertname ?? '(no alertname)'}</span>
        <span class="muted small">
          for {formatAge(now - startsAt)}, since <When at={startsAt} />
        </span>
      </div>
      <AlertBody labels={alert.labels} annotations={alert.annotations} />
      <div class="actions small">
        <AlertLinks annotations={alert.annotations} generatorURL={alert.generatorURL} />
        {alert.status.silencedBy.map((id) => (
          <a href={`/ui/silences/${encodeURIComponent(id)}`}>silenced by {id.slice(0, 8)}</a>
        ))}
        {alert.status.inhibitedBy.length > 0 ? <span class="muted">inhibited by {alert.status.inhibitedBy.join(', ')}</span> : null}
        {canSilence ? (
          <a class="button" href={silenceLink}>
            Silence
          </a>
        ) : null}
      </div>
    </article>
  );
}
