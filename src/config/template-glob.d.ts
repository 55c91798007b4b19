/** Types of template-glob.js (plain JavaScript so the build scripts can use it). */

/** The glob with `./` segments and repeated slashes removed. */
export declare function normalizeGlob(glob: string): string;
/** Whether a path segment of a glob has any special character. */
export declare function hasMeta(segment: string): boolean;
/** The glob as an anchored RegExp over `/`-separated paths. */
export declare function globToRegExp(glob: string): RegExp;
/** Whether `path` (relative to the config folder, or absolute) matches `glob`. */
export declare function matchesGlob(glob: string, path: string): boolean;
