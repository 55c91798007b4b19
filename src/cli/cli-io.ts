/**
 * What a CLI command produces: text for stdout and stderr and an exit code.
 * Commands are functions from arguments (and files read through `CliFiles`)
 * to a result, so they are tested as plain functions and as real processes.
 */

export interface CliResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** File access the commands need (real fs in main.ts). */
export interface CliFiles {
  readFile(path: string): string | undefined;
  /** The template files a config's `templates:` globs match, named relative to its folder. */
  templateFiles(configPath: string, configText: string): { name: string; text: string }[];
}

export const ok = (stdout: string): CliResult => ({ stdout, stderr: '', exitCode: 0 });
export const fail = (stderr: string, exitCode = 1, stdout = ''): CliResult => ({ stdout, stderr, exitCode });
