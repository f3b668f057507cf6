import { useI18n } from '../i18n';
import { SectionMessage } from './section-message';

/** Marks the demo dataset so nobody mistakes it for real rollout plans. The shell shows it when programme.isExample. */
export function ExampleDataBanner() {
  const { t } = useI18n();
  return (
    <SectionMessage appearance="discovery" className="io-example-banner">
      <p>
        <strong>{t('exampleDataTitle')} – </strong>
        {t('exampleDataBody')}
      </p>
    </SectionMessage>
  );
}
