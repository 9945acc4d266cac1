import { Tag } from '@zendeskgarden/react-tags'
import { healthBand, type HealthBand } from '../../domain/health'
import { useI18n } from '../../i18n/i18n-context'

const HUE: Record<HealthBand, string> = { healthy: 'green', watch: 'yellow', 'at-risk': 'red' }
// A symbol as well as a colour and a word, so the band reads in greyscale and at a glance.
const SYMBOL: Record<HealthBand, string> = { healthy: '●', watch: '▲', 'at-risk': '■' }

export function HealthTag({ score, riskBelow }: { score: number; riskBelow: number }) {
  const { t } = useI18n()
  const band = healthBand(score, riskBelow)
  return (
    <Tag hue={HUE[band]} data-band={band}>
      <span aria-hidden="true">{SYMBOL[band]}</span>
      <span>{t('ui.card.healthValue', { band: t(`ui.card.band.${band}`), score: Math.round(score) })}</span>
    </Tag>
  )
}
