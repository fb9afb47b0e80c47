import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBar } from '../../components/error-bar';
import { StepPage } from '../../components/step-page';
import { useRequirementsStore } from '../../state/requirements-store';

/**
 * The form, in a chunk of its own: it carries the phone numbering plans of every country, which
 * the step's frame (the first screen at start-up) must not wait for.
 */
const RequirementsFormView = lazy(() => import('./requirements-form').then((module) => ({ default: module.RequirementsFormView })));

const useStyles = makeStyles({
  saveLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: tokens.lineHeightBase300, margin: 0, color: tokens.colorNeutralForeground2 },
});

/** Whether step 1's values are on their way to main, or when they got there. */
function SaveState() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const saving = useRequirementsStore((state) => state.saving);
  const savedAt = useRequirementsStore((state) => state.savedAt);
  const error = useRequirementsStore((state) => state.error);
  const flush = useRequirementsStore((state) => state.flush);
  const change = useRequirementsStore((state) => state.change);
  const requirements = useRequirementsStore((state) => state.requirements);
  return (
    <>
      {error && <ErrorBar error={error} />}
      <p className={styles.saveLine} role="status" aria-live="polite" data-testid="requirements-save-state">
        {saving ? (
          <Spinner size="extra-tiny" labelPosition="after" label={t('requirements.form.saving')} />
        ) : savedAt ? (
          <Text>{t('requirements.form.savedAt', { time: new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(new Date(savedAt)) })}</Text>
        ) : null}
        {error && requirements && (
          <Button
            size="small"
            onClick={() => {
              change(requirements);
              void flush();
            }}
          >
            {t('requirements.form.retry')}
          </Button>
        )}
      </p>
    </>
  );
}

/**
 * Step 1: what the manual asks to have before Meta's signup, gathered and checked.
 *
 * Meta refuses a number already used with the API or one that cannot receive a code, and a
 * logo that is not square costs a round trip; knowing that up front saves an admin an afternoon
 * in Meta's signup. The values load when the step opens (not at start-up) and are saved per
 * workspace as they are typed.
 */
export default function RequirementsStep() {
  const { t } = useTranslation();
  const subscribe = useRequirementsStore((state) => state.subscribe);
  const load = useRequirementsStore((state) => state.load);
  const requirements = useRequirementsStore((state) => state.requirements);
  const workspaceId = useRequirementsStore((state) => state.workspaceId);
  const loadedRevision = useRequirementsStore((state) => state.loadedRevision);
  const logo = useRequirementsStore((state) => state.logo);

  useEffect(() => {
    const stop = subscribe();
    void load();
    return stop;
  }, [subscribe, load]);

  const loading = <Spinner size="small" label={t('requirements.form.loading')} />;
  return (
    <StepPage id="requirements">
      <SaveState />
      {requirements && workspaceId ? (
        <Suspense fallback={loading}>
          <RequirementsFormView key={`${workspaceId}:${loadedRevision}`} initial={requirements} logo={logo} />
        </Suspense>
      ) : (
        loading
      )}
    </StepPage>
  );
}
