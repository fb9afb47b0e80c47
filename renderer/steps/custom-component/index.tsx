import { Checkbox, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { DRAFTS_STYLES } from '../../components/drafts-styles';
import { DRAFTS_LIMITS } from '../../../shared/model/drafts/drafts';
import { componentUrl } from '../../../shared/rules/custom-component';
import { FormField } from '../../components/form-field';
import { StepPage } from '../../components/step-page';
import { findingsAt } from '../../state/drafts-store';
import { useRequestedFieldFocus } from '../review/open-finding';
import { FindingLines, NumberInput, useDrafts } from '../digital-skill/drafts-ui';

const useStyles = makeStyles({
  tools: DRAFTS_STYLES.tools,
  text: DRAFTS_STYLES.text,
  box: { ...DRAFTS_STYLES.group, gap: tokens.spacingVerticalS },
  legend: DRAFTS_STYLES.legend,
  url: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

/**
 * Step 6: the custom component that shows WhatsApp templates to agents (manual, task 6).
 *
 * The admin pastes the template-settings URL; the screen shows what to type in CXone (the URL
 * with `%s` once at its end, from `componentUrl`), the height (200 px recommended), the channels
 * (none ticked means every channel, said in words) and the smooch clean-up.
 */
export default function CustomComponentStep() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { drafts, findings, change } = useDrafts();
  useRequestedFieldFocus('custom-component');
  const component = drafts?.customComponent;
  const toType = component ? componentUrl(component.url) : '';

  return (
    <StepPage id="custom-component">
      {drafts && component && (
        <div className={styles.tools}>
          <div data-field="url">
            <FormField label={t('customComponent.url')} hint={t('customComponent.urlHint')} findings={findingsAt(findings, ['customComponent', 'url'])} path={['customComponent', 'url']} required>
              <Input
                type="url"
                value={component.url}
                onChange={(_event, data) => change((current) => ({ ...current, customComponent: { ...current.customComponent, url: data.value.trim().slice(0, DRAFTS_LIMITS.urlLength) } }))}
              />
            </FormField>
          </div>
          <section className={styles.box} aria-labelledby="component-to-type">
            <Text id="component-to-type" weight="semibold">
              {t('customComponent.toType')}
            </Text>
            <Text className={styles.url} data-testid="component-url">
              {toType === '' ? t('customComponent.toTypeEmpty') : toType}
            </Text>
            {toType !== '' && <Text size={200}>{t('customComponent.toTypeHint')}</Text>}
          </section>
          <FormField label={t('customComponent.height')} hint={t('customComponent.heightHint')} findings={findingsAt(findings, ['customComponent', 'height'])} path={['customComponent', 'height']}>
            <NumberInput
              value={component.height}
              min={1}
              max={DRAFTS_LIMITS.maxComponentHeight}
              onCommit={(value) => value !== undefined && change((current) => ({ ...current, customComponent: { ...current.customComponent, height: value } }))}
            />
          </FormField>
          <fieldset className={styles.box} data-testid="component-channels" data-field="customComponent.channelIds">
            <legend className={styles.legend}>{t('customComponent.channels')}</legend>
            {drafts.channels.length === 0 ? (
              <p className={styles.text}>{t('customComponent.noChannel')}</p>
            ) : (
              <>
                {drafts.channels.map((channel) => (
                  <Checkbox
                    key={channel.id}
                    label={`${channel.name} (${channel.phoneNumber})`}
                    checked={component.channelIds.includes(channel.id)}
                    onChange={(_event, data) =>
                      change((current) => {
                        const ids = current.customComponent.channelIds.filter((id) => id !== channel.id);
                        return { ...current, customComponent: { ...current.customComponent, channelIds: data.checked === true ? [...ids, channel.id] : ids } };
                      })
                    }
                  />
                ))}
                <p className={styles.text} data-testid="component-channels-scope">
                  {component.channelIds.length === 0 ? t('customComponent.channelsAll') : t('customComponent.channelsSome')}
                </p>
              </>
            )}
            <FindingLines findings={findingsAt(findings, ['customComponent', 'channelIds'])} />
          </fieldset>
          <FormField label={t('customComponent.smooch')} findings={findingsAt(findings, ['customComponent', 'smoochDeleted'])} path={['customComponent', 'smoochDeleted']}>
            <Checkbox
              label={t('customComponent.smooch')}
              checked={component.smoochDeleted}
              onChange={(_event, data) => change((current) => ({ ...current, customComponent: { ...current.customComponent, smoochDeleted: data.checked === true } }))}
            />
          </FormField>
        </div>
      )}
    </StepPage>
  );
}
