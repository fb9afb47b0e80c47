import type { Drafts } from '../model/drafts/drafts';
import { agentFindings } from './agents';
import { customComponentFindings } from './custom-component';
import { defaultSkillFindings } from './default-skill';
import { indexDrafts } from './drafts-index';
import type { Finding } from './findings';
import { roleFindings } from './roles';
import { routingFindings } from './routing';
import { skillFindings } from './skills';
import { slaFindings } from './sla';

/**
 * Every rule of the manual over a drafts document, in one pass, in the manual's task order.
 *
 * The look-up tables are built once and shared, so the whole validation stays linear in the
 * document's size. It never throws on a document the schema accepted: rules read through
 * look-ups that tolerate dangling references and report them as findings instead.
 */
export function validateDrafts(drafts: Drafts): Finding[] {
  const index = indexDrafts(drafts);
  return [
    ...customComponentFindings(index),
    ...agentFindings(index),
    ...roleFindings(index),
    ...routingFindings(index),
    ...skillFindings(index),
    ...defaultSkillFindings(index),
    ...slaFindings(index),
  ];
}
