import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { StepPage } from '../../components/step-page';

const PHONE_ITEMS = ['notUsed', 'international', 'type', 'code', 'personal'] as const;
const BUSINESS_ITEMS = ['approved', 'verified', 'managerId', 'nameDescription', 'logo', 'timeZone', 'contact'] as const;

const useStyles = makeStyles({
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))', gap: tokens.spacingHorizontalXL },
  intro: { margin: 0 },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { marginBlock: tokens.spacingVerticalXS, paddingInlineStart: tokens.spacingHorizontalXL, lineHeight: tokens.lineHeightBase300 },
});

/**
 * Step 1: the manual's prerequisites, as a read-only list to gather before starting.
 *
 * Meta refuses a number already used with the API or one that cannot receive a code; knowing
 * that up front saves an admin an afternoon in Meta's signup.
 */
export default function RequirementsStep() {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <StepPage id="requirements">
      <p className={styles.intro}>{t('requirements.checklistTitle')}</p>
      <div className={styles.columns}>
        <section aria-labelledby="requirements-phone">
          <h3 id="requirements-phone" className={styles.h3}>
            {t('requirements.phoneTitle')}
          </h3>
          <ul className={styles.list}>
            {PHONE_ITEMS.map((item) => (
              <li key={item}>{t(`requirements.phone.${item}`)}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="requirements-business">
          <h3 id="requirements-business" className={styles.h3}>
            {t('requirements.businessTitle')}
          </h3>
          <ul className={styles.list}>
            {BUSINESS_ITEMS.map((item) => (
              <li key={item}>{t(`requirements.business.${item}`)}</li>
            ))}
          </ul>
        </section>
      </div>
    </StepPage>
  );
}
