/** The sign-in form: one access token, checked like an Authorization header. */
import { PostForm, Problem } from '../components/forms.js';
import { SESSION_MAX_AGE_S } from '../session/cookie.js';

export interface LoginPageProps {
  readonly csrf: string;
  /** Where to go once signed in (a /ui path). */
  readonly next: string;
  /** Why the last attempt failed, or why signing in is needed. */
  readonly problem?: string;
}

export function LoginPage({ csrf, next, problem }: LoginPageProps) {
  return (
    <>
      {problem ? <Problem>{problem}</Problem> : null}
      <PostForm action="/ui/login" csrf={csrf} class="stack card">
        <input type="hidden" name="next" value={next} />
        <div class="field">
          <label for="token">Access token</label>
          <input id="token" name="token" type="password" autocomplete="current-password" required autofocus />
          <span class="hint">
            A read token shows alerts, silences and status; a silence token (or admin) also creates and expires silences. This browser keeps
            it in an HttpOnly cookie for {SESSION_MAX_AGE_S / 3600} hours.
          </span>
        </div>
        <div class="actions">
          <button class="primary" type="submit">
            Sign in
          </button>
        </div>
      </PostForm>
    </>
  );
}
