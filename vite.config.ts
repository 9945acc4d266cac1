import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vite'

const root = import.meta.dirname

/**
 * Writes the rest of the Zendesk app package around the bundle, in the layout zcli serves and
 * packages: dist/manifest.json, dist/translations/<locale>.json (only the `app` section Zendesk
 * reads; UI strings are bundled) and the logos and screenshots from assets/.
 */
function zendeskPackage(): Plugin {
  // The package root is the bundle folder's parent: dist/ by default, elsewhere with --outDir.
  let dist = resolve(root, 'dist')
  return {
    name: 'zendesk-package',
    apply: 'build',
    configResolved(config) {
      dist = resolve(config.root, config.build.outDir, '..')
    },
    closeBundle() {
      copyFileSync(join(root, 'manifest.json'), join(dist, 'manifest.json'))
      mkdirSync(join(dist, 'translations'), { recursive: true })
      for (const file of readdirSync(join(root, 'translations')).filter((name) => name.endsWith('.json'))) {
        const messages = JSON.parse(readFileSync(join(root, 'translations', file), 'utf8')) as {
          app?: unknown
        }
        if (messages.app)
          writeFileSync(
            join(dist, 'translations', file),
            `${JSON.stringify({ app: messages.app }, null, 2)}\n`
          )
      }
      const assets = join(root, 'assets')
      if (existsSync(assets)) {
        for (const file of readdirSync(assets).filter((name) => /\.(png|svg)$/.test(name))) {
          copyFileSync(join(assets, file), join(dist, 'assets', file))
        }
      }
    },
  }
}

/**
 * Every CRM call goes through our ZAF adapter (src/crm/http/zaf-adapter.ts), so axios's own XHR and
 * fetch adapters are dead code in this app; axios registers them in a static table the bundler
 * cannot tree-shake. Replacing them with `false` (axios's "adapter not available" marker) saves
 * ~7 KB gzipped on the load path.
 */
function withoutAxiosBrowserAdapters(): Plugin {
  const stubId = '\0axios-adapter-not-used:'
  return {
    name: 'without-axios-browser-adapters',
    enforce: 'pre',
    resolveId(source, importer) {
      const adapter = /^\.\/(xhr|fetch)\.js$/.exec(source)?.[1]
      return importer?.includes('/axios/lib/adapters/') && adapter ? stubId + adapter : null
    },
    load(id) {
      if (!id.startsWith(stubId)) return null
      // adapters.js reads `getFetch` off the fetch adapter module; keep that shape.
      return id.endsWith('fetch')
        ? 'export default false; export const getFetch = () => false'
        : 'export default false'
    },
  }
}

/**
 * The translation files hold two audiences' texts: the app's own (`ui`, `crash`) and Zendesk's
 * (`app`: the Marketplace listing, and each setting's label and help for the admin). Of `app` the
 * bundle needs only the settings' labels (a settings problem names the setting by its label), and
 * not those of secure settings: the app never receives their values, so it never names them. The
 * rest is dropped from what the app imports; dist/translations keeps it all for Zendesk. (Leaving
 * out the token setting's label also keeps Zendesk's upload check from warning "Possible Token" on
 * every locale chunk.)
 */
function onlyMessagesTheAppShows(): Plugin {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as {
    parameters?: { name: string; secure?: boolean }[]
  }
  const secure = new Set((manifest.parameters ?? []).filter((p) => p.secure).map((p) => p.name))
  return {
    name: 'only-messages-the-app-shows',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]translations[\\/][^\\/]+\.json$/.test(id)) return null
      const messages = JSON.parse(code) as { app?: { parameters?: Record<string, { label?: string }> } }
      const parameters = Object.fromEntries(
        Object.entries(messages.app?.parameters ?? {})
          .filter(([name]) => !secure.has(name))
          .map(([name, texts]) => [name, { label: texts.label }])
      )
      return { code: JSON.stringify({ ...messages, app: { parameters } }), map: null }
    },
  }
}

/** Every locale's `crash` messages: the only strings the entry chunk needs (src/i18n/crash-text.ts). */
function crashTexts(): Record<string, unknown> {
  const dir = join(root, 'translations')
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [
        name.replace(/\.json$/, ''),
        (JSON.parse(readFileSync(join(dir, name), 'utf8')) as { crash: unknown }).crash,
      ])
  )
}

export default defineConfig({
  // Zendesk serves assets under a versioned path, so every URL in index.html must be relative.
  base: './',
  define: { __CRASH_TEXTS__: JSON.stringify(crashTexts()) },
  publicDir: false,
  plugins: [withoutAxiosBrowserAdapters(), onlyMessagesTheAppShows(), zendeskPackage()],
  build: {
    outDir: 'dist/assets',
    assetsDir: '',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
})
