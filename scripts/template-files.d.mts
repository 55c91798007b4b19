/** Types of template-files.mjs, for the tests that call it. */

/** The `templates:` list of a config text (strings only). */
export declare function templateGlobs(configText: string): string[];
/** Every file the globs match, in glob order, each glob's files sorted; named relative to the config's folder. */
export declare function findTemplateFiles(configFile: string, globs: readonly string[]): { name: string; text: string }[];
