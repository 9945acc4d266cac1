import { useState } from 'react'
import { Button } from '@zendeskgarden/react-buttons'
import { formatMoneyFull, formatMoneyShort } from '../../i18n/format'
import { useI18n } from '../../i18n/i18n-context'

/**
 * ARR, short ("$1.25M") so the row fits a narrow sidebar. The exact amount must not need a mouse
 * (a `title` shows only on hover): the value is a button that switches between the short and the
 * exact amount, by keyboard or pointer; the hover title stays for mouse users.
 */
export function ArrValue({ arr, currency }: { arr: number; currency: string }) {
  const { t, locale } = useI18n()
  const [exact, setExact] = useState(false)
  const full = formatMoneyFull(arr, currency, locale)
  return (
    <Button
      size="small"
      isLink
      onClick={() => setExact(!exact)}
      aria-pressed={exact}
      title={exact ? undefined : `${full} · ${t('ui.card.showExactArr')}`}
      data-testid="arr-value"
    >
      {exact ? full : formatMoneyShort(arr, currency, locale)}
    </Button>
  )
}
