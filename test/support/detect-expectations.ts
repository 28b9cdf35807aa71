// Where the table's expectations depart from the case's group, and why. Kept apart from the case
// builders so every judgement call is in one reviewable place.
import type { ImageKind } from '../../src/detect/index.ts';

/**
 * Val photos that are not colour photos at all, though the data set calls them colour: monochrome
 * prints and duotones (looked at one by one). The detector is right to call them toned.
 */
export const VAL_TRUE_KIND: Record<string, { kind: ImageKind; why: string }> = {
  'cwf-002561.jpg': { kind: 'toned', why: 'a sepia studio portrait, an old print' },
  'inet-000895.jpg': { kind: 'toned', why: 'a sepia-toned street photo (the school bus has no yellow)' },
  'cwf-002519.jpg': { kind: 'toned', why: 'a brown duotone portrait in a black frame' },
  'cwf-002512.jpg': { kind: 'toned', why: 'a CD cover: yellow-toned photo with the title printed over it' },
  'inet-000901.jpg': { kind: 'toned', why: 'a red-brown duotone inside a white mat' },
};

/**
 * Cases the detector gets wrong, each with what it says instead and why the case is genuinely
 * hard at 64 px. The table asserts exactly this outcome, so a change in either direction shows up
 * and has to be looked at (and this list updated) rather than passing silently.
 */
export const KNOWN_MISSES: Record<string, { detected: ImageKind; why: string }> = {
  // A single-hue colour scene: one material fills the picture and its colour follows lightness,
  // which is what a toned print looks like in statistics (the cat on a carpet, the sweater on
  // magenta and the teal glass of earlier versions are now told apart by the share of pixels off
  // the tone curve and by the cool-cast rule).
  'inet-000928.jpg': { detected: 'toned', why: 'a pale bird on sand: beige on beige, 1.5% off the tone curve' },
  // Portraits on a clipped, pure-white studio background: 44-47% of the picture is one exact RGB
  // value, like a logo or a page. Not-photo also leaves the picture alone, as colour would.
  'cwf-002545.jpg': { detected: 'not-photo', why: 'portrait on pure white (47% one colour)' },
  'mask-000574.jpg': { detected: 'not-photo', why: 'portrait on pure white (44% one colour)' },
  'mask-000588.jpg': { detected: 'not-photo', why: 'ID photo on white with a ruled grid behind: text-like edges' },
  // A duotone whose soft-edged white mat covers half the frame: the mat has no straight edge, so it is
  // not taken for a border, and 47% tinted pixels is under the 60% tinted-area rule.
  'inet-000901.jpg': { detected: 'color', why: 'the vignetted white mat leaves only 47% of the pixels tinted' },
  // The sepia filter clips this near-white product background and q40 blocks smear the bend of the
  // tone curve (residual 3.2 vs 2.6 allowed); at q95 the same picture is called toned.
  'inet-000919.jpg sepia-q40': { detected: 'color', why: 'clipped sepia highlights + JPEG q40 on a near-white background' },
  // The same clipped bend puts 3.4% of the mid-tones off the smooth tone curve at q75 (2% allowed).
  'inet-000919.jpg sepia-q75': { detected: 'color', why: 'clipped sepia highlights bend the tone curve faster than its 5-unit bands follow' },
  // Colour UI screenshots dense with small widgets and text at 64 px; called colour, which
  // leaves them uncolorized just as not-photo would.
  'nodejs-ui-share-dialog.png': { detected: 'color', why: 'a row of small colourful share buttons' },
  'valgrind-kcachegrind-ui.png': { detected: 'color', why: 'a desktop application window full of widgets' },
};

/**
 * The same for the real prints and muted colour photos of ../shared/data/prints and the val-scenes
 * photos (src/detect/detect-prints.test.ts), each looked at full size. Most "prints" missed here
 * carry real colour: restored or hand-coloured versions of black-and-white photos.
 */
export const PRINT_KNOWN_MISSES: Record<string, { detected: ImageKind; why: string }> = {
  'bw-000005.jpg': { detected: 'color', why: 'a digitally restored print whose trees came back green' },
  'bw-000006.jpg': { detected: 'color', why: 'a digitally restored print with green trees and a blue-gray sky' },
  'bw-000010.jpg': { detected: 'color', why: 'a photo of a print lying on something red, which shows along one edge' },
  'bw-000013.jpg': { detected: 'color', why: 'hand-tinted: pink-violet cloth and a brown lion on a sepia print' },
  'bw-000020.jpg': { detected: 'color', why: 'a hand-coloured portrait (skin, cap badge)' },
  'bw-000031.jpg': { detected: 'color', why: 'colorized (green grass, the colorist\'s watermark)' },
  'muted-000027.jpg': { detected: 'toned', why: 'cyclists in fog on a sepia-looking path: one warm hue, pale, on the tone curve' },
  // Simulated blue-black prints on yellowed paper (test/fixtures/detect/prints) that the two-tone
  // rule (cool shadows, warm highlights) does not reach.
  'blue-black-yellowed-paper-cat.jpg': { detected: 'color', why: 'a close-up with no highlight, so no paper shows: blue tone alone looks like haze' },
  'blue-black-yellowed-paper-astronaut.jpg': { detected: 'color', why: 'the deep blue-black shadows pass chroma 15 on 0.8% of the picture, over the 0.5% a pale print may have' },
  // Single-hue colour scenes, as in KNOWN_MISSES above.
  'azure-000104.jpg': { detected: 'toned', why: 'desert dunes: ochre sand and nothing else' },
  'inette-000693.jpg': { detected: 'toned', why: 'a dark blue parachute in a blue sky: a cyanotype in statistics' },
  'nips17-000915.jpg': { detected: 'toned', why: 'beige feathers on a beige cloth' },
  'raccoon-000117.jpg': { detected: 'toned', why: 'two raccoons in a brown wooden box' },
};

/**
 * Outcomes that differ after a point-sampled (nearest) downscale only, where aliasing keeps JPEG
 * noise and edge fringes that a filtering downscale averages away.
 */
export const NEAREST_KNOWN_MISSES: Record<string, { detected: ImageKind; why: string }> = {
  'cloth-000080.jpg': { detected: 'toned', why: 'a white sweater on flat magenta: 2.5% off the tone curve with lanczos, under 2% when point-sampled' },
};
