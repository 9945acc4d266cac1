import { useRef, useState } from 'react'
import styled from 'styled-components'
import { Avatar } from '@zendeskgarden/react-avatars'
import { Anchor, Button } from '@zendeskgarden/react-buttons'
import type { Csm } from '../../domain/account'
import { useI18n } from '../../i18n/i18n-context'
import { withoutBidiControls } from '../../ui/display-text'
import { EmailText } from '../../ui/email-text'
import { mailtoHref } from '../../ui/mailto-href'
import { copyText, type CopyResult } from '../../ui/copy-text'
import { UserText } from '../../ui/user-text'
import { initials } from './initials'
import { Subtle } from './card-layout'

const Person = styled.div`
  display: grid;
  grid-template-columns: auto 1fr;
  gap: 0 ${(p) => p.theme.space.sm};
  align-items: center;
  min-width: 0;
`
const Details = styled.div`
  min-width: 0;
`
const Name = styled.div`
  font-weight: ${(p) => p.theme.fontWeights.semibold};
`
const EmailLine = styled.span`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: ${(p) => p.theme.space.xs};
  min-width: 0;

  /* The Copy button keeps its one-line width and moves to its own line when the address fills
     this one; shrunk by the flex row instead, its label wrapped inside a fixed-height button. */
  & > button {
    flex-shrink: 0;
  }
`

type CopyState = 'idle' | CopyResult

export function CsmValue({ csm }: { csm: Csm | null }) {
  const { t } = useI18n()
  const [copy, setCopy] = useState<CopyState>('idle')
  const address = useRef<HTMLSpanElement>(null)
  if (!csm) return <Subtle>{t('ui.card.noCsm')}</Subtle>
  const email = csm.email === null ? null : withoutBidiControls(csm.email)
  // Only a plain address becomes a link; anything else (a `?bcc=`, a second @, an override) is
  // shown as the text it is, and can still be copied.
  const href = csm.email === null ? null : mailtoHref(csm.email)

  const copyEmail = async (email: string): Promise<void> => {
    setCopy(await copyText(email, address.current))
  }

  return (
    <Person>
      <Avatar
        size="small"
        backgroundColor="background.primaryEmphasis"
        foregroundColor="foreground.onEmphasis"
      >
        <Avatar.Text aria-hidden="true">{initials(csm.name)}</Avatar.Text>
      </Avatar>
      <Details>
        <Name data-testid="csm-name">
          <UserText text={csm.name} />
        </Name>
        {email && (
          <EmailLine>
            {/* The address itself is the link's name: a spoken name must contain the visible text (WCAG 2.5.3). */}
            {href ? (
              <Anchor href={href}>
                <span ref={address}>
                  <EmailText address={email} />
                </span>
              </Anchor>
            ) : (
              <span ref={address}>
                <EmailText address={email} />
              </span>
            )}
            <Button size="small" isBasic onClick={() => void copyEmail(email)}>
              {t('ui.card.copyEmail')}
            </Button>
          </EmailLine>
        )}
        <Subtle role="status">{copy === 'idle' ? '' : t(`ui.card.copy.${copy}`)}</Subtle>
      </Details>
    </Person>
  )
}
