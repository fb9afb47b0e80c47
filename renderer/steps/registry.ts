import { createElement, lazy, type ComponentType } from 'react';
import type { StepId } from '../../shared/steps';
import type { Route } from '../routing/hash-route';

/** A lazily loaded page that can also be fetched ahead of its first render. */
export type PreloadablePage = ComponentType & { preload(): Promise<void> };

/**
 * Wraps a dynamic import so the page renders without suspending once its chunk is in.
 *
 * React.lazy suspends on the first render even when the chunk has already arrived, and React
 * then holds the fallback for its reveal throttle (about 300 ms). Boot preloads the page the
 * admin will land on, so the first screen appears complete in one paint.
 */
export function preloadable(load: () => Promise<{ default: ComponentType }>): PreloadablePage {
  let loaded: ComponentType | null = null;
  let pending: Promise<void> | null = null;
  const preload = () => {
    pending ??= load().then(
      (module) => {
        loaded = module.default;
      },
      (error: unknown) => {
        pending = null; // the next render tries the download again
        throw error;
      },
    );
    return pending;
  };
  const Lazy = lazy(() => preload().then(() => ({ default: loaded as ComponentType })));
  const Page = () => createElement(loaded ?? Lazy);
  return Object.assign(Page, { preload });
}

/**
 * Every step page, each in its own chunk.
 *
 * Listed one by one (not built from STEP_IDS) so the bundler sees each import and splits it;
 * the Record type makes a missing step a compile error.
 */
export const STEP_PAGES: Record<StepId, PreloadablePage> = {
  requirements: preloadable(() => import('./requirements/index')),
  connect: preloadable(() => import('./connect/index')),
  'number-status': preloadable(() => import('./number-status/index')),
  rename: preloadable(() => import('./rename/index')),
  templates: preloadable(() => import('./templates/index')),
  'custom-component': preloadable(() => import('./custom-component/index')),
  roles: preloadable(() => import('./roles/index')),
  routing: preloadable(() => import('./routing/index')),
  'digital-skill': preloadable(() => import('./digital-skill/index')),
  'default-skill': preloadable(() => import('./default-skill/index')),
  sla: preloadable(() => import('./sla/index')),
  review: preloadable(() => import('./review/index')),
};

export const SETTINGS_PAGE = preloadable(() => import('../settings/settings-page').then((module) => ({ default: module.SettingsPage })));

/** The page a route shows. */
export function pageFor(route: Route): PreloadablePage {
  return route.kind === 'settings' ? SETTINGS_PAGE : STEP_PAGES[route.id];
}
