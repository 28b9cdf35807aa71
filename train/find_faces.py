"""Find the faces in the training photos once, for the close-up face crops of train.py
(--face-crops): writes train/faces.tsv, one row per face (file name, then the box's left, top,
width and height as fractions of the photo). Run again when the training photos change.

OpenCV's frontal-face Haar cascade (Debian: python3-opencv, opencv-data) finds the faces; only
the face and people groups of MANIFEST.tsv are searched, and only faces whose side is at least
--min-side of the photo's short side are kept (smaller ones would be blurred by the zoom a
close-up needs). Usage: /usr/bin/python3 train/find_faces.py [--data ../shared/data/photos/train]
"""
import argparse
import os

from data import frame_of, list_images, read_manifest

CASCADE = '/usr/share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml'


def in_frame(box, w: int, h: int):
    """A face box (x, y, bw, bh) in the photo's pixels -> fractions of its bank frame
    (data.frame_of), or None when the face's centre falls outside the frame."""
    s, _, _, left, top, fw, fh = frame_of(w, h)
    x, y, bw, bh = (v * s for v in box)
    x, y = x - left, y - top
    if not (0 <= x + bw / 2 < fw and 0 <= y + bh / 2 < fh):
        return None
    return (x / fw, y / fh, bw / fw, bh / fh)


def faces_in(gray, detector, min_side: float):
    """Face boxes (left, top, width, height) as fractions of the photo's frame, biggest first."""
    h, w = gray.shape
    short = min(h, w)
    found = detector.detectMultiScale(gray, scaleFactor=1.1, minNeighbors=5,
                                      minSize=(int(short * min_side), int(short * min_side)))
    boxes = [in_frame(b, w, h) for b in (found if len(found) else [])]
    return sorted((b for b in boxes if b), key=lambda b: -b[2] * b[3])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--data', default=os.path.join(os.path.dirname(__file__), '../../shared/data/photos/train'))
    ap.add_argument('--out', default=os.path.join(os.path.dirname(__file__), 'faces.tsv'))
    ap.add_argument('--min-side', type=float, default=0.2)
    a = ap.parse_args()
    import cv2  # here, so that the tests of in_frame need no OpenCV
    manifest = read_manifest(a.data)
    detector = cv2.CascadeClassifier(CASCADE)
    rows, searched, with_face = [], 0, 0
    for path in list_images(a.data):
        name = os.path.splitext(os.path.basename(path))[0]
        if manifest.get(name, {}).get('group') not in ('face', 'people'):
            continue
        searched += 1
        gray = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
        boxes = faces_in(gray, detector, a.min_side)
        with_face += bool(boxes)
        rows += [f'{name}\t' + '\t'.join(f'{v:.4f}' for v in box) for box in boxes]
    with open(a.out, 'w') as f:
        f.write('file\tx\ty\tw\th\n' + ''.join(r + '\n' for r in rows))
    print(f'{searched} photos searched, {with_face} with a face, {len(rows)} faces -> {a.out}')


if __name__ == '__main__':
    main()
