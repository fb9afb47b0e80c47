import type { FindingPath } from '../../../shared/rules/findings';
import type { StepId } from '../../../shared/steps';
import { navigate } from '../../routing/hash-route';

/** How long to wait for the step page to show the field; a page without it simply keeps its focus. */
const FIELD_WAIT_MS = 3_000;

/** The value of `data-field` a step page puts on the control a finding path points to (`skills.3.name`). */
export function fieldKey(path: FindingPath): string {
  return path.join('.');
}

/**
 * Focuses the field, and gives focus back to it if the new page then focuses its heading.
 *
 * A step page moves focus to its h1 once mounted (for screen readers), in a React effect that
 * may run after the observer below has already focused the field; the first focus change after
 * ours is therefore checked once: the page's heading hands focus back, anything else (the admin
 * clicking elsewhere) is left alone.
 */
function focusKeepingIt(target: HTMLElement): void {
  target.focus();
  const next = (event: FocusEvent) => {
    stop();
    if (event.target instanceof HTMLHeadingElement && event.target.tagName === 'H1') target.focus();
  };
  const timer = window.setTimeout(() => stop(), FIELD_WAIT_MS);
  const stop = () => {
    document.removeEventListener('focusin', next);
    window.clearTimeout(timer);
  };
  document.addEventListener('focusin', next);
}

/**
 * Opens the step a finding belongs to, then focuses its field if the step page has it.
 *
 * Hash routes stay `#/step/<id>` (the router knows no query); instead a drafts screen marks each
 * control with `data-field="<path>"`, and the most precise one present is focused once the page
 * (loaded lazily) shows it: `skills.3.name`, else `skills.3`, else nothing.
 */
export function openFinding(step: StepId, path: FindingPath): void {
  navigate({ kind: 'step', id: step });
  const candidates = path.map((_part, index) => fieldKey(path.slice(0, path.length - index)));
  const tryFocus = (): boolean => {
    for (const key of candidates) {
      const element = document.querySelector<HTMLElement>(`[data-step-page="${step}"] [data-field="${CSS.escape(key)}"]`);
      if (element) {
        // A wrapper marked with the path focuses its first control.
        const target = element.matches('input, select, textarea, button, [tabindex]') ? element : element.querySelector<HTMLElement>('input, select, textarea, button, [tabindex]');
        focusKeepingIt(target ?? element);
        return true;
      }
    }
    return false;
  };
  if (candidates.length === 0 || tryFocus()) return;
  const observer = new MutationObserver(() => {
    if (tryFocus()) stop();
  });
  const timer = window.setTimeout(() => stop(), FIELD_WAIT_MS);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
  };
  observer.observe(document.body, { childList: true, subtree: true });
}
