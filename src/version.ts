/** edgealert's version, as /api/v2/status and User-Agent report it. */
export const VERSION = '0.1.0';

/** The Alertmanager release whose API and behaviour edgealert matches. */
export const ALERTMANAGER_API_VERSION = '0.25.0';
