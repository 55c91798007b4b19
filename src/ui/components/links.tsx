/**
 * Links to addresses taken from alerts (runbook_url, generatorURL): only
 * http(s) URLs become links; anything else (javascript:, data:, relative
 * paths) is shown as text, so an alert cannot run script in the page.
 */
import type { Child } from 'hono/jsx';

/** The URL if it is absolute http or https, else undefined. */
export function httpUrl(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A link that opens without telling the target where it came from, or the text when `href` is not http(s). */
export function ExternalLink({ href, children }: { href: string | undefined; children?: Child }) {
  const url = httpUrl(href);
  if (url === undefined) return <span>{href}</span>;
  return (
    <a href={url} rel="noopener noreferrer" target="_blank">
      {children ?? url}
    </a>
  );
}
