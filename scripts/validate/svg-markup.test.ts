import { describe, expect, it } from 'vitest'
import { svgEdits } from './svg-markup'

const svg = (body: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"${attributes}>${body}</svg>`

// Each input was run through Zendesk's own sanitiser (Loofah, as its validator calls it) when this
// model was written; the expectations are what it did.
describe('svgEdits (would Zendesk rewrite this SVG?)', () => {
  it.each([
    ['a comment', svg('<!-- note --><rect width="3"/>')],
    ['a comment after the root', `${svg('<rect/>')}<!-- after -->`],
    ['an element after the root', `${svg('<rect/>')}<rect/>`],
    ['a script', svg('<script>alert(1)</script>')],
    ['a style element', svg('<style>rect{fill:red}</style><rect/>')],
    ['an unknown element', svg('<g><unknown/></g>')],
    ['a filter primitive off the list', svg('<feColorMatrix/>')],
    ['an event handler', svg('<rect onclick="x()"/>')],
    ['a style attribute, even a tidy one', svg('<rect style="fill:red"/>')],
    ['a style attribute on the root', svg('<rect/>', ' style="fill: red"')],
    ['an attribute off the list', svg('<rect foo="1"/>')],
    ['a mask attribute', svg('<rect mask="url(#m)"/>')],
    ['focusable on the root', svg('<rect/>', ' focusable="false"')],
    ['a javascript: link', svg('<a href="javascript:alert(1)"><rect/></a>')],
    ['a remote paint server', svg('<rect fill="url(http://x.example/y)"/>')],
  ])('edits %s', (_name, markup) => {
    expect(svgEdits(markup)).not.toBeNull()
  })

  it.each([
    ['title and desc', svg('<title>x</title><desc>A bridge</desc><rect width="3" height="3"/>')],
    ['an XML declaration', `<?xml version="1.0" encoding="UTF-8"?>\n${svg('\n  <rect width="3"/>\n')}`],
    ['a doctype', `<!DOCTYPE svg>${svg('<rect/>')}`],
    [
      'local references',
      svg('<use href="#a"/><rect fill="url(#g)"/><linearGradient id="g"><stop offset="0"/></linearGradient>'),
    ],
    ['xlink', svg('<use xlink:href="#a" xmlns:xlink="http://www.w3.org/1999/xlink"/>')],
    ['symbol', svg('<symbol id="a"><rect/></symbol>')],
    [
      'data- and aria- attributes, class, id, transform',
      svg(
        '<rect data-x="1" aria-hidden="true" role="img" class="a" id="b" transform="rotate(3)" opacity="0.5"/>'
      ),
    ],
    ['an https link', svg('<a href="https://x.example"><rect/></a>')],
    ['text with an entity', svg('<text>a &amp; b</text>')],
    ['single-quoted attributes', svg("<rect width='3'></rect>")],
  ])('keeps %s', (_name, markup) => {
    expect(svgEdits(markup)).toBeNull()
  })
})
