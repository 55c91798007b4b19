/**
 * The On call page: per schedule who is on call now, since and until when,
 * why (a rotation's layer or an override), the next handoffs and the
 * schedule's overrides with Remove buttons; then the form for a new
 * override. Times are on the wall clock of the schedule's time zone (as the
 * schedule is written), with UTC in each time's title.
 */
import type { Child } from 'hono/jsx';
import type { OnCallAnswer } from '../../oncall/index.js';
import { SEARCH_HORIZON_MS } from '../../oncall/index.js';
import type { Override } from '../../oncall/override.js';
import { Notice, PostForm } from '../components/forms.js';
import { relative, utcText } from '../components/time.js';
import { overrideState, type OverrideState, type ScheduleView } from './schedule-view.js';
import { zonedText } from './zoned-time.js';

export interface OncallPageProps {
  readonly views: readonly ScheduleView[];
  readonly notice?: string | undefined;
  /** The session may create and remove overrides (ack scope). */
  readonly canAct: boolean;
  readonly csrf: string;
  readonly now: number;
  /** The new-override form (override-form-page.tsx). */
  readonly form: Child;
}

const OVERRIDE_BADGE: Record<OverrideState, string> = { current: 'state-ok', upcoming: 'state-pending', ended: 'state-expired' };

export function OncallPage({ views, notice, canAct, csrf, now, form }: OncallPageProps) {
  if (views.length === 0) {
    return <p class="muted">No schedules are configured (`schedules:` in routes.yaml, with the people under `people:`).</p>;
  }
  return (
    <>
      {notice ? <Notice>{notice}</Notice> : null}
      {views.map((view) => (
        <ScheduleCard view={view} canAct={canAct} csrf={csrf} now={now} />
      ))}
      {form}
    </>
  );
}

function ScheduleCard({ view, canAct, csrf, now }: { view: ScheduleView; canAct: boolean; csrf: string; now: number }) {
  const { schedule, onCall, handoffs, overrides } = view;
  const zone = schedule.timeZone;
  return (
    <section class="card schedule" data-schedule={schedule.name} aria-label={`schedule ${schedule.name}`}>
      <h2>
        {schedule.name} <span class="muted small">times in {zone}</span>
      </h2>
      <OnCallNow answer={onCall} overrides={overrides} zone={zone} now={now} />
      <h3>Next handoffs</h3>
      {handoffs.length === 0 ? (
        <p class="muted small">None within a year.</p>
      ) : (
        <ol class="handoffs small">
          {handoffs.map((h) => (
            <li>
              <ZonedTime at={h.at} zone={zone} /> ({relative(h.at, now)}): {h.from?.person ?? 'nobody'} → <strong>{h.to?.person ?? 'nobody'}</strong>
            </li>
          ))}
        </ol>
      )}
      <h3>Overrides ({overrides.length})</h3>
      {overrides.length === 0 ? <p class="muted small">None.</p> : overrides.map((o) => <OverrideItem override={o} zone={zone} canAct={canAct} csrf={csrf} now={now} />)}
    </section>
  );
}

function OnCallNow({ answer, overrides, zone, now }: { answer: OnCallAnswer | null; overrides: readonly Override[]; zone: string; now: number }) {
  if (answer === null) return <p class="oncall-now">Nobody is on call.</p>;
  const source = answer.source;
  const override = source.kind === 'override' ? overrides.find((o) => o.id === source.overrideId) : undefined;
  return (
    <div class="oncall-now">
      <p>
        <strong class="person">{answer.person}</strong> is on call
        {answer.from <= now - SEARCH_HORIZON_MS ? ' for more than a year' : <> since <ZonedTime at={answer.from} zone={zone} /></>}
        {answer.until >= now + SEARCH_HORIZON_MS ? ', with no handoff within a year.' : <>, until <ZonedTime at={answer.until} zone={zone} /> ({relative(answer.until, now)}).</>}
      </p>
      <p class="small muted source">
        {source.kind === 'rotation' ? (
          `From rotation ${source.rotation} (layer ${source.layer}).`
        ) : (
          <>
            From <a href={`#override-${source.overrideId}`}>an override</a>
            {override ? ` created by ${override.createdBy}` : ''}.
          </>
        )}
      </p>
    </div>
  );
}

function OverrideItem({ override, zone, canAct, csrf, now }: { override: Override; zone: string; canAct: boolean; csrf: string; now: number }) {
  const state = overrideState(override, now);
  return (
    <article class="override" id={`override-${override.id}`} data-override-id={override.id} data-state={state}>
      <div class="alert-head">
        <span class={`badge ${OVERRIDE_BADGE[state]}`}>{state}</span>
        <strong>{override.person}</strong>
        <span class="small">
          <ZonedTime at={override.start} zone={zone} /> to <ZonedTime at={override.end} zone={zone} />
        </span>
      </div>
      <div class="actions small">
        <span class="muted">
          by {override.createdBy}, {relative(override.createdAt, now)}
        </span>
        {canAct && state !== 'ended' ? (
          <PostForm action={`/ui/oncall/overrides/${encodeURIComponent(override.id)}/remove`} csrf={csrf}>
            <button type="submit" class="danger">
              Remove
            </button>
          </PostForm>
        ) : null}
      </div>
    </article>
  );
}

/** An instant on the schedule's wall clock, UTC in the title (not turned into browser time by the page script). */
function ZonedTime({ at, zone }: { at: number; zone: string }) {
  return (
    <time datetime={new Date(at).toISOString()} title={utcText(at)}>
      {zonedText(at, zone)}
    </time>
  );
}
