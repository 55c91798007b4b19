/** The Silences page: active, pending and expired silences, each with its actions. */
import { SILENCE_STATES, silenceState, type Silence, type SilenceState } from '../../silence/types.js';
import { toMatcher } from '../../silence/silence-matchers.js';
import { Notice, PostForm } from '../components/forms.js';
import { MatcherChips } from '../components/labels.js';
import { relative, When } from '../components/time.js';
import { silenceMatchersText } from './matchers-input.js';

export interface SilencesPageProps {
  /** Sorted as the API lists them. */
  readonly silences: readonly Silence[];
  readonly notice?: string;
  readonly canSilence: boolean;
  readonly csrf: string;
  readonly now: number;
}

const HEADINGS: Record<SilenceState, string> = { active: 'Active', pending: 'Pending', expired: 'Expired' };
/** Badge colours: an active silence mutes (the colour of silenced alerts), a pending one is coming, an expired one is history. */
const BADGE: Record<SilenceState, string> = { active: 'state-silenced', pending: 'state-pending', expired: 'state-expired' };

export function SilencesPage({ silences, notice, canSilence, csrf, now }: SilencesPageProps) {
  return (
    <>
      {notice ? <Notice>{notice}</Notice> : null}
      {canSilence ? (
        <p class="actions">
          <a class="button primary" href="/ui/silences/new">
            New silence
          </a>
        </p>
      ) : null}
      {SILENCE_STATES.map((state) => {
        const listed = silences.filter((s) => silenceState(s, now) === state);
        return (
          <section aria-label={`${state} silences`} id={`${state}-silences`}>
            <h2>
              {HEADINGS[state]} ({listed.length})
            </h2>
            {listed.length === 0 ? <p class="muted">None.</p> : listed.map((s) => <SilenceCard silence={s} state={state} canSilence={canSilence} csrf={csrf} now={now} />)}
          </section>
        );
      })}
    </>
  );
}

function SilenceCard({ silence, state, canSilence, csrf, now }: { silence: Silence; state: SilenceState; canSilence: boolean; csrf: string; now: number }) {
  const path = `/ui/silences/${encodeURIComponent(silence.id)}`;
  const alerts = `/ui/alerts?filter=${encodeURIComponent(silenceMatchersText(silence.matchers))}`;
  return (
    <article class="card silence" data-silence-id={silence.id} data-state={state}>
      <div class="silence-head">
        <span class={`badge ${BADGE[state]}`}>{state}</span>
        <a href={path} class="small">
          {silence.id}
        </a>
      </div>
      <MatcherChips matchers={silence.matchers.map(toMatcher)} />
      <p class="small">
        {state === 'pending' ? <>starts {relative(silence.startsAt, now)} (<When at={silence.startsAt} />), </> : null}
        {state === 'expired' ? 'ended' : 'ends'} {relative(silence.endsAt, now)} (<When at={silence.endsAt} />)
      </p>
      <p class="small">
        <span class="muted">by</span> {silence.createdBy}: {silence.comment}
      </p>
      <div class="actions small">
        <a href={alerts}>Matching alerts</a>
        {canSilence ? <a href={path}>{state === 'expired' ? 'Recreate' : 'Edit'}</a> : null}
        {canSilence && state !== 'expired' ? (
          <PostForm action={`${path}/expire`} csrf={csrf}>
            <button type="submit" class="danger">
              Expire
            </button>
          </PostForm>
        ) : null}
      </div>
    </article>
  );
}
