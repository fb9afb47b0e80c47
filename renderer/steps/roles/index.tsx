import { StepPage } from '../../components/step-page';
import { useRequestedFieldFocus } from '../review/open-finding';
import { AgentsPanel } from './agents-panel';
import { DraftsStatus } from './drafts-ui';
import { RolesPanel } from './roles-panel';

/**
 * Step 7: the roles that use the channel (permissions per channel, Skills View) and the agents
 * who hold them, drafted offline and checked against the manual as they are typed.
 */
export default function RolesStep() {
  useRequestedFieldFocus('roles');
  return (
    <StepPage id="roles">
      <DraftsStatus>
        {(drafts) => (
          <>
            <RolesPanel drafts={drafts} />
            <AgentsPanel drafts={drafts} />
          </>
        )}
      </DraftsStatus>
    </StepPage>
  );
}
