import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { AppErrorShape } from '../../shared/errors/index';
import { WorkspaceDetails } from '../../shared/model/workspace/workspace';
import { validationKey } from '../i18n/keys';
import { useWorkspaceStore } from '../state/workspace-store';
import { ErrorBar } from './error-bar';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type FormInput = z.input<typeof WorkspaceDetails>;

/**
 * Creates a workspace or renames the current one: its name and the channel's number.
 *
 * Validated with the schema main uses, under each field, before anything is sent; main
 * validates again and a refusal is shown as a translated error.
 */
export function WorkspaceDialog({ mode, initial, workspaceId, onClose }: { mode: 'create' | 'rename'; initial: FormInput; workspaceId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const create = useWorkspaceStore((state) => state.create);
  const update = useWorkspaceStore((state) => state.update);
  const [serverError, setServerError] = useState<AppErrorShape | null>(null);
  const { control, handleSubmit, formState } = useForm<FormInput>({ resolver: zodResolver(WorkspaceDetails), defaultValues: initial, mode: 'onTouched' });
  const message = (error: FieldError | undefined): string | undefined => {
    if (!error?.message) return undefined;
    return t(validationKey(error.message));
  };
  const onSubmit = handleSubmit(async (values) => {
    const phoneNumber = values.phoneNumber ?? '';
    const result = mode === 'create' ? await create(values.name, phoneNumber) : await update(workspaceId, { name: values.name, phoneNumber });
    if (result.ok) onClose();
    else setServerError(result.error);
  });
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
          <DialogBody>
            <DialogTitle>{t(mode === 'create' ? 'workspace.createTitle' : 'workspace.renameTitle')}</DialogTitle>
            <DialogContent className={styles.form}>
              {serverError && <ErrorBar error={serverError} />}
              <Controller
                control={control}
                name="name"
                render={({ field, fieldState }) => (
                  <Field label={t('workspace.name')} hint={t('workspace.nameHint')} required validationState={fieldState.error ? 'error' : 'none'} validationMessage={message(fieldState.error)}>
                    <Input {...field} autoComplete="off" />
                  </Field>
                )}
              />
              <Controller
                control={control}
                name="phoneNumber"
                render={({ field, fieldState }) => (
                  <Field label={t('workspace.phoneNumber')} hint={t('workspace.phoneNumberHint')} validationState={fieldState.error ? 'error' : 'none'} validationMessage={message(fieldState.error)}>
                    <Input {...field} value={field.value ?? ''} inputMode="tel" autoComplete="off" />
                  </Field>
                )}
              />
            </DialogContent>
            <DialogActions>
              <Button type="button" appearance="secondary" onClick={onClose}>
                {t('workspace.cancel')}
              </Button>
              <Button type="submit" appearance="primary" disabledFocusable={formState.isSubmitting}>
                {t(mode === 'create' ? 'workspace.createSubmit' : 'workspace.renameSubmit')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
