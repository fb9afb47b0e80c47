import type { AreaHandlers } from '../ipc/router';
import type { TemplatesService } from './service';

/** The `templates:*` calls. */
export function createTemplatesHandlers(templates: TemplatesService): AreaHandlers<'templates'> {
  return {
    'templates:get': () => templates.get(),
    'templates:refresh': () => templates.refresh(),
  };
}
