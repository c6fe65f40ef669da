/**
 * Kept only for engine/engineSettingsService.ts, which another change owns: the names moved to
 * core/manifest/extensionNames.ts. Delete this file once that import points there.
 */
export { DIAGNOSTIC_SOURCE, DiagnosticCode } from '../core/manifest/extensionNames';
