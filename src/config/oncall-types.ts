/**
 * The loaded `people:`, `schedules:` and `escalation_policies:` (edgealert
 * extensions). Durations are milliseconds. Built by oncall-config.ts; read by
 * oncall/ (who is on call) and escalation/ (incidents).
 */
import type { TimeInterval } from '../timeinterval/types.js';

/** The prefix of the synthetic receiver built from a person's contact methods: `person:alice`. */
export const PERSON_RECEIVER_PREFIX = 'person:';

/** A person and how to reach them. */
export interface Person {
  readonly name: string;
  readonly email?: string;
  /** Slack member id (U012AB3CD): a direct message through global.slack_api_url. */
  readonly slack?: string;
  /** Receivers that also reach this person (their own pager, phone bridge, ...). */
  readonly receivers: readonly string[];
  /**
   * Name of the synthetic receiver holding the person's email and Slack
   * contact methods (`person:NAME`), in Config.receivers; absent when they
   * have neither.
   */
  readonly contactReceiver?: string;
}

/** A wall-clock instant in a schedule's time zone (the rotation's first handoff). */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** One rotation: a layer of a schedule. */
export interface Rotation {
  /** As written, or `rotation-N` (1-based). */
  readonly name: string;
  /** People's names, in turn order; never empty. */
  readonly participants: readonly string[];
  /**
   * Shift length. A whole number of days (1d, 1w, 2w...) keeps the handoff at
   * the same wall-clock time across DST changes; anything else (12h, 36h) is
   * elapsed time.
   */
  readonly length: number;
  /** The first handoff, in the schedule's time zone. */
  readonly start: LocalDateTime;
  /**
   * When set, the rotation only has someone on call inside these intervals
   * (time_intervals syntax, read in the schedule's time zone unless they name
   * a location); outside them, this layer is empty and a lower one shows.
   */
  readonly restrictions?: readonly TimeInterval[];
}

export interface Schedule {
  readonly name: string;
  /** IANA zone name, or "UTC". */
  readonly timeZone: string;
  /** Layers, lowest first: where several have someone on call, the last one wins. */
  readonly rotations: readonly Rotation[];
  /** Opt-in: tell the incoming person (their contact methods) when a shift starts. */
  readonly handoffNotices: boolean;
}

/** An escalation target as written: `slack-sre`, `person:alice`, `schedule:sre`. */
export type EscalationTarget =
  | { readonly kind: 'receiver'; readonly name: string }
  | { readonly kind: 'person'; readonly name: string }
  | { readonly kind: 'schedule'; readonly name: string };

export interface EscalationStep {
  /** From the start of the incident (or of the repeat cycle). */
  readonly after: number;
  readonly notify: readonly EscalationTarget[];
}

export interface EscalationPolicy {
  readonly name: string;
  /** Strictly increasing `after`. */
  readonly steps: readonly EscalationStep[];
  /** How many more times the steps run after the first pass while nobody acknowledges (0: once). */
  readonly repeat: number;
  /** Length of one pass: pass N starts N * repeatAfter after the incident started. Every step's `after` is below it. */
  readonly repeatAfter: number;
  /** New alerts joining an acknowledged incident re-page (from the first step). */
  readonly reescalateOnNewAlerts: boolean;
}

/** Who can be on call and how incidents escalate; empty when the config has none of it. */
export interface OnCallConfig {
  readonly people: ReadonlyMap<string, Person>;
  readonly schedules: ReadonlyMap<string, Schedule>;
  readonly escalationPolicies: ReadonlyMap<string, EscalationPolicy>;
}
