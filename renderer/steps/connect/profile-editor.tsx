import { Button, Dropdown, Field, Input, Option, Spinner, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors/index';
import { BusinessProfileUpdate, PROFILE_LIMITS, type AccountState, type BusinessProfile } from '../../../shared/model/meta/account';
import { isKnown, VERTICALS, type Vertical } from '../../../shared/model/meta/values';
import { ErrorBar } from '../../components/error-bar';
import { ReadingAge } from '../../components/reading-age';
import { validationKey } from '../../i18n/keys';
import { useAccountStore } from '../../state/account-store';
import { call, setupApi } from '../../state/ipc';
import { PANEL_STYLES } from './panel-styles';

const useStyles = makeStyles({
  box: PANEL_STYLES.box,
  h4: PANEL_STYLES.h4,
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  text: PANEL_STYLES.text,
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** The form's values: texts as typed, both website boxes, the category. */
interface ProfileForm {
  about: string;
  address: string;
  description: string;
  email: string;
  website1: string;
  website2: string;
  vertical: Vertical | null;
}

type ProfileField = keyof BusinessProfileUpdate;

/** What the last action of the form came to, said in its status line. */
type ProfileOutcome = 'saved' | 'unchanged' | 'filled' | 'nothingInStep1' | null;

function formOf(profile: BusinessProfile): ProfileForm {
  return {
    about: profile.about,
    address: profile.address,
    description: profile.description,
    email: profile.email,
    website1: profile.websites[0] ?? '',
    website2: profile.websites[1] ?? '',
    vertical: isKnown(VERTICALS, profile.vertical) ? profile.vertical : null,
  };
}

/** Only what changed, so a save never overwrites a field the admin did not touch. */
function changesOf(form: ProfileForm, profile: BusinessProfile): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of ['about', 'address', 'description', 'email'] as const) if (form[field].trim() !== profile[field]) changes[field] = form[field];
  const websites = [form.website1, form.website2].map((site) => site.trim()).filter((site) => site !== '');
  if (websites.join('\n') !== profile.websites.join('\n')) changes.websites = websites;
  if (form.vertical !== null && form.vertical !== profile.vertical) changes.vertical = form.vertical;
  return changes;
}

/**
 * A number's WhatsApp business profile, read from Meta and edited with Meta's limits checked as
 * the admin types (About 1 to 139 characters, address 256, description 512, email 128, at most
 * two websites of 256; PROFILE_LIMITS), so Meta is sent only what it accepts.
 *
 * The category labels are Meta's English ones; the French labels are this app's translations
 * (Meta's French words are not in our sources).
 */
export function ProfileEditor({ phoneNumberId, display, account, connected }: { phoneNumberId: string; display: string; account: AccountState; connected: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  const { busy, failure, loadProfile } = useAccountStore();
  const reading = account.profiles[phoneNumberId] ?? null;

  useEffect(() => {
    if (!reading && connected) void loadProfile(phoneNumberId);
    // Once per number opened: a failure is shown with its own retry.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [phoneNumberId]);

  // Kept here: a save reads the profile back, which starts the form again from the new reading.
  const [outcome, setOutcome] = useState<ProfileOutcome>(null);
  const readFailed = failure?.work === 'profile' ? failure : null;
  return (
    <section className={styles.box} aria-labelledby={headingId} data-testid="profile-editor">
      <h4 id={headingId} className={styles.h4}>
        {t('onboarding.profile.title', { number: display })}
      </h4>
      <p className={styles.text}>{t('onboarding.profile.intro')}</p>
      {readFailed && <ErrorBar error={readFailed.error} onRetry={connected && !busy ? () => void readFailed.retry() : undefined} />}
      {reading ? (
        <>
          <ReadingAge readAt={reading.readAt} stale={readFailed !== null} />
          <ProfileFormView key={reading.readAt} phoneNumberId={phoneNumberId} profile={reading.value} connected={connected} outcome={outcome} onOutcome={setOutcome} />
        </>
      ) : busy === 'profile' ? (
        <Spinner size="tiny" label={t('onboarding.account.reading')} />
      ) : (
        connected && (
          <div>
            <Button onClick={() => void loadProfile(phoneNumberId)}>{t('onboarding.profile.load')}</Button>
          </div>
        )
      )}
    </section>
  );
}

function ProfileFormView({
  phoneNumberId,
  profile,
  connected,
  outcome,
  onOutcome: setOutcome,
}: {
  phoneNumberId: string;
  profile: BusinessProfile;
  connected: boolean;
  outcome: ProfileOutcome;
  onOutcome: (outcome: ProfileOutcome) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const saveProfile = useAccountStore((state) => state.saveProfile);
  const saving = useAccountStore((state) => state.busy === 'saveProfile');
  const [form, setForm] = useState<ProfileForm>(() => formOf(profile));
  const [problems, setProblems] = useState<Partial<Record<ProfileField, string>>>({});
  const [error, setError] = useState<AppErrorShape | null>(null);

  const change = (field: keyof ProfileForm) => (_event: unknown, data: { value: string }) => {
    setForm((current) => ({ ...current, [field]: data.value }));
    setOutcome(null);
  };
  const count = (value: string, max: number) => t('onboarding.profile.count', { count: value.trim().length, max });
  const problem = (field: ProfileField) => (problems[field] ? { validationState: 'error' as const, validationMessage: problems[field] } : {});

  async function fillFromStep1(): Promise<void> {
    const result = await call(() => setupApi().requirements.get());
    if (!result.ok) return setError(result.error);
    const { businessDescription, address, email, website } = result.value.requirements;
    const filled = { description: businessDescription.trim(), address: address.trim(), email: email.trim(), website1: website.trim() };
    const useful = Object.entries(filled).filter(([, value]) => value !== '');
    if (useful.length === 0) return setOutcome('nothingInStep1');
    setForm((current) => ({ ...current, ...Object.fromEntries(useful) }));
    setOutcome('filled');
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(null);
    const changes = changesOf(form, profile);
    if (Object.keys(changes).length === 0) return setOutcome('unchanged');
    const checked = BusinessProfileUpdate.safeParse(changes);
    if (!checked.success) {
      const found: Partial<Record<ProfileField, string>> = {};
      for (const issue of checked.error.issues) {
        const field = issue.path[0];
        if (typeof field === 'string' && !(field in found)) found[field as ProfileField] = t(validationKey(issue.message));
      }
      setProblems(found);
      return;
    }
    setProblems({});
    const result = await saveProfile(phoneNumberId, checked.data);
    if (result.ok) setOutcome('saved');
    else setError(result.error);
  }

  const websiteProblem = problems.websites;
  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
      {error && <ErrorBar error={error} />}
      <Field label={t('onboarding.profile.about')} hint={count(form.about, PROFILE_LIMITS.about[1])} {...problem('about')}>
        <Input value={form.about} onChange={change('about')} />
      </Field>
      <Field label={t('onboarding.profile.description')} hint={count(form.description, PROFILE_LIMITS.description)} {...problem('description')}>
        <Textarea value={form.description} resize="vertical" onChange={change('description')} />
      </Field>
      <Field label={t('onboarding.profile.address')} hint={count(form.address, PROFILE_LIMITS.address)} {...problem('address')}>
        <Input value={form.address} onChange={change('address')} />
      </Field>
      <Field label={t('onboarding.profile.email')} hint={count(form.email, PROFILE_LIMITS.email)} {...problem('email')}>
        <Input type="email" value={form.email} onChange={change('email')} />
      </Field>
      {(['website1', 'website2'] as const).map((field, index) => (
        <Field key={field} label={t('onboarding.profile.website', { index: index + 1 })} validationState={websiteProblem ? 'error' : 'none'} validationMessage={index === 0 ? websiteProblem : undefined}>
          <Input type="url" value={form[field]} onChange={change(field)} />
        </Field>
      ))}
      <Field label={t('onboarding.profile.vertical')} {...problem('vertical')}>
        <Dropdown
          placeholder={t('onboarding.profile.verticalPlaceholder')}
          value={form.vertical ? t(`onboarding.vertical.${form.vertical}`) : ''}
          selectedOptions={form.vertical ? [form.vertical] : []}
          onOptionSelect={(_event, data) => {
            if (isKnown(VERTICALS, data.optionValue)) setForm((current) => ({ ...current, vertical: data.optionValue as Vertical }));
          }}
        >
          {VERTICALS.map((vertical) => (
            <Option key={vertical} value={vertical}>
              {t(`onboarding.vertical.${vertical}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <p className={styles.text}>{t('onboarding.profile.picture')}</p>
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabledFocusable={!connected || saving}>
          {saving ? t('onboarding.profile.saving') : t('onboarding.profile.save')}
        </Button>
        <Button onClick={() => void fillFromStep1()}>{t('onboarding.profile.fillFromStep1')}</Button>
        <span role="status">{outcome ? t(`onboarding.profile.${outcome}`) : ''}</span>
      </div>
    </form>
  );
}
