/**
 * A Go text/template engine (Go 1.19, as in Alertmanager 0.25): parse a set
 * of templates once, execute them many times against JavaScript data that
 * plays Go values (see values.ts for the mapping).
 */
export { parseTemplates, TemplateSet, type TemplateFuncs, type TemplateOptions, type TemplateSource } from './template-set.js';
export { MISSING_KEY_MODES, type MissingKey, type TemplateFunc } from './exec-state.js';
export { TEMPLATE_ERROR_KINDS, type TemplateError, type TemplateErrorKind } from './template-error.js';
export { float64, GoFloat, goTypeInfo, variadic, type GoTypeInfo } from './values.js';
export { sprint, sprintf } from './printer.js';
