"""The committed checkpoint: within 15 MB for the wider nets, and it resumes what was saved."""
import copy
import os

import torch

from model import RecolorNet
from train import save


def trained_one_step(widths):
    torch.manual_seed(0)
    net = RecolorNet(254, widths, 4)
    opt = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=1e-3)
    net(torch.randn(2, 4, 64, 64)).logsumexp(1).mean().backward()
    opt.step()
    return net, opt


def test_a_wide_checkpoint_fits_15_mb_and_resumes_its_optimizer(tmp_path):
    net, opt = trained_one_step((24, 48, 96, 192))
    path = str(tmp_path / 'ours.pt')
    save(path, net, copy.deepcopy(net), opt, {'step': 1}, {'widths': [24, 48, 96, 192]})
    assert os.path.getsize(path) <= 15 * 10 ** 6

    ck = torch.load(path, weights_only=False)
    again = RecolorNet(254, (24, 48, 96, 192), 4)
    again.load_state_dict(ck['model'])
    opt2 = torch.optim.AdamW(again.parameters(), lr=1e-3, weight_decay=1e-3)
    opt2.load_state_dict(ck['opt'])
    for p, q in zip(opt.param_groups[0]['params'], opt2.param_groups[0]['params']):
        a, b = opt.state[p], opt2.state[q]
        assert torch.equal(p, q)                                  # the weights themselves stay float32
        assert b['exp_avg'].dtype == torch.float32 and b['exp_avg_sq'].dtype == torch.float32
        assert float(b['step']) == float(a['step'])
        for k in ('exp_avg', 'exp_avg_sq'):                       # bfloat16: 8 significant bits
            assert torch.allclose(b[k], a[k], rtol=1e-2, atol=0)
