import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import { Open16Regular } from '@fluentui/react-icons/svg/open';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors/index';
import { isCatalogKey } from '../../i18n/keys';
import { call, setupApi } from '../../state/ipc';
import { VISUALLY_HIDDEN } from '../../components/visually-hidden';

/** The groups of a phone number's values the board names (`status.values.<group>.<VALUE>`). */
export type NumberValueGroup = 'name' | 'phone' | 'quality' | 'limit' | 'throughput' | 'platform';

/** How a value reads at a glance; the words always say it too, colour is never alone. */
type Tone = 'success' | 'warning' | 'danger' | 'informative' | 'subtle';

/**
 * The tone of each value the app knows. Good (green), needs attention (amber), blocks messaging
 * (red), neutral facts (blue), and values that only say "not yet" or "gone" (grey). A value Meta
 * adds later shows grey with its own name.
 */
const TONES: Readonly<Record<NumberValueGroup, Readonly<Record<string, Tone>>>> = {
  name: { APPROVED: 'success', AVAILABLE_WITHOUT_REVIEW: 'success', PENDING_REVIEW: 'warning', DECLINED: 'danger', EXPIRED: 'warning', NONE: 'subtle' },
  phone: {
    CONNECTED: 'success',
    PENDING: 'warning',
    UNVERIFIED: 'warning',
    FLAGGED: 'warning',
    RATE_LIMITED: 'warning',
    RESTRICTED: 'danger',
    BANNED: 'danger',
    DISCONNECTED: 'danger',
    MIGRATED: 'informative',
    LINKED: 'informative',
    UNLINKED: 'subtle',
    DELETED: 'subtle',
    UNKNOWN: 'subtle',
  },
  quality: { GREEN: 'success', YELLOW: 'warning', RED: 'danger', NA: 'subtle', UNKNOWN: 'subtle' },
  limit: {},
  throughput: { STANDARD: 'informative', HIGH: 'informative', NOT_APPLICABLE: 'subtle' },
  platform: { CLOUD_API: 'informative', ON_PREMISE: 'informative', NOT_APPLICABLE: 'subtle' },
};

/**
 * A value of a number in the admin's words: its label when the app knows it, "Other (VALUE)"
 * for one Meta added since, "Unknown" when Meta did not say.
 */
export function useNumberValue(): (group: NumberValueGroup, value: string | null) => string {
  const { t } = useTranslation();
  return (group, value) => {
    if (value === null || value === '') return t('status.values.unknown');
    const key = `status.values.${group}.${value}`;
    return isCatalogKey(key, 'status.values.') ? t(key) : t('status.values.other', { value });
  };
}

/** A value as a badge: colour and words together. */
export function ValueBadge({ group, value }: { group: NumberValueGroup; value: string | null }) {
  const label = useNumberValue();
  const tone: Tone = value === null ? 'subtle' : (TONES[group][value] ?? (group === 'limit' ? 'informative' : 'subtle'));
  return (
    <Badge appearance="tint" color={tone} shape="rounded" data-value={value ?? ''}>
      {label(group, value)}
    </Badge>
  );
}

const useStyles = makeStyles({
  link: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  hidden: VISUALLY_HIDDEN,
});

/** A link to one of Meta's pages (or WhatsApp Manager), opened in the system browser. */
export function ExternalLink({ url, label, onError, testId }: { url: string; label: string; onError: (error: AppErrorShape | null) => void; testId?: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Link
      className={styles.link}
      data-testid={testId}
      onClick={() => {
        void call(() => setupApi().app.openExternal({ url })).then((result) => onError(result.ok ? null : result.error));
      }}
    >
      {label}
      <Open16Regular aria-hidden />
      <span className={styles.hidden}>{` ${t('settings.opensExternal')}`}</span>
    </Link>
  );
}
