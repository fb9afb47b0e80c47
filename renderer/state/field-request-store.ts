import { create } from 'zustand';
import type { FindingPath } from '../../shared/rules/findings';
import type { StepId } from '../../shared/steps';

/** A field the admin asked to be taken to: a step, and a place in its drafts (`['skills', 3, 'name']`). */
export interface FieldRequest {
  readonly step: StepId;
  readonly path: FindingPath;
  /** Tells two requests for the same field apart, so each is applied once. */
  readonly id: number;
}

interface FieldRequestState {
  /** The request the step page has not answered yet, if any. */
  request: FieldRequest | null;
  /** Asks the step page to show the item the path points into and focus its field. */
  ask(step: StepId, path: FindingPath): void;
  /** The step page focused the field (or found none): the request is done. */
  settle(id: number): void;
}

let lastId = 0;

/**
 * The field a review link asked for, waiting for its step page.
 *
 * Hash routes carry no query, and a list screen shows one selected item's form at a time; the
 * request therefore lives here, independent of the hash: the step page selects the row the path
 * names (so its form shows), then focuses the field and settles the request, which is never
 * applied twice.
 */
export const useFieldRequestStore = create<FieldRequestState>((set, get) => ({
  request: null,
  ask(step, path) {
    lastId += 1;
    set({ request: { step, path, id: lastId } });
  },
  settle(id) {
    if (get().request?.id === id) set({ request: null });
  },
}));
