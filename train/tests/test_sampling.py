"""What the batches are made of: group and source weights, face close-ups, the bank's framing."""
import pytest
import torch

from data import FaceBank, PhotoBank, frame_of, face_boxes_px, face_crops, face_square, read_faces
from find_faces import in_frame
from train import face_list, photo_weights


def shares(w, labels):
    return {k: round(float(sum(x for x, l in zip(w.tolist(), labels) if l == k) / w.sum()), 4) for k in sorted(set(labels))}


@pytest.mark.parametrize('groups, mix, sources, source_mix, want_group, want_source', [
    # no mix: every photo alike
    (['a', 'a', 'b'], {}, None, None, {'a': 2 / 3, 'b': 1 / 3}, None),
    # the mix sets the group shares whatever the counts
    (['a', 'a', 'a', 'b'], {'a': .5, 'b': .5}, None, None, {'a': .5, 'b': .5}, None),
    # groups the mix leaves out share the rest
    (['a', 'b', 'c'], {'a': .6}, None, None, {'a': .6, 'b': .2, 'c': .2}, None),
    # a source weight moves draws inside its group only
    (['o', 'o', 'o', 's'], {'o': .5, 's': .5}, ['cars', 'x', 'y', 'z'], {'cars': 2},
     {'o': .5, 's': .5}, {'cars': .25, 'x': .125, 'y': .125, 'z': .5}),
    # and works without a group mix too
    (['o', 'o'], {}, ['cars', 'x'], {'cars': 3}, {'o': 1.0}, {'cars': .75, 'x': .25}),
])
def test_photo_weights(groups, mix, sources, source_mix, want_group, want_source):
    w = photo_weights(groups, mix, sources, source_mix)
    assert shares(w, groups) == pytest.approx(want_group, abs=1e-4)
    if want_source:
        assert shares(w, sources) == pytest.approx(want_source, abs=1e-4)


@pytest.mark.parametrize('w, h, want', [
    (160, 160, (1.0, 160, 160, 0, 0, 160, 160)),
    (320, 160, (1.0, 320, 160, 53, 0, 214, 160)),        # long side cut around the centre
    (256, 342, (0.625, 160, 214, 0, 0, 160, 214)),       # scaled to short side 160
    (256, 400, (0.625, 160, 250, 0, 18, 160, 214)),
])
def test_frame_of(w, h, want):
    assert frame_of(w, h) == pytest.approx(want)


@pytest.mark.parametrize('box, w, h, want', [
    ((100, 100, 50, 50), 256, 256, (100 / 256, 100 / 256, 50 / 256, 50 / 256)),   # square photo: same fractions
    ((0, 0, 40, 40), 512, 256, None),                                              # centre cut off with the long side
    ((256, 0, 40, 40), 512, 256, ((256 * .625 - 53) / 214, 0, 25 / 214, 25 / 160)),
])
def test_face_boxes_map_into_the_bank_frame(box, w, h, want):
    got = in_frame(box, w, h)
    assert got == want if want is None else got == pytest.approx(want, abs=1e-6)


def bank_of(sizes):
    bank = PhotoBank.__new__(PhotoBank)
    bank.side = max(max(s) for s in sizes)
    bank.sizes = torch.tensor(sizes)
    bank.pixels = torch.zeros(len(sizes), 3, bank.side, bank.side, dtype=torch.uint8)
    return bank


def test_face_squares_are_inside_the_photo_and_hold_the_face():
    bank = bank_of([(160, 214), (214, 160)])
    boxes = torch.tensor([[0.0, 0.0, 0.3, 0.4],        # a face in the top-left corner
                          [0.4, 0.6, 0.35, 0.25]])
    g = torch.Generator().manual_seed(0)
    for _ in range(200):
        src, y0, x0 = face_boxes_px(bank, torch.tensor([0, 1]), boxes, generator=g)
        hw = bank.sizes.float()
        assert (x0 >= 0).all() and (y0 >= 0).all()
        assert (x0 + src <= hw[:, 1] + 1e-4).all() and (y0 + src <= hw[:, 0] + 1e-4).all()
        fw = boxes[:, 2] * hw[:, 1]
        assert ((src >= 1.0 * fw - 1e-4) | (src == hw.min(1).values)).all() and (src <= 2.0 * fw + 1e-4).all()
        cx = (boxes[:, 0] + boxes[:, 2] / 2) * hw[:, 1]
        assert ((x0 <= cx) & (cx <= x0 + src)).all()


def test_face_crops_cut_the_face_out_of_the_photo():
    bank = bank_of([(160, 160)])
    bank.pixels[0, 0, 60:100, 60:100] = 255              # a red square 'face' in a black photo
    g = torch.Generator().manual_seed(1)
    crop = face_crops(bank, torch.tensor([0]), torch.tensor([[60 / 160, 60 / 160, 40 / 160, 40 / 160]]), 64, generator=g)
    red = crop[0, 0]
    assert red[24:40, 24:40].min() > 0.99                # the middle of the close-up is the face
    assert 0.2 < red.mean() <= 1.0                       # a side of 1 to 2 faces: 25% to all of it


def test_face_list_keeps_the_faces_of_the_photos_in_the_bank(tmp_path):
    p = tmp_path / 'faces.tsv'
    p.write_text('file\tx\ty\tw\th\ncwf-1\t0.1\t0.2\t0.3\t0.4\ncwf-1\t0.5\t0.5\t0.2\t0.2\ncwf-9\t0\t0\t.5\t.5\n')
    got = face_list(['/p/f8k-2.jpg', '/p/cwf-1.jpg'], read_faces(str(p)))
    assert got == [('/p/cwf-1.jpg', (0.1, 0.2, 0.3, 0.4)), ('/p/cwf-1.jpg', (0.5, 0.5, 0.2, 0.2))]
    assert read_faces(str(tmp_path / 'none.tsv')) == {}


@pytest.mark.parametrize('box, w, h, want_square, want_face', [
    # square photo at bank size: 2.2 face widths around the face's centre
    ((0.4, 0.4, 0.2, 0.2), 160, 160, (44.8, 44.8, 70.4), (0.6 / 2.2, 0.6 / 2.2, 1 / 2.2, 1 / 2.2)),
    # a 256 px photo: the box scales with the photo (bank scale 0.625)
    ((0.4, 0.4, 0.2, 0.2), 256, 256, (71.68, 71.68, 112.64), (0.6 / 2.2, 0.6 / 2.2, 1 / 2.2, 1 / 2.2)),
    # a face at the left edge: the square is pushed inside, the face sits at its left
    ((0.0, 0.4, 0.2, 0.2), 160, 160, (0.0, 44.8, 70.4), (0.0, 0.6 / 2.2, 1 / 2.2, 1 / 2.2)),
    # a face too big for 2.2 widths: the square is the photo's short side
    ((0.2, 0.0, 0.6, 0.6), 160, 160, (0.0, 0.0, 160.0), (0.2, 0.0, 0.6, 0.6)),
    # a tall photo whose bank frame is cut: the frame's top is 18 px down the bank, 28.8 down the photo
    ((0.25, 0.0, 0.5, 0.2), 256, 400, (0.0, 0.0, 256.0), (0.25, 28.8 / 256, 0.5, 0.2 * 214 / 0.625 / 256)),
])
def test_face_square_in_the_photos_pixels(box, w, h, want_square, want_face):
    square, face = face_square(box, w, h)
    assert square == pytest.approx(want_square, abs=1e-3)
    assert face == pytest.approx(want_face, abs=1e-3)


def test_face_bank_cuts_sharp_squares_around_the_faces(tmp_path):
    from PIL import Image
    im = Image.new('RGB', (256, 342), (0, 0, 0))
    im.paste((255, 0, 0), (100, 150, 160, 210))        # a red 60 px 'face' in the stored photo
    im.save(tmp_path / 'cwf-1.png')
    s = 160 / 256                                        # the bank frame: short side 160, no cut
    box = (100 * s / 160, 150 * s / 214, 60 * s / 160, 60 * s / 214)
    fb = FaceBank([(str(tmp_path / 'cwf-1.png'), box)], side=132, workers=1)
    assert fb.pixels.shape == (1, 3, 132, 132) and fb.sizes.tolist() == [[132, 132]]
    red = fb.pixels[0, 0].float() / 255
    assert red[40:92, 40:92].min() > 0.99                # 2.2 widths of 60 px = 132 px: no resampling
    assert red[:28].max() < 0.01 and red[:, :28].max() < 0.01
    assert fb.boxes[0].tolist() == pytest.approx([0.6 / 2.2, 0.6 / 2.2, 1 / 2.2, 1 / 2.2], abs=2e-3)
    crop = face_crops(fb, torch.tensor([0]), fb.boxes, 64, generator=torch.Generator().manual_seed(2))
    assert crop[0, 0, 24:40, 24:40].min() > 0.99
