import { Input, MessageBar, MessageBarBody, Select, makeStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { DRAFTS_STYLES } from '../../components/drafts-styles';
import type { Channel } from '../../../shared/model/drafts/drafts';
import { FormField } from '../../components/form-field';
import { StepPage } from '../../components/step-page';
import { findingsAt } from '../../state/drafts-store';
import { useRequestedFieldFocus } from '../review/open-finding';
import { FindingLines, findingsExactly, useDrafts } from '../digital-skill/drafts-ui';

const useStyles = makeStyles({
  tools: DRAFTS_STYLES.tools,
  text: DRAFTS_STYLES.text,
  channel: DRAFTS_STYLES.group,
  legend: DRAFTS_STYLES.legend,
});

/**
 * Step 10: each point of contact's default skill and default Studio script (manual, task 10).
 *
 * Skills come from the drafted ones (step 9); the script is free text because scripts are made
 * in Studio, not drafted here. Findings say when either is missing or no skill exists yet.
 */
export default function DefaultSkillStep() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { drafts, findings, change } = useDrafts();
  useRequestedFieldFocus('default-skill');

  function update(id: string, recipe: (channel: Channel) => Channel): void {
    change((current) => ({ ...current, channels: current.channels.map((channel) => (channel.id === id ? recipe(channel) : channel)) }));
  }

  return (
    <StepPage id="default-skill">
      {drafts && (
        <div className={styles.tools}>
          <p className={styles.text}>{t('defaultSkill.intro')}</p>
          <FindingLines findings={[...findingsExactly(findings, ['skills']), ...findingsExactly(findings, ['channels'])]} testId="default-skill-findings" />
          {drafts.channels.length === 0 && <p className={styles.text}>{t('defaultSkill.noChannel')}</p>}
          {drafts.channels.map((channel, c) => (
            <fieldset key={channel.id} className={styles.channel} data-channel={channel.id}>
              <legend className={styles.legend}>{t('defaultSkill.channel', { name: channel.name, phone: channel.phoneNumber })}</legend>
              <FormField label={t('defaultSkill.skill')} findings={findingsAt(findings, ['channels', c, 'defaultSkillId'])} path={['channels', c, 'defaultSkillId']} required>
                <Select value={channel.defaultSkillId ?? ''} onChange={(_event, data) => update(channel.id, (current) => ({ ...current, defaultSkillId: data.value === '' ? null : data.value }))}>
                  <option value="">{t('defaultSkill.noSkillChoice')}</option>
                  {drafts.skills.map((skill) => (
                    <option key={skill.id} value={skill.id}>
                      {skill.name}
                    </option>
                  ))}
                </Select>
              </FormField>
              <FormField label={t('defaultSkill.script')} hint={t('defaultSkill.scriptHint')} findings={findingsAt(findings, ['channels', c, 'studioScript'])} path={['channels', c, 'studioScript']} required>
                <Input value={channel.studioScript} onChange={(_event, data) => update(channel.id, (current) => ({ ...current, studioScript: data.value }))} />
              </FormField>
              {channel.startsConversations && (
                <MessageBar intent="info" layout="multiline">
                  <MessageBarBody>{t('defaultSkill.outbound')}</MessageBarBody>
                </MessageBar>
              )}
            </fieldset>
          ))}
        </div>
      )}
    </StepPage>
  );
}
