"""Make a compact copy of the training photos for a GPU machine (the working tree that travels
there is capped at 64 MiB): short side 160, long side cut to 214, WebP quality 82.

  /usr/bin/python3 train/pack_data.py --src ../shared/data/photos/train --out .device-data/train
"""
import argparse
import os
import shutil
from concurrent.futures import ProcessPoolExecutor

from PIL import Image

from data import list_images, _load


def pack_one(args):
    src, dst, short_side, max_long, quality = args
    Image.fromarray(_load((src, short_side, max_long))).save(dst, 'WEBP', quality=quality, method=4)
    return os.path.getsize(dst)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--src', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--short-side', type=int, default=160)
    ap.add_argument('--max-long', type=int, default=214)
    ap.add_argument('--quality', type=int, default=82)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    files = list_images(a.src)
    jobs = [(f, os.path.join(a.out, os.path.splitext(os.path.basename(f))[0] + '.webp'),
             a.short_side, a.max_long, a.quality) for f in files]
    with ProcessPoolExecutor(2) as ex:
        total = sum(ex.map(pack_one, jobs, chunksize=64))
    manifest = os.path.join(os.path.dirname(os.path.normpath(a.src)), 'MANIFEST.tsv')
    if os.path.exists(manifest):  # the groups train.py --group-mix samples by
        shutil.copy(manifest, os.path.join(a.out, 'MANIFEST.tsv'))
    print(f'{len(files)} photos -> {a.out}: {total / 2**20:.1f} MiB')


if __name__ == '__main__':
    main()
