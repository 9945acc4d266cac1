/**
 * The whole initial bundle: the ZAF SDK and this file. index.html already shows a static skeleton,
 * so nothing here renders. It connects to Zendesk and requests two chunks at once: the small
 * lookup chunk (settings, connector, axios, zod), which starts the CRM call as soon as the
 * handshake is done, and the UI chunk (React, Garden, the card), which compiles meanwhile.
 * See docs/adr/0004-split-load-path.md.
 */
// Marks for `npm run bench`'s breakdown of the load path (cheap; visible in DevTools too).
performance.mark('sb:start')

import { crashText } from './i18n/crash-text'
import { autoResize } from './zendesk/auto-resize'
import { startupPaths, toAppLocation } from './zendesk/context-paths'
import { initZafClient } from './zendesk/init-zaf-client'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root')
const client = initZafClient()
if (client) autoResize(client, container)

// Ask Zendesk for everything start-up needs now: the answers arrive while the chunks download.
// The location comes with the handshake (`context()` needs no round trip), so the `get` of that
// location's paths leaves as soon as the handshake answers, as the ticket paths alone did before.
const appLocation = client?.context().then((context) => toAppLocation(context.location))
const startup =
  client && appLocation
    ? {
        metadata: client.metadata(),
        location: appLocation,
        customer: appLocation.then((where) => client.get(startupPaths(where))),
      }
    : null
startup?.customer.catch(() => undefined)
const composition =
  client && startup ? import('./app/compose').then(({ compose }) => compose(client, startup)) : null
// Handled by the UI once it has loaded; never an unhandled rejection before that.
composition?.catch(() => undefined)

import('./app/boot')
  .then(({ start }) => start(container, composition))
  .catch(async () => {
    // A chunk failed to load (network, deploy in progress): say so instead of a skeleton forever,
    // in the agent's language when Zendesk has told us it.
    const user = await startup?.customer.catch(() => null)
    const { lang, text } = crashText(__CRASH_TEXTS__, user?.['currentUser.locale'])
    container.removeAttribute('aria-busy')
    container.lang = lang
    container.textContent = text
  })
