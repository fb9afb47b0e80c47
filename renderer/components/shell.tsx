import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { stepDefinition } from '../../shared/steps';
import { parseHash, redirect, useHash } from '../routing/hash-route';
import { useWorkspaceStore } from '../state/workspace-store';
import { SETTINGS_PAGE as SettingsPage, STEP_PAGES } from '../steps/registry';
import { AppHeader } from './app-header';
import { STEP_CONTENT_ID } from './skip-target';
import { NoticesBar } from './notices-bar';
import { StepRail } from './step-rail';

const useStyles = makeStyles({
  shell: { display: 'grid', gridTemplateRows: 'auto 1fr', height: '100%', minHeight: 0 },
  // Off screen until focused: the first Tab stop of every step screen.
  skip: {
    position: 'absolute',
    insetInlineStart: tokens.spacingHorizontalM,
    insetBlockStart: '-10rem',
    zIndex: 10,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    ':focus': { insetBlockStart: tokens.spacingVerticalS },
  },
  body: { display: 'grid', gridTemplateColumns: 'minmax(14rem, 18rem) 1fr', minHeight: 0 },
  main: {
    overflowY: 'auto',
    paddingBlock: tokens.spacingVerticalXL,
    paddingInline: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
});

/**
 * The window's layout (header, step rail, main area) and the hash router.
 *
 * With no route (first start, or a stale link) it opens the step the admin was last on; every
 * step opened is remembered through `progress:set`, so a restart returns there.
 */
export function Shell() {
  const { t } = useTranslation();
  const styles = useStyles();
  const hash = useHash();
  const route = parseHash(hash);
  const lastStep = useWorkspaceStore((state) => state.progress?.currentStep ?? 'requirements');
  const visit = useWorkspaceStore((state) => state.visit);
  const stepId = route?.kind === 'step' ? route.id : null;
  const isSettings = route?.kind === 'settings';

  useEffect(() => {
    if (!route) redirect({ kind: 'step', id: lastStep });
  }, [route, lastStep]);

  useEffect(() => {
    if (stepId) void visit(stepId);
  }, [stepId, visit]);

  const pageTitle = stepId ? t(`steps.${stepId}.title`) : isSettings ? t('settings.title') : '';
  const product = t('app.productName');
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} – ${product}` : product;
  }, [pageTitle, product]);

  const StepComponent = stepId ? STEP_PAGES[stepDefinition(stepId).id] : null;
  return (
    <div className={styles.shell}>
      {stepId && (
        <a
          href={`#${STEP_CONTENT_ID}`}
          className={styles.skip}
          onClick={(event) => {
            // The hash is the router's: move focus by hand instead of following the fragment.
            event.preventDefault();
            document.getElementById(STEP_CONTENT_ID)?.focus();
          }}
        >
          {t('step.skipToContent')}
        </a>
      )}
      <AppHeader onSettings={isSettings} />
      <div className={styles.body}>
        <StepRail currentStep={stepId} />
        <main className={styles.main}>
          <NoticesBar />
          <Suspense fallback={<Spinner label={t('app.loadingPage')} />}>
            {isSettings && <SettingsPage />}
            {StepComponent && <StepComponent key={stepId} />}
          </Suspense>
        </main>
      </div>
    </div>
  );
}
