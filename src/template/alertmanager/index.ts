/**
 * Alertmanager's notification templates on top of the Go template engine:
 * the data model (Data, Alert, KV, ...) built from a Notification, the
 * function map, the default templates, loading user template files, and
 * rendering a config field with a fallback on error.
 *
 *   const set = loadTemplates(files);          // once, at config load
 *   const data = templateData(notification, { externalURL });
 *   const title = renderOrFallback(set.value, conf.title, data);
 */
export { Alert, Alerts, Data, quoteMeta, templateData, type TemplateDataOptions } from './data.js';
export { KV, Pair, Pairs, stringSlice } from './kv.js';
export { GoTime, GO_ZERO_MS } from './go-time.js';
export { GoDuration, formatDuration } from './go-duration.js';
export { loadLocation, UTC, LOCAL, type GoLocation } from './time-zone.js';
export { alertmanagerFunctions, type FunctionOptions } from './functions.js';
export { DEFAULT_TEMPLATES, DEFAULT_TEMPLATES_NAME } from './default-templates.js';
export { EMAIL_FIELD_DEFAULTS, PAGERDUTY_FIELD_DEFAULTS, SLACK_FIELD_DEFAULTS } from './integration-defaults.js';
export { loadTemplates, type LoadTemplatesOptions, type TemplateFile, type TemplateFileError } from './load-templates.js';
export { renderFields, renderOrFallback, TEMPLATE_ERROR_PREFIX, type Rendered, type RenderedFields } from './render.js';
