export { AccountCard, type FoundState } from './account-card'
