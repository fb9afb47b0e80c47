/**
 * Errors of the updates area (main/updates): the feed, the download, the organisation's policy.
 *
 * The updater's own messages (electron-updater's English prose, HTTP bodies) are never
 * forwarded: each failure is one of these codes, with the HTTP status or sizes as params.
 */
export const UPDATES_ERRORS = [
  // No answer from the feed, or an HTTP error status (params: status when there was one).
  'updates.feedUnreachable',
  // latest.yml is not YAML, or lacks a version, a file or its sha512.
  'updates.feedMalformed',
  // The connection ended before the whole file arrived; the partial file was deleted.
  'updates.downloadInterrupted',
  // The file's sha512 or size differs from latest.yml; it was deleted, never installed.
  'updates.checksumMismatch',
  // The file is not signed by the organisation's publisher (electron-updater's check).
  'updates.signatureInvalid',
  // The organisation's update-policy.json turns updates off.
  'updates.disabledByPolicy',
  // update-policy.json exists but cannot be read; updates stay off until it is fixed.
  'updates.policyInvalid',
  // The policy sets this field; the admin's value is not used.
  'updates.lockedByPolicy',
  // No feed URL is set (neither by the policy nor in Settings).
  'updates.noFeed',
  // Download asked for while no newer version is known, or install before it was downloaded.
  'updates.nothingToDownload',
  'updates.notDownloaded',
  // Another check or download is already running.
  'updates.busy',
  // The admin cancelled the download; nothing was kept.
  'updates.cancelled',
  // The settings sent are not valid (params: field, message).
  'updates.invalid',
] as const;
