import { describe, expect, it } from 'vitest'
import { expectedOf, findingsAfter, type BrokenCase } from '../fixtures/break-one'

const cases: BrokenCase[] = [
  {
    name: 'a symlink',
    expected: 'error package/symlink',
    breakIt: (pkg) => pkg.symlink('assets/logo-link.png', 'logo.png'),
  },
  {
    name: 'a symlink out of the package',
    expected: 'error package/symlink',
    breakIt: (pkg) => pkg.symlink('assets/passwd', '/etc/passwd'),
  },
  {
    name: 'a zip',
    expected: 'error package/unsupported-mime-type',
    breakIt: (pkg) => pkg.write('assets/backup.zip', 'PK\u0003\u0004'),
  },
  {
    name: 'a shell script',
    expected: 'error package/unsupported-mime-type',
    breakIt: (pkg) => pkg.write('assets/deploy.sh', '#!/bin/sh\n'),
  },
  {
    name: 'an executable with an innocent name',
    expected: 'error package/unsupported-mime-type',
    breakIt: (pkg) => pkg.write('assets/font.woff2', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])),
  },
  {
    name: "zcli's config",
    expected: 'error package/settings-file',
    breakIt: (pkg) => pkg.writeJson('assets/zcli.apps.config.json', { parameters: {} }),
  },
  {
    name: 'a *.local.json settings file',
    expected: 'error package/settings-file',
    breakIt: (pkg) => pkg.writeJson('assets/settings.local.json', {}),
  },
  {
    name: 'a .env file',
    expected: 'error package/settings-file',
    breakIt: (pkg) => pkg.write('assets/.env', 'CRM_TOKEN=\n'),
  },
  {
    name: '.DS_Store',
    expected: 'warning package/dotfile',
    breakIt: (pkg) => pkg.write('assets/.DS_Store', Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31])),
  },
  {
    name: 'a source map',
    expected: 'warning package/source-map',
    breakIt: (pkg) => pkg.write('assets/main.js.map', '{"version":3,"sources":[],"mappings":""}'),
  },
  {
    name: 'a README at the top level',
    expected: 'warning package/unexpected-file',
    breakIt: (pkg) => pkg.write('README.md', '# Fixture\n'),
  },
]

describe('package contents', () => {
  it.each(cases)('$name → $expected', (broken) => {
    expect(findingsAfter(broken.breakIt)).toEqual(expectedOf(broken))
  })

  it('accepts a requirements.json next to the manifest', () => {
    expect(findingsAfter((pkg) => pkg.writeJson('requirements.json', {}))).toEqual([])
  })
})
