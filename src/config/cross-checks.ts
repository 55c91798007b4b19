/**
 * Alertmanager's whole-config checks (config.Config.UnmarshalYAML and
 * Load): a route exists; the root route has a receiver and no matchers,
 * `continue` or time intervals; receiver names are unique and every receiver
 * a route names exists; time interval names (time_intervals and the
 * deprecated mute_time_intervals together) are unique and every one a route
 * names exists.
 *
 * They read the raw value tree defensively rather than the schema output, so
 * they still run, and their errors are still reported, when some unrelated
 * field fails the schema.
 */
import { configError, formatPath, type ConfigError, type YamlPath } from './config-error.js';
import { parseMatchers } from '../matcher/index.js';
import { isRecord, RawScalar, scalarText } from './yaml-tree.js';

/** Runs the whole-config checks on the value tree of the config file. */
export function crossCheck(tree: Record<string, unknown>): ConfigError[] {
  const errors: ConfigError[] = [];
  const receivers = uniqueNames(tree.receivers, 'receivers', 'receiver name', errors);
  const intervals = new Map<string, string>();
  collectNames(tree.mute_time_intervals, 'mute_time_intervals', 'mute time interval', intervals, errors);
  collectNames(tree.time_intervals, 'time_intervals', 'time interval', intervals, errors);

  const route = tree.route;
  if (route === undefined) {
    errors.push(configError(['route'], 'no route provided in config'));
    return errors;
  }
  if (!isRecord(route)) return errors; // the schema reports the wrong type
  checkRoot(route, errors);
  walkRoutes(route, ['route'], (node, path) => {
    const receiver = scalarText(node.receiver);
    if (receiver && !receivers.has(receiver)) {
      errors.push(configError([...path, 'receiver'], `undefined receiver ${JSON.stringify(receiver)} used in route`));
    }
    for (const field of ['mute_time_intervals', 'active_time_intervals'] as const) {
      listOf(node[field]).forEach((item, i) => {
        const name = scalarText(item);
        if (name !== undefined && !intervals.has(name)) {
          errors.push(configError([...path, field, i], `undefined time interval ${JSON.stringify(name)} used in route`));
        }
      });
    }
  });
  return errors;
}

function checkRoot(root: Record<string, unknown>, errors: ConfigError[]): void {
  if (!scalarText(root.receiver)) {
    errors.push(configError(['route', 'receiver'], 'root route must specify a default receiver'));
  }
  // An empty entry is no matcher; a malformed one is the schema's error.
  const matcherLines = listOf(root.matchers).filter((line) => {
    const parsed = parseMatchers(scalarText(line) ?? '');
    return parsed.ok && parsed.value.length > 0;
  });
  for (const field of ['match', 'match_re', 'matchers']) {
    const has = field === 'matchers' ? matcherLines.length > 0 : nonEmpty(root[field]);
    if (has) errors.push(configError(['route', field], 'root route must not have any matchers'));
  }
  const cont = root.continue;
  if (cont instanceof RawScalar && cont.value === true) {
    errors.push(configError(['route', 'continue'], 'cannot have continue in root route'));
  }
  if (nonEmpty(root.mute_time_intervals)) {
    errors.push(configError(['route', 'mute_time_intervals'], 'root route must not have any mute time intervals'));
  }
  if (nonEmpty(root.active_time_intervals)) {
    errors.push(configError(['route', 'active_time_intervals'], 'root route must not have any active time intervals'));
  }
}

function walkRoutes(node: Record<string, unknown>, path: YamlPath, visit: (n: Record<string, unknown>, p: YamlPath) => void) {
  visit(node, path);
  listOf(node.routes).forEach((child, i) => {
    if (isRecord(child)) walkRoutes(child, [...path, 'routes', i], visit);
  });
}

function uniqueNames(list: unknown, field: string, what: string, errors: ConfigError[]): Map<string, string> {
  const names = new Map<string, string>();
  collectNames(list, field, what, names, errors);
  return names;
}

/** Adds `name`s of a list of mappings to `names` (name -> path of its entry); a repeat is an error. */
function collectNames(list: unknown, field: string, what: string, names: Map<string, string>, errors: ConfigError[]) {
  listOf(list).forEach((entry, i) => {
    const name = isRecord(entry) ? scalarText(entry.name) : undefined;
    if (!name) return; // a missing name is the schema's error
    const first = names.get(name);
    if (first !== undefined) {
      errors.push(configError([field, i, 'name'], `${what} ${JSON.stringify(name)} is not unique (also at ${first})`));
    } else {
      names.set(name, formatPath([field, i]));
    }
  });
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function nonEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) return Object.keys(value).length > 0;
  return false;
}
