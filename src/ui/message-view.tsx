import { Alert } from '@zendeskgarden/react-notifications'

/** A titled message for states outside the card: not in Zendesk, unexpected failure. */
export function MessageView({ title, body, type }: { title: string; body: string; type: 'info' | 'error' }) {
  return (
    <Alert type={type}>
      <Alert.Title role="heading" aria-level={2}>
        {title}
      </Alert.Title>
      <Alert.Paragraph>{body}</Alert.Paragraph>
    </Alert>
  )
}
