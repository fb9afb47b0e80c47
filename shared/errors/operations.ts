/** Errors of long operations as such (starting, cancelling); each operation adds its own. */
export const OPERATIONS_ERRORS = ['operations.duplicateId', 'operations.unknown', 'operations.notCancellable', 'operations.cancelled'] as const;
