import { Button, Link, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons/svg/arrow-clockwise';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors/index';
import type { PhoneNumberReading } from '../../../shared/model/meta/account';
import { managerLink } from '../../../shared/model/meta/manager-links';
import type { PollingState, StatusBoard } from '../../../shared/model/status/status';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { ErrorBar } from '../../components/error-bar';
import { formatWhen, ReadingAge } from '../../components/reading-age';
import { hashFor } from '../../routing/hash-route';
import { useStatusStore } from '../../state/status-store';
import { ExternalLink, useNumberValue, ValueBadge } from './values';

/** Meta's page on managing the webhooks of a WhatsApp Business account (subscribing apps to it). */
export const WEBHOOKS_PAGE = 'https://developers.facebook.com/documentation/business-messaging/whatsapp/solution-providers/manage-webhooks';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexGrow: 1, minWidth: '16rem' },
  line: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  name: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  nameText: { overflow: 'hidden', textOverflow: 'ellipsis' },
});

/** What the background checks are doing, in one sentence; null when a message bar says it. */
function usePollingText(): (polling: PollingState) => string | null {
  const { t, i18n } = useTranslation();
  return (polling) => {
    const time = (iso: string | null) => (iso ? formatWhen(iso, i18n.language) : '');
    if (polling.state === 'checking') return t('status.polling.checking');
    if (polling.state === 'scheduled') return polling.reason === 'failing' ? t('status.polling.failing', { time: time(polling.nextCheckAt) }) : t('status.polling.scheduled', { time: time(polling.nextCheckAt) });
    if (polling.reason === 'offline') return t('status.polling.offline', { time: time(polling.nextCheckAt) });
    if (polling.reason === 'rateLimited') return t('status.polling.rateLimited', { time: time(polling.resumesAt) });
    return null;
  };
}

/** Why nothing is checked, with the way to step 2; null while checks run. */
function NothingToCheck({ polling }: { polling: PollingState }) {
  const { t } = useTranslation();
  const reason = polling.state === 'off' || polling.reason === 'needsLogin' ? polling.reason : null;
  if (reason !== 'noAccount' && reason !== 'notConnected' && reason !== 'needsLogin') return null;
  return (
    <MessageBar intent={reason === 'needsLogin' ? 'warning' : 'info'} layout="multiline" data-testid="status-off" data-reason={reason}>
      <MessageBarBody>
        {t(`status.polling.${reason}`)} <Link href={hashFor({ kind: 'step', id: 'connect' })}>{t('status.board.stepTwo')}</Link>
      </MessageBarBody>
    </MessageBar>
  );
}

/** Whether an app receives the account's webhooks, and why it matters when none does. */
function SubscriptionLine({ board, onError }: { board: StatusBoard; onError: (error: AppErrorShape | null) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const reading = board.subscription;
  if (!reading) return null;
  if (reading.value.subscribed) {
    const apps = reading.value.apps.join(', ');
    return (
      <p className={styles.muted} data-testid="status-subscription" data-subscribed="true">
        <Text weight="semibold">{t('status.subscription.title')}</Text> {apps ? t('status.subscription.subscribed', { apps }) : t('status.subscription.subscribedUnnamed')}
      </p>
    );
  }
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="status-subscription" data-subscribed="false">
      <MessageBarBody>
        {t('status.subscription.none')} <ExternalLink url={WEBHOOKS_PAGE} label={t('status.subscription.metaPage')} onError={onError} />
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Step 3's board: every number of the chosen account with its display name and review, status,
 * quality rating, messaging limit, throughput and platform, each in colour and words; when it
 * was read and when the next check comes (or why it waits); Refresh; the webhook subscription.
 */
export function StatusBoardView() {
  const { t } = useTranslation();
  const styles = useStyles();
  const board = useStatusStore((state) => state.board);
  const error = useStatusStore((state) => state.error);
  const refreshing = useStatusStore((state) => state.refreshing);
  const refresh = useStatusStore((state) => state.refresh);
  const [linkError, setLinkError] = useState<AppErrorShape | null>(null);
  const pollingText = usePollingText();
  const value = useNumberValue();

  const columns = useMemo<DataTableColumn<PhoneNumberReading>[]>(
    () => [
      { id: 'number', header: t('status.columns.number'), width: 'minmax(0, 1.3fr)', cell: (number) => number.displayPhoneNumber, text: (number) => number.displayPhoneNumber },
      {
        id: 'name',
        header: t('status.columns.name'),
        width: 'minmax(0, 2fr)',
        cell: (number) => (
          <span className={styles.name}>
            <span className={styles.nameText}>{number.verifiedName ?? value('name', null)}</span>
            <ValueBadge group="name" value={number.nameStatus} />
          </span>
        ),
        text: (number) => `${number.verifiedName ?? ''} ${value('name', number.nameStatus)}`,
      },
      { id: 'status', header: t('status.columns.status'), cell: (number) => <ValueBadge group="phone" value={number.status} />, text: (number) => value('phone', number.status) },
      { id: 'quality', header: t('status.columns.quality'), cell: (number) => <ValueBadge group="quality" value={number.qualityRating} />, text: (number) => value('quality', number.qualityRating) },
      { id: 'limit', header: t('status.columns.limit'), width: 'minmax(0, 0.8fr)', cell: (number) => <ValueBadge group="limit" value={number.messagingLimit} /> },
      { id: 'throughput', header: t('status.columns.throughput'), cell: (number) => <ValueBadge group="throughput" value={number.throughputLevel} /> },
      { id: 'platform', header: t('status.columns.platform'), cell: (number) => <ValueBadge group="platform" value={number.platformType} /> },
    ],
    [t, styles, value],
  );

  if (!board) return <Spinner size="small" label={t('status.board.loading')} />;
  const shownError = linkError ?? error ?? board.lastError;
  const polling = pollingText(board.polling);
  const checking = board.polling.state === 'checking' || refreshing;

  return (
    <div className={styles.root} data-testid="status-board">
      <div className={styles.head}>
        <div className={styles.lines}>
          {board.accountName && (
            <p className={styles.line}>
              <Text weight="semibold">{t('status.board.account', { name: board.accountName })}</Text>
            </p>
          )}
          {board.lastCheckedAt ? <ReadingAge readAt={board.lastCheckedAt} stale={board.lastError !== null} testId="status-read-at" /> : board.wabaId && <p className={styles.muted}>{t('status.board.neverChecked')}</p>}
          {polling && (
            <p className={styles.muted} role="status" aria-live="polite" data-testid="status-polling" data-state={board.polling.state} data-reason={board.polling.reason ?? ''}>
              {polling}
            </p>
          )}
        </div>
        {board.wabaId && (
          <Button icon={checking ? <Spinner size="tiny" /> : <ArrowClockwise20Regular />} disabledFocusable={checking} onClick={() => void refresh()}>
            {checking ? t('status.board.refreshing') : t('status.board.refresh')}
          </Button>
        )}
      </div>
      {board.wabaId && <ExternalLink url={managerLink('phoneNumbers', { wabaId: board.wabaId, businessId: board.businessId })} label={t('status.board.openManager')} onError={setLinkError} testId="status-manager-link" />}
      {shownError && <ErrorBar error={shownError} onRetry={board.wabaId ? () => void refresh() : undefined} />}
      <NothingToCheck polling={board.polling} />
      <SubscriptionLine board={board} onError={setLinkError} />
      {board.numbers.length > 0 && <DataTable label={t('status.board.table')} rows={board.numbers} rowKey={(number) => number.id} columns={columns} height={Math.min(320, 36 * (board.numbers.length + 1) + 2)} testId="status-numbers" />}
      {board.numbers.length === 0 && board.lastCheckedAt && <p className={styles.muted}>{t('status.board.noNumbers')}</p>}
    </div>
  );
}
