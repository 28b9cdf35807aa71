"""Training data: photos decoded once into one padded uint8 tensor, and batches of random
crops (scale jitter, flips) cut on the training device with one grid_sample call.

Sources are a folder of photos (../shared/data/photos/train, or the compact copy made by
pack_data.py for a GPU machine).
"""
import glob
import os
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

from lab import rgb_to_lab, l_to_input

EXTS = ('.jpg', '.jpeg', '.png', '.webp')


def list_images(folder: str, limit: int | None = None) -> list[str]:
    files = sorted(f for f in glob.glob(os.path.join(folder, '*')) if f.lower().endswith(EXTS))
    return files[:limit] if limit else files


def read_manifest(folder: str) -> dict[str, dict[str, str]]:
    """file name without extension -> its MANIFEST.tsv row (source_tag, group, ...), from the folder
    or its parent (so the compact .webp copy of pack_data.py finds it too); {} when there is none."""
    for path in (os.path.join(folder, 'MANIFEST.tsv'), os.path.join(os.path.dirname(os.path.normpath(folder)), 'MANIFEST.tsv')):
        if os.path.exists(path):
            with open(path) as f:
                head = f.readline().rstrip('\n').split('\t')
                return {os.path.splitext(row[0])[0]: dict(zip(head, row)) for row in (l.rstrip('\n').split('\t') for l in f)}
    return {}


def group_of(manifest: dict, path: str) -> str:
    """The photo's group (face counts as people); 'other' when the manifest does not know it."""
    g = manifest.get(os.path.splitext(os.path.basename(path))[0], {}).get('group', 'other')
    return 'people' if g == 'face' else g


def colourfulness(pixels: torch.Tensor, sizes: torch.Tensor) -> torch.Tensor:
    """Hasler & Suesstrunk's colourfulness of each photo (uint8 (N,3,S,S), padding excluded)."""
    out = torch.zeros(pixels.shape[0])
    for i in range(pixels.shape[0]):
        h, w = sizes[i].tolist()
        r, g, b = pixels[i, :, :h, :w].float().unbind(0)
        rg, yb = r - g, 0.5 * (r + g) - b
        out[i] = torch.sqrt(rg.var() + yb.var()) + 0.3 * torch.sqrt(rg.mean() ** 2 + yb.mean() ** 2)
    return out


def frame_of(w: int, h: int, short_side: int = 160, max_long: int = 214):
    """How a w x h photo is framed in the bank: scaled by s to short side short_side (rw x rh),
    then its long side cut to max_long around the centre. -> (s, rw, rh, left, top, fw, fh)."""
    s = short_side / min(w, h)
    rw, rh = (max(1, round(w * s)), max(1, round(h * s))) if abs(s - 1) > 1e-3 else (w, h)
    left = (rw - max_long) // 2 if rw > max_long else 0
    top = (rh - max_long) // 2 if rh > max_long else 0
    return s, rw, rh, left, top, min(rw, max_long), min(rh, max_long)


def _load(args):
    path, short_side, max_long = args
    im = Image.open(path).convert('RGB')
    _, rw, rh, left, top, fw, fh = frame_of(*im.size, short_side, max_long)
    if (rw, rh) != im.size:
        im = im.resize((rw, rh), Image.BICUBIC)
    if (fw, fh) != (rw, rh):
        im = im.crop((left, top, left + fw, top + fh))
    return np.asarray(im, dtype=np.uint8)


def read_faces(path: str) -> dict[str, list[tuple[float, float, float, float]]]:
    """train/faces.tsv (find_faces.py) -> file name without extension -> its face boxes
    (left, top, width, height as fractions of the photo's bank frame); {} when there is none."""
    if not os.path.exists(path):
        return {}
    faces: dict[str, list] = {}
    with open(path) as f:
        next(f)
        for line in f:
            name, *box = line.rstrip('\n').split('\t')
            faces.setdefault(name, []).append(tuple(float(v) for v in box))
    return faces


def _decode_all(load, jobs: list, workers: int) -> list:
    """load(job) for every job, in a pool of workers processes when workers > 1, in order."""
    if workers > 1:
        with ProcessPoolExecutor(workers) as ex:
            return list(ex.map(load, jobs, chunksize=32))
    return [load(j) for j in jobs]


class PhotoBank:
    """All photos in memory as one (N, 3, S, S) uint8 tensor, top-left aligned, with sizes."""

    def __init__(self, files: list[str], short_side: int = 160, max_long: int = 214, workers: int = 2):
        arrays = _decode_all(_load, [(f, short_side, max_long) for f in files], workers)
        side = max(max(a.shape[0], a.shape[1]) for a in arrays)
        self.pixels = torch.zeros(len(arrays), 3, side, side, dtype=torch.uint8)
        self.sizes = torch.zeros(len(arrays), 2, dtype=torch.long)  # (h, w)
        for i, a in enumerate(arrays):
            h, w = a.shape[:2]
            self.pixels[i, :, :h, :w] = torch.from_numpy(np.array(a)).permute(2, 0, 1)
            self.sizes[i] = torch.tensor([h, w])
        self.side = side

    def __len__(self):
        return self.pixels.shape[0]

    def keep(self, mask: torch.Tensor):
        """Drop the photos where mask is False."""
        self.pixels, self.sizes = self.pixels[mask], self.sizes[mask]
        return self

    def to(self, device):
        self.pixels, self.sizes = self.pixels.to(device), self.sizes.to(device)
        return self


def random_crops(bank: PhotoBank, idx: torch.Tensor, crop: int, zoom=(0.8, 1.6),
                 generator: torch.Generator | None = None) -> torch.Tensor:
    """RGB in [0,1], (B, 3, crop, crop): for each photo a random square of crop/zoom source pixels,
    resampled to crop x crop, flipped left-right half of the time."""
    dev = bank.pixels.device
    B = idx.shape[0]
    r = lambda: torch.rand(B, device=dev, generator=generator)
    hw = bank.sizes[idx].float()
    z = zoom[0] + (zoom[1] - zoom[0]) * r()
    src = torch.minimum(crop / z, hw.min(1).values)           # source square side, px
    y0 = (hw[:, 0] - src) * r()
    x0 = (hw[:, 1] - src) * r()
    return crops_at(bank, idx, src, y0, x0, crop, r() < 0.5)


def face_boxes_px(bank: PhotoBank, idx: torch.Tensor, boxes: torch.Tensor, scale=(1.0, 2.0),
                  generator: torch.Generator | None = None):
    """Close-up squares around faces: boxes (B, 4) are (left, top, width, height) fractions of each
    photo's frame; the square's side is the face's width times a random factor in scale, its
    centre jittered by a tenth of the side, kept inside the photo. At a 128 px crop the face is then
    64 to 128 px wide: a close-up portrait at the engine's 256 px working size has a face of 150 px
    or more, and the smaller the face in training, the further from that.
    -> (src, y0, x0) in bank pixels, as crops_at takes them."""
    dev = bank.pixels.device
    B = idx.shape[0]
    r = lambda: torch.rand(B, device=dev, generator=generator)
    hw = bank.sizes[idx].float()
    boxes = boxes.to(dev).float()
    fw = boxes[:, 2] * hw[:, 1]
    src = torch.minimum(fw * (scale[0] + (scale[1] - scale[0]) * r()), hw.min(1).values)
    cx = (boxes[:, 0] + boxes[:, 2] / 2) * hw[:, 1] + (r() - 0.5) * 0.2 * src
    cy = (boxes[:, 1] + boxes[:, 3] / 2) * hw[:, 0] + (r() - 0.5) * 0.2 * src
    x0 = torch.minimum(torch.clamp(cx - src / 2, min=0), hw[:, 1] - src)
    y0 = torch.minimum(torch.clamp(cy - src / 2, min=0), hw[:, 0] - src)
    return src, y0, x0


def face_square(box, w: int, h: int, margin: float = 2.2):
    """A face box (fractions of the bank frame of a w x h photo, as faces.tsv has them) -> the square
    of margin face widths around it in the photo's own pixels, kept inside the photo (smaller where
    the photo is), and the face's box as fractions of that square.
    -> ((left, top, side), (x, y, bw, bh))."""
    s, _, _, left, top, fw, fh = frame_of(w, h)
    x, y, bw, bh = ((box[0] * fw + left) / s, (box[1] * fh + top) / s, box[2] * fw / s, box[3] * fh / s)
    side = min(margin * bw, w, h)
    x0 = min(max(x + bw / 2 - side / 2, 0.0), w - side)
    y0 = min(max(y + bh / 2 - side / 2, 0.0), h - side)
    return (x0, y0, side), ((x - x0) / side, (y - y0) / side, bw / side, bh / side)


def _load_face(args):
    path, box, side, margin = args
    im = Image.open(path).convert('RGB')
    (x0, y0, sq), face = face_square(box, *im.size, margin)
    im = im.resize((side, side), Image.BICUBIC, box=(x0, y0, x0 + sq, y0 + sq))
    return np.asarray(im, dtype=np.uint8), face


class FaceBank(PhotoBank):
    """Close-up material: the square of 2.2 face widths around each face, cut from the photo as
    stored (short side 256 in ../shared) rather than from the 160 px bank, at side x side pixels.
    Close-ups cut from the bank were magnified 1.2 to 2.4 times and came out blurred; from here they
    are magnified 0.7 to 1.5 times. .boxes: each face as fractions of its square."""

    def __init__(self, faces: list[tuple[str, tuple]], side: int = 192, margin: float = 2.2, workers: int = 2):
        got = _decode_all(_load_face, [(f, box, side, margin) for f, box in faces], workers)
        self.side = side
        self.pixels = torch.zeros(len(got), 3, side, side, dtype=torch.uint8)
        for i, (a, _) in enumerate(got):
            self.pixels[i] = torch.from_numpy(np.array(a)).permute(2, 0, 1)
        self.sizes = torch.tensor([[side, side]] * len(got), dtype=torch.long).view(-1, 2)
        self.boxes = torch.tensor([f for _, f in got], dtype=torch.float32).view(-1, 4)

    def to(self, device):
        super().to(device)
        self.boxes = self.boxes.to(device)
        return self


def face_crops(bank: PhotoBank, idx: torch.Tensor, boxes: torch.Tensor, crop: int,
               generator: torch.Generator | None = None) -> torch.Tensor:
    """RGB in [0,1], (B, 3, crop, crop): a close-up of one face per photo (face_boxes_px)."""
    src, y0, x0 = face_boxes_px(bank, idx, boxes, generator=generator)
    flip = torch.rand(idx.shape[0], device=bank.pixels.device, generator=generator) < 0.5
    return crops_at(bank, idx, src, y0, x0, crop, flip)


def crops_at(bank: PhotoBank, idx: torch.Tensor, src: torch.Tensor, y0: torch.Tensor, x0: torch.Tensor,
             crop: int, flip: torch.Tensor) -> torch.Tensor:
    """RGB in [0,1], (B, 3, crop, crop): the square of side src at (x0, y0) (bank pixels) of each
    photo, resampled to crop x crop, mirrored left-right where flip."""
    dev = bank.pixels.device
    B = idx.shape[0]
    flip = torch.where(flip, -1.0, 1.0)
    S = bank.side
    theta = torch.zeros(B, 2, 3, device=dev)
    theta[:, 0, 0] = src / S * flip
    theta[:, 0, 2] = (x0 + src / 2) * 2 / S - 1
    theta[:, 1, 1] = src / S
    theta[:, 1, 2] = (y0 + src / 2) * 2 / S - 1
    grid = F.affine_grid(theta, (B, 3, crop, crop), align_corners=False)
    img = bank.pixels[idx].float() / 255.0
    return F.grid_sample(img, grid, mode='bilinear', padding_mode='border', align_corners=False).clamp(0, 1)


def lab_batch(rgb: torch.Tensor, target_stride: int = 4):
    """rgb (B,3,H,W) -> network input x (B,1,H,W) and target ab at 1/stride resolution."""
    lab = rgb_to_lab(rgb)
    x = l_to_input(lab[:, :1])
    ab = lab[:, 1:]
    if target_stride > 1:
        ab = F.avg_pool2d(ab, target_stride)
    return x, ab
