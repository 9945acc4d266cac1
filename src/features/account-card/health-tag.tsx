import styled from 'styled-components'
import { Tag } from '@zendeskgarden/react-tags'
import { healthBand, type HealthBand } from '../../domain/health'
import { useI18n } from '../../i18n/i18n-context'

const HUE: Record<HealthBand, string> = { healthy: 'green', watch: 'yellow', 'at-risk': 'red' }
// A shape as well as a colour and a word, so the band reads in greyscale and at a glance. The shape
// is decoration (empty alternative text); the word carries the meaning for screen readers.
const SYMBOL: Record<HealthBand, string> = { healthy: '●', watch: '▲', 'at-risk': '■' }

const Label = styled.span<{ $symbol: string }>`
  &::before {
    content: '${(p) => p.$symbol}' / '';
    margin-inline-end: ${(p) => p.theme.space.xxs};
  }
`

export function HealthTag({ score, riskBelow }: { score: number; riskBelow: number }) {
  const { t } = useI18n()
  const band = healthBand(score, riskBelow)
  return (
    <Tag hue={HUE[band]} data-band={band}>
      <Label $symbol={SYMBOL[band]}>
        {t('ui.card.healthValue', { band: t(`ui.card.band.${band}`), score: Math.round(score) })}
      </Label>
    </Tag>
  )
}
