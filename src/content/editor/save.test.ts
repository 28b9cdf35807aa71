import { describe, expect, it } from 'vitest';
import { saveName } from './save.ts';

describe('saveName', () => {
  it.each([
    ['https://a.org/photos/harbour.jpg', 'harbour-recolor.png'],
    ['https://a.org/photos/harbour.JPEG?size=large#x', 'harbour-recolor.png'],
    ['https://a.org/photos/old%20street%201920.png', 'old street 1920-recolor.png'],
    ['https://a.org/photos/', 'photos-recolor.png'],
    ['https://a.org/', 'image-recolor.png'],
    ['https://a.org/img/..hidden.tiff', 'hidden-recolor.png'],
    ['https://a.org/a/b/c:d*e?.webp', 'c-d-e-recolor.png'],
    ['data:image/png;base64,AAAA', 'image-recolor.png'],
    ['blob:https://a.org/1234-5678', 'image-recolor.png'],
    ['not a url', 'image-recolor.png'],
    ['https://a.org/%E6%97%A5%E6%9C%AC.jpg', '日本-recolor.png'],
  ])('%s -> %s', (url, name) => {
    expect(saveName(url)).toBe(name);
  });
});
