/**
 * The recorded golden cases (golden-recorded.json, written by
 * test/conformance/templates.test.ts with UPDATE_TEMPLATE_GOLDEN=1):
 * Alertmanager 0.25 (Debian 0.25.0-1, Go 1.19.8) rendered golden-templates.ts
 * for these notifications; the data is what its webhook receiver got with
 * each Slack message and email. The JSON is checked against the notification
 * schema when loaded, so a hand edit that breaks its shape fails loudly.
 */
import * as z from 'zod';
import { notificationSchema, type Notification } from '../../../notify/notification.js';
import recorded from './golden-recorded.json';

export interface RecordedCase {
  readonly name: string;
  readonly externalURL: string;
  readonly notification: Notification;
  readonly outputs: Readonly<Record<string, string>>;
}

const recordedCaseSchema = z.object({ name: z.string(), externalURL: z.string(), notification: notificationSchema, outputs: z.record(z.string(), z.string()) });

export const RECORDED_CASES: readonly RecordedCase[] = z.array(recordedCaseSchema).parse(recorded);
