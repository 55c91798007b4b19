/** edgealert's version, as /api/v2/status and User-Agent report it. */
export const VERSION = '0.1.0';
