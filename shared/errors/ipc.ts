/** Errors of the IPC boundary itself, whatever the area: the router's refusals and bugs. */
export const IPC_ERRORS = ['ipc.unknownChannel', 'ipc.forbiddenSender', 'ipc.invalidInput', 'ipc.invalidOutput', 'internal'] as const;
