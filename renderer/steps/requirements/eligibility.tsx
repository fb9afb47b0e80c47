import { Radio, RadioGroup } from '@fluentui/react-components';
import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Eligibility, type Requirements } from '../../../shared/model/requirements/requirements';
import type { RequirementField } from '../../../shared/rules/requirements';
import { FormField } from '../../components/form-field';
import type { FieldIssue } from './issues';

type Question = keyof Eligibility;

/**
 * The questions that decide whether Meta can verify the number, each answered from a short list.
 *
 * An answer that stands in the way shows the manual's or Meta's guidance under the question at
 * once: what to do with a number already on WhatsApp, why a number that receives neither SMS
 * nor calls cannot be verified, why forwarding must be off.
 */
export function EligibilityQuestions({ control, issueFor }: { control: Control<Requirements>; issueFor: (field: RequirementField) => FieldIssue | undefined }) {
  const { t } = useTranslation();
  const label = (question: Question, answer: string): string => {
    if (answer === 'unknown') return t('requirements.eligibility.unknown');
    if (answer === 'no') return t('requirements.eligibility.no');
    if (answer === 'yes') return t('requirements.eligibility.yes');
    if (question === 'onWhatsApp' && (answer === 'messenger' || answer === 'businessApp')) return t(`requirements.eligibility.onWhatsApp.${answer}`);
    if (question === 'canReceive' && (answer === 'sms' || answer === 'voice' || answer === 'both' || answer === 'neither')) return t(`requirements.eligibility.canReceive.${answer}`);
    return answer;
  };
  const questions: Question[] = ['onWhatsApp', 'canReceive', 'forwardingOff', 'usedWithApi'];
  return (
    <>
      {questions.map((question) => (
        <Controller
          key={question}
          control={control}
          name={`eligibility.${question}`}
          render={({ field }) => (
            <FormField label={t(`requirements.eligibility.${question}.label`)} issue={issueFor(`eligibility.${question}`)} path={['eligibility', question]}>
              <RadioGroup
                name={field.name}
                value={field.value}
                layout="horizontal"
                onChange={(_event, data) => {
                  field.onChange(data.value);
                  // An answer is complete when picked: its guidance shows at once.
                  field.onBlur();
                }}
              >
                {Eligibility.shape[question].options.map((answer) => (
                  <Radio key={answer} value={answer} label={label(question, answer)} />
                ))}
              </RadioGroup>
            </FormField>
          )}
        />
      ))}
    </>
  );
}
