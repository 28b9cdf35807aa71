// An image made ready for the network once, for work that comes back to the same image many times
// (the colour editor: a colorize per hint, a suggestion per new hint). The network's lightness input
// (working-input.ts) is made once from the pixels; a colorize still needs the pixels themselves,
// whose own lightness the full-resolution compose keeps. Using a prepared image gives exactly what
// its pixels give: the same plane, made by the same code.
import type { PreparedImage, RgbaImage, SuggestionImage } from './types.ts';
import { workingGeometry, workingInput, WORKING_SIZE } from './working-input.ts';

export function checkImage(image: RgbaImage): void {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`image size must be positive integers, got ${width}x${height}`);
  }
  if (data.length !== width * height * 4) {
    throw new RangeError(`RGBA data has ${data.length} bytes, expected ${width * height * 4} for ${width}x${height}`);
  }
}

/** The image's lightness as the network sees it (a few hundred KB whatever the photo's size), for suggestions. */
export function suggestionImage(image: RgbaImage): SuggestionImage {
  checkImage(image);
  const { width, height, data } = image;
  const geo = workingGeometry(width, height, WORKING_SIZE);
  return { plane: workingInput(data, width, height, geo), geo };
}

/** The pixels with their lightness input made once, for colorizes and suggestions alike. */
export function preparedImage(image: RgbaImage): PreparedImage {
  return { pixels: image, ...suggestionImage(image) };
}

export function isPrepared(image: RgbaImage | PreparedImage): image is PreparedImage {
  return 'pixels' in image;
}
