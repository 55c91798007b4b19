/**
 * On-call schedules: who is on call at an instant (layers of rotations in a
 * time zone, restrictions, overrides) and when that next changes hands.
 * Pure: instants are epoch milliseconds passed in; zones are read through Intl.
 */
export { onCallAt, nextHandoffs, SEARCH_HORIZON_MS, type OnCallAnswer, type OnCallSource, type ScheduleHandoff } from './who.js';
export { overrideSchema, validateOverrideInput, type Override, type OverrideInput } from './override.js';
export { rotationAt, RESTRICTION_SCAN_MS, type RotationState } from './rotation.js';
export { handoffInstant, shiftAt, type Shift } from './shift.js';
export { localToInstant } from './local-time.js';
