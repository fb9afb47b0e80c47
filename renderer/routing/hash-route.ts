import { useSyncExternalStore } from 'react';
import { StepId } from '../../shared/steps';

/** A screen of the app: one wizard step, or the settings page. */
export type Route = { kind: 'step'; id: StepId } | { kind: 'settings' };

/**
 * Reads a route from a location hash (`#/step/<id>`, `#/settings`).
 *
 * Anything else, including an unknown step id, is "no route": the shell then opens the step
 * the admin was last on, so a stale bookmark never shows a blank page.
 */
export function parseHash(hash: string): Route | null {
  if (hash === '#/settings') return { kind: 'settings' };
  const match = /^#\/step\/([a-z-]+)$/.exec(hash);
  if (!match) return null;
  const id = StepId.safeParse(match[1]);
  return id.success ? { kind: 'step', id: id.data } : null;
}

/** The hash for a route, for links (`href`) and for navigation. */
export function hashFor(route: Route): string {
  return route.kind === 'settings' ? '#/settings' : `#/step/${route.id}`;
}

/** Moves to a route; the browser's history keeps Back and Forward working. */
export function navigate(route: Route): void {
  window.location.hash = hashFor(route);
}

/** Replaces the current entry, for redirects that should not leave a history step behind. */
export function redirect(route: Route): void {
  window.history.replaceState(null, '', hashFor(route));
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/**
 * The current hash, re-rendering on every change.
 *
 * Hash routing needs no server rule and works the same under app:// and the test server.
 */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
