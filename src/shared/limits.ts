// Size limits both sides apply: the content script skips what the background would refuse anyway,
// before spending main-thread time drawing it.

/** Larger images are refused before decoding: 36 MP is ~144 MB of RGBA, the most we hold at once. */
export const MAX_SOURCE_PIXELS = 36_000_000;
