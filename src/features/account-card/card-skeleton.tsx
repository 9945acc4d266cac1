import { Skeleton } from '@zendeskgarden/react-loaders'

/**
 * Same rough shape as the filled card, so the iframe barely moves when data arrives. Hidden from
 * screen readers: the card's live status says "looking up" in words.
 */
export function CardSkeleton() {
  return (
    <div aria-hidden="true" data-testid="card-skeleton">
      <Skeleton width="60%" height="20px" />
      <Skeleton width="40%" />
      <Skeleton width="90%" height="32px" />
      <Skeleton width="70%" />
      <Skeleton width="80%" />
      <Skeleton width="50%" />
    </div>
  )
}
