/**
 * Every size and count limit edgealert enforces, in one place. Each refusal
 * says which limit was hit and its value. Where Alertmanager has the same
 * limit it is named after Alertmanager's flag and refused the same way;
 * Alertmanager leaves most of them unlimited by default, a Worker cannot
 * (memory per isolate, Durable Object storage and CPU per request are bounded).
 */

/** Largest request body, bytes (413 before parsing): far above Prometheus' batches of 64 alerts. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Alerts in one POST /api/v2/alerts or webhook delivery (413, nothing stored). Prometheus sends at most 64 per request. */
export const MAX_ALERTS_PER_REQUEST = 1000;

/**
 * Labels on one alert (the alert is refused with 400, the rest of the batch
 * kept). Prometheus' scrape `label_limit` has the same meaning; Alertmanager has none.
 */
export const MAX_LABELS_PER_ALERT = 128;

/** Length of a label name, UTF-16 code units (as Prometheus' `label_name_length_limit`). */
export const MAX_LABEL_NAME_LENGTH = 256;

/** Length of a label value, UTF-16 code units (as Prometheus' `label_value_length_limit`). */
export const MAX_LABEL_VALUE_LENGTH = 4096;

/**
 * An alert's annotations, names and values together, bytes of UTF-8. Large
 * enough for Alertmanager-compatible payloads far past PagerDuty's 512 KB
 * event limit (which the PagerDuty integration truncates to), small enough
 * that a stored alert stays under a Durable Object SQLite row's 2 MB
 * (https://developers.cloudflare.com/durable-objects/platform/limits/).
 */
export const MAX_ANNOTATIONS_BYTES = 1024 * 1024;

/**
 * Silences in the Silences object, expired ones included until collected
 * (Alertmanager's `--silences.max-silences`, same count and message: a new
 * silence beyond it is refused with 400; updating one in place is not).
 * The Worker var EDGEALERT_MAX_SILENCES overrides it.
 */
export const MAX_SILENCES = 10_000;

/** One silence as stored, bytes of JSON (Alertmanager's `--silences.max-silence-size-bytes`). */
export const MAX_SILENCE_BYTES = 64 * 1024;

/**
 * Aggregation groups per Dispatcher shard (Alertmanager's
 * `--dispatch.max-aggregation-groups`): an alert that would open a new group
 * beyond it is stored but grouped nowhere, and counted in
 * `alertmanager_dispatcher_aggregation_group_limit_reached_total`. The Worker
 * var EDGEALERT_MAX_AGGREGATION_GROUPS overrides it.
 */
export const MAX_AGGREGATION_GROUPS_PER_SHARD = 10_000;
