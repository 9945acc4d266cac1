/**
 * Would Zendesk rewrite this SVG? On upload it passes every assets/*.svg through an HTML sanitiser
 * (Loofah's "prune" scrubber, zendesk_apps_support validations/svg.rb) and warns "The markup in …
 * has been edited" whenever the output differs from the input. This is a close model of what that
 * sanitiser changes, checked against it on the cases in svg-markup.test.ts: comments, markup after
 * the root element, elements and attributes off its safe lists, every `style` attribute (it is
 * always re-serialised), event handlers, and references that are not local `#ids`. HTML inside
 * `<foreignObject>` is reported although the sanitiser keeps some of it: a false alarm is cheaper
 * than a logo that shows differently in Zendesk.
 *
 * Returns what would be edited, or null when the markup would pass unchanged.
 */
const ELEMENTS = new Set(
  (
    'a animate animatecolor animatemotion animatetransform circle clippath defs desc ellipse ' +
    'fegaussianblur filter font-face font-face-name font-face-src foreignobject g glyph hkern line ' +
    'lineargradient marker mask metadata missing-glyph mpath path polygon polyline radialgradient rect ' +
    'set stop svg switch symbol text textpath title tspan use'
  ).split(' ')
)

const ATTRIBUTES = new Set(
  (
    'accent-height accumulate additive alphabetic arabic-form ascent attributename attributetype ' +
    'baseprofile bbox begin calcmode cap-height class clip-path clip-rule color ' +
    'color-interpolation-filters color-rendering content cx cy d descent display dur dx dy end fill ' +
    'fill-opacity fill-rule filterres filterunits font-family font-size font-stretch font-style ' +
    'font-variant font-weight fx fy g1 g2 glyph-name gradientunits hanging height horiz-adv-x ' +
    'horiz-origin-x id ideographic k keypoints keysplines keytimes lang marker-end marker-mid ' +
    'marker-start markerheight markerunits markerwidth maskcontentunits maskunits mathematical max ' +
    'method min name offset opacity orient origin overline-position overline-thickness panose-1 path ' +
    'pathlength patterncontentunits patterntransform patternunits points preserveaspectratio ' +
    'primitiveunits r refx refy repeatcount repeatdur requiredextensions requiredfeatures restart ' +
    'rotate rx ry slope spacing startoffset stddeviation stemh stemv stop-color stop-opacity ' +
    'strikethrough-position strikethrough-thickness stroke stroke-dasharray stroke-dashoffset ' +
    'stroke-linecap stroke-linejoin stroke-miterlimit stroke-opacity stroke-width systemlanguage target ' +
    'text-anchor transform type u1 u2 underline-position underline-thickness unicode unicode-range ' +
    'units-per-em version viewbox visibility width widths x x-height x1 x2 xlink:actuate xlink:arcrole ' +
    'xlink:href xlink:role xlink:show xlink:title xlink:type xml:base xml:lang xml:space xmlns ' +
    'xmlns:xlink y y1 y2 zoomandpan href role title dir tabindex'
  ).split(' ')
)
/** Attributes whose values may only point inside the file (`#id`, `url(#id)`). */
const REFERENCES = new Set([
  'href',
  'xlink:href',
  'fill',
  'stroke',
  'clip-path',
  'marker-end',
  'marker-mid',
  'marker-start',
])

export function svgEdits(text: string): string | null {
  if (/<!--/.test(text)) return 'a comment (<!-- … -->), which the sanitiser removes'
  if (/<\/svg\s*>\s*\S/i.test(text)) return 'markup after the closing </svg>'
  for (const tag of text.matchAll(
    /<([A-Za-z][\w:.-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g
  )) {
    const name = (tag[1] ?? '').toLowerCase()
    if (!ELEMENTS.has(name)) return `the element <${tag[1]}>, which is not on the sanitiser's list`
    for (const attribute of (tag[2] ?? '').matchAll(/([^\s=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+)))?/g)) {
      const attr = (attribute[1] ?? '').toLowerCase()
      const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? ''
      if (attr === 'style') return `a style attribute on <${tag[1]}>, which the sanitiser rewrites`
      if (!ATTRIBUTES.has(attr) && !/^(?:aria|data)-/.test(attr))
        return `the attribute ${attribute[1]} on <${tag[1]}>, which is not on the sanitiser's list`
      if (REFERENCES.has(attr) && /url\(|^\s*[a-z][\w+.-]*:/i.test(value) && !/^\s*url\(\s*#/.test(value))
        if (!(attr.endsWith('href') && /^https:/i.test(value)))
          return `the reference ${attribute[1]}="${value}" on <${tag[1]}>, which is not a local #id`
    }
  }
  return null
}
