import type { SetupApi } from '../shared/ipc/create-api';

declare global {
  interface Window {
    /** The app's API, exposed by the preload (or the test harness) from the IPC contract. */
    readonly setup: SetupApi;
  }
}

export {};
