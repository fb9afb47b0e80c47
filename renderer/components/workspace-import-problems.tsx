import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../shared/ipc/contract/drafts';
import { isCatalogKey } from '../i18n/keys';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  // Locations such as `skills[3].name` are read character by character: a monospace font helps.
  location: { fontFamily: tokens.fontFamilyMonospace },
});

/**
 * One problem's reason, in the admin's language.
 *
 * Main sends codes only (`drafts.import.tooLong`); their words live with the other drafts
 * errors under `errors.<code>`. A code this release does not word (a newer main) still reads
 * as a sentence, never as a key.
 */
function useReason(): (code: string) => string {
  const { t } = useTranslation();
  return (code) => {
    const key = `errors.${code}`;
    return isCatalogKey(key, 'errors.drafts.import.') ? t(key) : t('workspace.importProblems.generic');
  };
}

/**
 * The problems of a workspace file that could not be imported, every one with its location.
 *
 * All of them at once (main lists up to 200 and counts the rest), so an admin fixing a
 * hand-edited file does it in one pass rather than one import per mistake. Nothing was changed,
 * and the dialog says so.
 */
export function WorkspaceImportProblems({ fileName, problems, more, onClose }: { fileName: string; problems: readonly ImportProblem[]; more: number; onClose: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const reason = useReason();
  const introId = useId();
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface aria-describedby={introId} data-testid="import-problems">
        <DialogBody>
          <DialogTitle>{t('workspace.importProblems.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text as="p" id={introId}>
              {t('workspace.importProblems.intro', { fileName, count: problems.length + more })}
            </Text>
            <ul className={styles.list} aria-label={t('workspace.importProblems.listLabel')}>
              {problems.map((problem, index) => (
                // The same location may carry two problems: the index keeps keys unique.
                <li key={`${index}-${problem.path}`}>
                  {problem.path === '' ? (
                    reason(problem.code)
                  ) : (
                    <Trans i18nKey="workspace.importProblems.atLocation" values={{ location: problem.path, reason: reason(problem.code) }} components={[<span key="location" className={styles.location} />]} />
                  )}
                </li>
              ))}
            </ul>
            {more > 0 && <Text as="p">{t('workspace.importProblems.more', { count: more })}</Text>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {t('workspace.importProblems.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
