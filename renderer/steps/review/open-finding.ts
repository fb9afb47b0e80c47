import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { FindingPath } from '../../../shared/rules/findings';
import type { StepId } from '../../../shared/steps';
import { navigate } from '../../routing/hash-route';
import { useDraftsStore } from '../../state/drafts-store';
import { useFieldRequestStore } from '../../state/field-request-store';

/** How long a focused field takes focus back from the page's heading; after that, focus is the admin's. */
const KEEP_FOCUS_MS = 3_000;

/** What can take focus inside a wrapper marked with a path. */
const CONTROLS = 'input, select, textarea, button, [tabindex]';

/** The value of `data-field` a step page puts on the control a finding path points to (`skills.3.name`). */
export function fieldKey(path: FindingPath): string {
  return path.join('.');
}

/**
 * Focuses the field, and gives focus back to it if the new page then focuses its heading.
 *
 * A step page moves focus to its h1 once mounted (for screen readers). The field is focused
 * after that, in the step page's own effect, which React runs after its children's; this guard
 * covers a heading focused later all the same: the first focus change after ours is checked
 * once, the page's heading hands focus back, anything else (the admin clicking elsewhere) is
 * left alone.
 */
function focusKeepingIt(target: HTMLElement): void {
  target.focus();
  const next = (event: FocusEvent) => {
    stop();
    if (event.target instanceof HTMLHeadingElement && event.target.tagName === 'H1') target.focus();
  };
  const timer = window.setTimeout(() => stop(), KEEP_FOCUS_MS);
  const stop = () => {
    document.removeEventListener('focusin', next);
    window.clearTimeout(timer);
  };
  document.addEventListener('focusin', next);
}

/**
 * Focuses the most precise control the step page marks for `path`: `skills.3.name`, else
 * `skills.3`, else `skills`. A wrapper marked with a path (a Field, a fieldset) focuses its
 * first control (the chosen radio of a group); a path the page does not mark leaves focus alone.
 */
function focusField(step: StepId, path: FindingPath): void {
  for (let length = path.length; length > 0; length -= 1) {
    const key = fieldKey(path.slice(0, length));
    const element = document.querySelector<HTMLElement>(`[data-step-page="${step}"] [data-field="${CSS.escape(key)}"]`);
    if (!element) continue;
    // In a radio group, the chosen radio is the one Tab would reach.
    const control = element.matches(CONTROLS) ? element : (element.querySelector<HTMLElement>('input[type="radio"]:checked') ?? element.querySelector<HTMLElement>(CONTROLS));
    focusKeepingIt(control ?? element);
    return;
  }
}

/**
 * Opens the step a finding belongs to, with its field selected and focused.
 *
 * Hash routes stay `#/step/<id>` (the router knows no query); the field is asked for through
 * the field-request store instead. A list screen selects the row the path points into
 * (`useRequestedSelection`), and the step page focuses the field once its drafts are on
 * screen (`useRequestedFieldFocus`).
 */
export function openFinding(step: StepId, path: FindingPath): void {
  useFieldRequestStore.getState().ask(step, path);
  navigate({ kind: 'step', id: step });
}

/** For `useRequestedSelection`: the item of the drafts list `list` a path points into (`['skills', 3, …]` → 3). */
export function itemOf(list: string): (path: FindingPath) => number | null {
  return (path) => (path[0] === list && typeof path[1] === 'number' ? path[1] : null);
}

/**
 * The selected row of a list screen (the one whose form shows), which follows field requests.
 *
 * When a request for `step` arrives, `pick` says which row of `rows` it points into (null: not
 * one of this list); that row is selected in the very render that sees the request, so its form
 * is on screen when the step page focuses the field. `rows` is null while the drafts load; the
 * request then waits for them. Each request is applied once: afterwards the admin's choice rules.
 */
export function useRequestedSelection(
  step: StepId,
  rows: readonly { readonly id: string }[] | null,
  pick: (path: FindingPath, selected: string | null) => number | null,
): [string | null, Dispatch<SetStateAction<string | null>>] {
  const request = useFieldRequestStore((state) => state.request);
  const [selected, setSelected] = useState<string | null>(null);
  const [applied, setApplied] = useState<number | null>(null);
  if (rows && request && request.step === step && request.id !== applied) {
    // Adjusting state while rendering (React re-renders at once, before the commit), so the
    // selection and the request are never seen apart.
    setApplied(request.id);
    const index = pick(request.path, selected);
    const row = index === null ? undefined : rows[index];
    if (row) setSelected(row.id);
  }
  return [selected, setSelected];
}

/**
 * Focuses the field a request asks for on this step, once the drafts are on screen; then the
 * request is settled, found or not (a finding's item may have been removed meanwhile).
 *
 * Call it in the step page's component, above its panels: React runs a parent's effects after
 * its children's, so the rows the panels selected for the request are rendered by then.
 */
export function useRequestedFieldFocus(step: StepId): void {
  const request = useFieldRequestStore((state) => state.request);
  const ready = useDraftsStore((state) => state.drafts !== null);
  useEffect(() => {
    if (!request || request.step !== step || !ready) return;
    focusField(step, request.path);
    useFieldRequestStore.getState().settle(request.id);
  }, [request, ready, step]);
}
