// One @, no whitespace, control or formatting characters (bidi overrides, zero-width), and none of
// the characters that turn a mailto: URL into more than an address: `?` adds headers (`?bcc=` copies
// the agent's mail to someone else), `%` encodes them, `,` and `;` add recipients, `#`, `/`, `\`,
// double quotes and brackets have no place in an address an agent should click (an apostrophe,
// as in o'brien@, is fine).
const PLAIN_ADDRESS =
  /^[^@\s\p{Cc}\p{Cf}\p{Z}?%#,;/\\"<>()[\]:]+@[^@\s\p{Cc}\p{Cf}\p{Z}?%#,;/\\"<>()[\]:]+\.[^@\s\p{Cc}\p{Cf}\p{Z}?%#,;/\\"<>()[\]:.]+$/u

/** `mailto:` for a plain, valid address; null for anything else, which the card shows as text. */
export function mailtoHref(address: string): string | null {
  const dotsWellPlaced = !/^\.|\.\.|\.@|@\./.test(address)
  return PLAIN_ADDRESS.test(address) && dotsWellPlaced ? `mailto:${address}` : null
}
