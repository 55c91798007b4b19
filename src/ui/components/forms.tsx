/** Pieces every form uses: the CSRF field, a POST form carrying it, messages. */
import type { Child } from 'hono/jsx';
import { CSRF_FIELD } from '../session/csrf.js';

/** A POST form with the session's CSRF token. */
export function PostForm({ action, csrf, class: className, children }: { action: string; csrf: string; class?: string; children?: Child }) {
  return (
    <form method="post" action={action} class={className}>
      <input type="hidden" name={CSRF_FIELD} value={csrf} />
      {children}
    </form>
  );
}

/** Something that went well (a silence saved). */
export function Notice({ children }: { children?: Child }) {
  return (
    <p class="notice" role="status">
      {children}
    </p>
  );
}

/** Something the user must fix, or why a request was refused. */
export function Problem({ children }: { children?: Child }) {
  return (
    <p class="problem" role="alert">
      {children}
    </p>
  );
}
