"""What the batches are made of: group and source weights, face close-ups, the bank's framing."""
import pytest
import torch

from data import PhotoBank, frame_of, face_boxes_px, face_crops, read_faces
from find_faces import in_frame
from train import face_table, photo_weights


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


def test_face_table_keeps_the_faces_of_the_photos_in_the_bank(tmp_path):
    p = tmp_path / 'faces.tsv'
    p.write_text('file\tx\ty\tw\th\ncwf-1\t0.1\t0.2\t0.3\t0.4\ncwf-1\t0.5\t0.5\t0.2\t0.2\ncwf-9\t0\t0\t.5\t.5\n')
    idx, boxes = face_table(['/p/f8k-2.jpg', '/p/cwf-1.jpg'], read_faces(str(p)))
    assert idx.tolist() == [1, 1]
    assert torch.allclose(boxes, torch.tensor([[0.1, 0.2, 0.3, 0.4], [0.5, 0.5, 0.2, 0.2]]))
    assert read_faces(str(tmp_path / 'none.tsv')) == {}
