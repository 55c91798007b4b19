/**
 * Real headless Chromium for the UI's browser tests: Debian's `chromium`
 * driven by playwright-core (no browser download). Tests skip when the binary
 * is missing; .ci/run installs it. Screenshots go to test-artifacts/ui/.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from '../conformance/harness/edgealert.js';
import { isExecutable } from '../conformance/harness/peer-process.js';

/** Where Debian installs Chromium; override with CHROMIUM_BIN. */
export const CHROMIUM_BIN = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

/** Where screenshots are saved (gitignored; CI keeps them as artifacts). */
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-artifacts', 'ui');

/** A phone-sized viewport: the pages must be readable at 3 a.m. on a phone. */
export const PHONE = { width: 390, height: 844 } as const;

export function chromiumAvailable(): Promise<boolean> {
  return isExecutable(CHROMIUM_BIN);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_BIN, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
}

/**
 * A fresh context (no cookies) with a phone viewport, recording every
 * script error and console error of its pages (CSP violations are console
 * errors) in `problems`; a 4xx page the test asked for is not one.
 */
export async function phoneContext(browser: Browser, problems: string[]): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1 });
  context.on('page', (page) => watch(page, problems));
  return context;
}

function watch(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    const expectedStatus = /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text());
    if (message.type() === 'error' && !expectedStatus) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
}

/** Saves a full-page screenshot as test-artifacts/ui/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
