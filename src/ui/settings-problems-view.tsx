import { Alert } from '@zendeskgarden/react-notifications'
import type { SettingProblem } from '../settings/setting-problem'
import { useI18n } from '../i18n/i18n-context'

/** Names each bad setting by the label admins see in Zendesk, never by its value. */
export function SettingsProblemsView({ problems }: { problems: readonly SettingProblem[] }) {
  const { t } = useI18n()
  return (
    <Alert type="warning" data-testid="settings-problems">
      <Alert.Title role="heading" aria-level={2}>
        {t('ui.settings.title')}
      </Alert.Title>
      <Alert.Paragraph>{t('ui.settings.body')}</Alert.Paragraph>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.setting}:${problem.code}`}>
            {t(`ui.settings.problem.${problem.code}`, {
              label: t(`app.parameters.${problem.setting}.label`),
              // Where inside a JSON setting (`[1].path`); a location the admin wrote, never a value.
              ...(problem.detail === undefined ? {} : { detail: problem.detail }),
            })}
          </li>
        ))}
      </ul>
    </Alert>
  )
}
