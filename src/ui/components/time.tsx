/** Times on pages: UTC as text (the script turns it into local time), and ages such as "3h 5m". */

/** `2040-01-01 12:00:00 UTC` */
export function utcText(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** A duration as a person reads it: `45s`, `12m`, `3h 5m`, `2d 4h`. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 === 0 ? `${h}h` : `${h}h ${m % 60}m`;
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? `${d}d` : `${d}d ${h % 24}h`;
}

/** `in 2h` or `5m ago`, relative to `now`. */
export function relative(ms: number, now: number): string {
  return ms >= now ? `in ${formatAge(ms - now)}` : `${formatAge(now - ms)} ago`;
}

/** An instant: `<time>` in UTC text, local time once the page script runs. */
export function When({ at }: { at: number }) {
  return (
    <time datetime={new Date(at).toISOString()} data-local="">
      {utcText(at)}
    </time>
  );
}
