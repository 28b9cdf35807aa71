"""grow.py widens a RecolorNet without changing its output."""
import pytest
import torch

from grow import channel_map, widen
from model import RecolorNet


def trained_like(widths, in_ch):
    """A RecolorNet with random weights and BatchNorm statistics, as a trained one has."""
    torch.manual_seed(0)
    net = RecolorNet(30, widths, in_ch)
    with torch.no_grad():
        for mod in net.modules():
            if isinstance(mod, torch.nn.BatchNorm2d):
                mod.weight.uniform_(0.5, 1.5); mod.bias.uniform_(-0.5, 0.5)
                mod.running_mean.uniform_(-0.5, 0.5); mod.running_var.uniform_(0.5, 2.0)
    return net


@pytest.mark.parametrize('old, new, in_ch', [
    ((4, 8, 12, 16), (6, 12, 18, 24), 1),
    ((4, 8, 12, 16), (5, 8, 20, 17), 4),      # some levels kept, others more than doubled
    ((4, 8, 12, 16), (4, 8, 12, 16), 4),      # same widths: a copy
])
@pytest.mark.parametrize('mode', ['eval', 'train'])
def test_widened_net_computes_the_same(old, new, in_ch, mode):
    net = trained_like(old, in_ch)
    wide = widen(net, new)
    assert [wide.enc1[0].conv.out_channels, wide.enc2[0].conv.out_channels, wide.enc3[0].conv.out_channels,
            wide.enc4[0].conv.out_channels] == list(new)
    getattr(net, mode)(); getattr(wide, mode)()
    x = torch.randn(2, in_ch, 48, 64)
    with torch.no_grad():
        assert torch.allclose(wide(x), net(x), atol=1e-4)


def test_noise_moves_only_the_copies_and_keeps_the_channel_maps():
    net = trained_like((4, 8, 12, 16), 1)
    exact, noisy = widen(net, (6, 12, 18, 24)), widen(net, (6, 12, 18, 24), noise=0.1)
    a, b = exact.enc3[0].conv.weight, noisy.enc3[0].conv.weight
    assert torch.equal(a[:12], b[:12])                   # the original channels are untouched
    assert not torch.allclose(a[12:], b[12:])            # the copies drift
    assert (a[12:] - b[12:]).abs().max() < 5 * 0.1 * a[12:].std()      # 0.1 of their spread, within 5 sigma


@pytest.mark.parametrize('old, new', [(3, 3), (3, 7), (5, 6)])
def test_channel_map_keeps_the_old_channels_first(old, new):
    m = channel_map(old, new, torch.Generator().manual_seed(0))
    assert m[:old].tolist() == list(range(old)) and len(m) == new and int(m.max()) < old


def test_channel_map_cannot_narrow():
    with pytest.raises(ValueError):
        channel_map(8, 4, torch.Generator())
