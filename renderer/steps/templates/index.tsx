import { Badge, Button, Field, Link, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons/svg/arrow-clockwise';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors/index';
import { managerLink } from '../../../shared/model/meta/manager-links';
import type { TemplateReading } from '../../../shared/model/templates/templates';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { ErrorBar } from '../../components/error-bar';
import { ReadingAge } from '../../components/reading-age';
import { StepPage } from '../../components/step-page';
import { isCatalogKey } from '../../i18n/keys';
import { hashFor } from '../../routing/hash-route';
import { useStatusStore } from '../../state/status-store';
import { useTemplatesStore } from '../../state/templates-store';
import { ExternalLink } from '../number-status/values';

/** Meta's pages the step's rules come from. */
export const META_PAGES = {
  templates: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/overview',
  window: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/send-messages#customer-service-windows',
  optIn: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/getting-opt-in',
} as const;

type Group = 'status' | 'category' | 'quality' | 'reason';
type Tone = 'success' | 'warning' | 'danger' | 'informative' | 'subtle';

/** How a template's review and quality read at a glance; the words always say it too. */
const TONES: Readonly<Record<'status' | 'quality', Readonly<Record<string, Tone>>>> = {
  status: {
    APPROVED: 'success',
    PENDING: 'warning',
    IN_APPEAL: 'warning',
    PAUSED: 'warning',
    REJECTED: 'danger',
    DISABLED: 'danger',
    LIMIT_EXCEEDED: 'danger',
    PENDING_DELETION: 'subtle',
    DELETED: 'subtle',
    ARCHIVED: 'subtle',
  },
  quality: { GREEN: 'success', YELLOW: 'warning', RED: 'danger', UNKNOWN: 'subtle' },
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexGrow: 1 },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  text: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  rules: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  rule: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** A template's value in the admin's words; "Other (VALUE)" for one Meta added since. */
function useTemplateValue(): (group: Group, value: string | null) => string {
  const { t } = useTranslation();
  return (group, value) => {
    if (value === null) return t('templates.values.none');
    const key = `templates.values.${group}.${value}`;
    return isCatalogKey(key, 'templates.values.') ? t(key) : t('templates.values.other', { value });
  };
}

function TemplateBadge({ group, value }: { group: 'status' | 'quality'; value: string | null }) {
  const label = useTemplateValue();
  if (value === null) return <>{label(group, null)}</>;
  return (
    <Badge appearance="tint" shape="rounded" color={TONES[group][value] ?? 'subtle'} data-value={value}>
      {label(group, value)}
    </Badge>
  );
}

/** A language code as the admin reads it (`fr` → French), keeping the code beside it. */
function useLanguageName(): (code: string) => string {
  const { i18n } = useTranslation();
  const names = useMemo(() => {
    try {
      return new Intl.DisplayNames([i18n.language], { type: 'language' });
    } catch {
      return null;
    }
  }, [i18n.language]);
  return (code) => {
    try {
      const name = names?.of(code.replace('_', '-'));
      return name && name !== code ? `${name} (${code})` : code;
    } catch {
      return code;
    }
  };
}

/** The filters above the table: one select per field, "All" first, with the values present. */
function FilterSelect({ label, value, options, onChange, testId }: { label: string; value: string; options: readonly { value: string; label: string }[]; onChange: (value: string) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Field label={label}>
      <Select value={value} onChange={(_event, data) => onChange(data.value)} data-testid={testId}>
        <option value="">{t('templates.filters.all')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The rules an admin must know before agents send templates: the manual's, and Meta's linked pages. */
function TemplateRules({ onError }: { onError: (error: AppErrorShape | null) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <section className={styles.rules} aria-labelledby="templates-rules-title" data-testid="templates-rules">
      <h3 id="templates-rules-title" className={styles.h3}>
        {t('templates.rules.title')}
      </h3>
      <div className={styles.rule}>
        <Text weight="semibold">{t('templates.rules.windowTitle')}</Text>
        <p className={styles.text}>{t('templates.rules.window')}</p>
        <p className={styles.text} data-testid="templates-window-example">
          {t('templates.rules.windowExample')}
        </p>
        <ExternalLink url={META_PAGES.window} label={t('templates.rules.windowPage')} onError={onError} />
      </div>
      <div className={styles.rule}>
        <Text weight="semibold">{t('templates.rules.surveyTitle')}</Text>
        <p className={styles.text}>{t('templates.rules.survey')}</p>
      </div>
      <div className={styles.rule}>
        <Text weight="semibold">{t('templates.rules.optInTitle')}</Text>
        <p className={styles.text}>{t('templates.rules.optIn')}</p>
        <p className={styles.text}>{t('templates.rules.flagged')}</p>
        <ExternalLink url={META_PAGES.optIn} label={t('templates.rules.optInPage')} onError={onError} />
      </div>
      <ExternalLink url={META_PAGES.templates} label={t('templates.rules.templatesPage')} onError={onError} />
    </section>
  );
}

/**
 * Step 5: the message templates of the chosen account, as Meta reviewed them: status, category,
 * language, quality and why a rejected one was rejected; filtered and searched. Templates are
 * created and edited in WhatsApp Manager (the manual), linked here. Below, the rules that decide
 * when agents need them.
 */
export default function TemplatesStep() {
  const { t } = useTranslation();
  const styles = useStyles();
  const state = useTemplatesStore((store) => store.state);
  const error = useTemplatesStore((store) => store.error);
  const refreshing = useTemplatesStore((store) => store.refreshing);
  const refresh = useTemplatesStore((store) => store.refresh);
  const load = useTemplatesStore((store) => store.load);
  const subscribe = useTemplatesStore((store) => store.subscribe);
  const businessId = useStatusStore((store) => store.board?.businessId ?? null);
  const loadBoard = useStatusStore((store) => store.load);
  const subscribeBoard = useStatusStore((store) => store.subscribe);
  const [linkError, setLinkError] = useState<AppErrorShape | null>(null);
  const [status, setStatus] = useState('');
  const [category, setCategory] = useState('');
  const [language, setLanguage] = useState('');
  const value = useTemplateValue();
  const languageName = useLanguageName();

  useEffect(() => {
    const stop = subscribe();
    // The board names the portfolio, for the WhatsApp Manager link.
    const stopBoard = subscribeBoard();
    void load();
    void loadBoard();
    return () => {
      stop();
      stopBoard();
    };
  }, [subscribe, load, subscribeBoard, loadBoard]);

  const templates = useMemo(() => state?.templates?.value ?? [], [state]);
  const distinct = (pick: (template: TemplateReading) => string) => [...new Set(templates.map(pick))].sort();
  const rows = templates.filter((template) => (!status || template.status === status) && (!category || template.category === category) && (!language || template.language === language));

  const columns = useMemo<DataTableColumn<TemplateReading>[]>(
    () => [
      { id: 'name', header: t('templates.table.name'), width: 'minmax(0, 1.6fr)', cell: (template) => template.name, text: (template) => template.name },
      { id: 'language', header: t('templates.table.language'), cell: (template) => languageName(template.language), text: (template) => languageName(template.language) },
      { id: 'category', header: t('templates.table.category'), cell: (template) => value('category', template.category), text: (template) => value('category', template.category) },
      { id: 'status', header: t('templates.table.status'), cell: (template) => <TemplateBadge group="status" value={template.status} />, text: (template) => value('status', template.status) },
      { id: 'quality', header: t('templates.table.quality'), cell: (template) => <TemplateBadge group="quality" value={template.qualityScore} />, text: (template) => value('quality', template.qualityScore) },
      {
        id: 'reason',
        header: t('templates.table.reason'),
        width: 'minmax(0, 1.4fr)',
        cell: (template) => value('reason', template.rejectedReason),
        text: (template) => (template.rejectedReason ? value('reason', template.rejectedReason) : ''),
      },
    ],
    [t, value, languageName],
  );

  const shownError = linkError ?? error;
  const wabaId = state?.wabaId ?? null;
  return (
    <StepPage id="templates">
      <div className={styles.root} data-testid="templates-step">
        {!state ? (
          <Spinner size="small" label={t('templates.loading')} />
        ) : wabaId === null ? (
          <p className={styles.text} data-testid="templates-no-account">
            {t('templates.noAccount')} <Link href={hashFor({ kind: 'step', id: 'connect' })}>{t('status.board.stepTwo')}</Link>
          </p>
        ) : (
          <>
            <div className={styles.head}>
              <div className={styles.lines}>
                {state.templates ? <ReadingAge readAt={state.templates.readAt} stale={error !== null} testId="templates-read-at" /> : <p className={styles.muted}>{t('templates.neverRead')}</p>}
                <ExternalLink url={managerLink('templates', { wabaId, businessId })} label={t('templates.openManager')} onError={setLinkError} testId="templates-manager-link" />
              </div>
              <Button icon={refreshing ? <Spinner size="tiny" /> : <ArrowClockwise20Regular />} disabledFocusable={refreshing} onClick={() => void refresh()}>
                {refreshing ? t('templates.refreshing') : t('templates.refresh')}
              </Button>
            </div>
            {shownError && <ErrorBar error={shownError} onRetry={() => void refresh()} />}
            {state.templates && templates.length === 0 && <p className={styles.muted}>{t('templates.none')}</p>}
            {templates.length > 0 && (
              <>
                <div className={styles.filters}>
                  <FilterSelect
                    label={t('templates.filters.status')}
                    value={status}
                    onChange={setStatus}
                    testId="templates-filter-status"
                    options={distinct((template) => template.status).map((option) => ({ value: option, label: value('status', option) }))}
                  />
                  <FilterSelect
                    label={t('templates.filters.category')}
                    value={category}
                    onChange={setCategory}
                    testId="templates-filter-category"
                    options={distinct((template) => template.category).map((option) => ({ value: option, label: value('category', option) }))}
                  />
                  <FilterSelect
                    label={t('templates.filters.language')}
                    value={language}
                    onChange={setLanguage}
                    testId="templates-filter-language"
                    options={distinct((template) => template.language).map((option) => ({ value: option, label: languageName(option) }))}
                  />
                </div>
                <DataTable label={t('templates.table.label')} rows={rows} rowKey={(template) => template.id} columns={columns} emptyText={t('templates.table.empty')} testId="templates-table" />
              </>
            )}
          </>
        )}
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <TemplateRules onError={setLinkError} />
          </MessageBarBody>
        </MessageBar>
      </div>
    </StepPage>
  );
}
