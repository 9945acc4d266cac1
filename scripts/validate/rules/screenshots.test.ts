import { describe, expect, it } from 'vitest'
import { expectedOf, findingsAfter, type BrokenCase } from '../fixtures/break-one'
import { solidPng } from '../fixtures/png'

const shot = solidPng(1024, 768)

const cases: BrokenCase[] = [
  {
    name: 'screenshot_1.png',
    expected: 'error screenshots/bad-name',
    breakIt: (pkg) => pkg.write('assets/screenshot_1.png', shot),
  },
  {
    name: 'screenshot-01.png',
    expected: 'error screenshots/bad-name',
    breakIt: (pkg) => pkg.write('assets/screenshot-01.png', shot),
  },
  {
    name: 'Screenshot-1.PNG',
    expected: 'error screenshots/bad-name',
    breakIt: (pkg) => pkg.write('assets/Screenshot-1.PNG', shot),
  },
  {
    name: 'a JPEG named .png',
    expected: 'error screenshots/not-png',
    breakIt: (pkg) =>
      pkg.write(
        'assets/screenshot-1.png',
        Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46])
      ),
  },
  {
    name: 'a 1200x560 screenshot',
    expected: 'warning screenshots/size',
    breakIt: (pkg) => pkg.write('assets/screenshot-1.png', solidPng(1200, 560)),
  },
  {
    name: 'four screenshots',
    expected: 'error screenshots/too-many',
    breakIt: (pkg) =>
      pkg
        .write('assets/screenshot-1.png', shot)
        .write('assets/screenshot-2.png', shot)
        .write('assets/screenshot-3.png', shot),
  },
  {
    name: 'a gap in the numbering',
    expected: 'error screenshots/gap',
    breakIt: (pkg) => pkg.write('assets/screenshot-2.png', shot),
  },
  {
    name: 'numbering from 1',
    expected: 'error screenshots/gap',
    breakIt: (pkg) => pkg.remove('assets/screenshot-0.png').write('assets/screenshot-1.png', shot),
  },
  {
    name: 'no screenshots in a Marketplace package',
    expected: 'warning screenshots/missing',
    breakIt: (pkg) => pkg.remove('assets/screenshot-0.png'),
  },
]

describe('screenshots', () => {
  it.each(cases)('$name → $expected', (broken) => {
    expect(findingsAfter(broken.breakIt)).toEqual(expectedOf(broken))
  })

  it('accepts three screenshots at 2x (2048x1536)', () => {
    const retina = solidPng(2048, 1536)
    const add = (pkg: Parameters<BrokenCase['breakIt']>[0]) =>
      pkg
        .write('assets/screenshot-0.png', retina)
        .write('assets/screenshot-1.png', retina)
        .write('assets/screenshot-2.png', retina)
    expect(findingsAfter(add)).toEqual([])
  })
})
