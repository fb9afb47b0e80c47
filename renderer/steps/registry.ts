import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { StepId } from '../../shared/steps';

/**
 * Every step page, each in its own chunk.
 *
 * Listed one by one (not built from STEP_IDS) so the bundler sees each import and splits it;
 * the Record type makes a missing step a compile error.
 */
export const STEP_PAGES: Record<StepId, LazyExoticComponent<ComponentType>> = {
  requirements: lazy(() => import('./requirements/index')),
  connect: lazy(() => import('./connect/index')),
  'number-status': lazy(() => import('./number-status/index')),
  rename: lazy(() => import('./rename/index')),
  templates: lazy(() => import('./templates/index')),
  'custom-component': lazy(() => import('./custom-component/index')),
  roles: lazy(() => import('./roles/index')),
  routing: lazy(() => import('./routing/index')),
  'digital-skill': lazy(() => import('./digital-skill/index')),
  'default-skill': lazy(() => import('./default-skill/index')),
  sla: lazy(() => import('./sla/index')),
  review: lazy(() => import('./review/index')),
};
