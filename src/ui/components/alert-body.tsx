/**
 * What an alert says, shared by the Alerts page and the incident page: its
 * summary, labels and other annotations as text, and Runbook / Source links
 * only for http(s) URLs (links.tsx). Everything here came from an alert, so
 * it is attacker-controlled and only ever rendered as text.
 */
import { LabelChips } from './labels.js';
import { ExternalLink, httpUrl } from './links.js';

type LabelSet = Readonly<Record<string, string>>;

/** The summary, the labels, then every other annotation (an http(s) runbook_url is the Runbook link instead). */
export function AlertBody({ labels, annotations }: { labels: LabelSet; annotations: LabelSet }) {
  const runbook = httpUrl(annotations.runbook_url);
  const listed = Object.entries(annotations).filter(([name]) => name !== 'summary' && !(name === 'runbook_url' && runbook));
  return (
    <>
      {annotations.summary ? <p>{annotations.summary}</p> : null}
      <LabelChips labels={labels} />
      {listed.length > 0 ? (
        <dl class="annotations">
          {listed.map(([name, value]) => (
            <>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </>
          ))}
        </dl>
      ) : null}
    </>
  );
}

/** The Runbook and Source links, each only when its URL is http(s). */
export function AlertLinks({ annotations, generatorURL }: { annotations: LabelSet; generatorURL: string | undefined }) {
  const runbook = httpUrl(annotations.runbook_url);
  return (
    <>
      {runbook ? <ExternalLink href={runbook}>Runbook</ExternalLink> : null}
      {httpUrl(generatorURL) ? <ExternalLink href={generatorURL}>Source</ExternalLink> : null}
    </>
  );
}
