"""User colour hints, the model contract shared with the engine (src/engine) and
models/colorizer/info.json, after Zhang et al. 2017 ("Real-Time User-Guided Image Colorization
with Learned Deep Priors"): three more input channels next to x = L/50 - 1,

    hint a / HINT_AB_SCALE, hint b / HINT_AB_SCALE, mask (1 where a hint is, else 0),

all zero where there is no hint. In training the hints are taken from the true ab: small square
patches (side 1, 3 or 5 px) holding the local mean of the truth, a random count per photo and none
in about half of the photos, so automatic colorizing (empty mask) is trained as much as before.
"""
import torch
import torch.nn.functional as F

HINT_AB_SCALE = 110.0
HINT_PATCHES = (1, 3, 5)     # square sides sampled in training, px of the network input
ENGINE_PATCH = 3             # side the engine paints a user's hint with, px of the 256 input
P_NONE = 0.5                 # share of training photos with no hint
P_STOP = 0.125               # count of hints otherwise: 1 + Geometric(P_STOP), at most MAX_HINTS
MAX_HINTS = 24


def hint_channels(ab: torch.Tensor, generator: torch.Generator | None = None,
                  p_none: float = P_NONE, count: int | None = None) -> torch.Tensor:
    """True ab (B,2,H,W) -> hint channels (B,3,H,W). count fixes the number of hints per photo
    (evaluation); otherwise it is random as described above."""
    B, _, H, W = ab.shape
    dev = ab.device
    r = lambda *s: torch.rand(*s, device=dev, generator=generator)
    if count is None:
        n = 1 + torch.floor(torch.log(r(B).clamp_min(1e-9)) / torch.log(torch.tensor(1 - P_STOP))).long()
        n = torch.where(r(B) < p_none, torch.zeros_like(n), n.clamp(max=MAX_HINTS))
    else:
        n = torch.full((B,), count, device=dev, dtype=torch.long)
    K = max(int(n.max().item()), 1)
    active = torch.arange(K, device=dev).view(1, K) < n.view(B, 1)            # (B, K)
    ys = (r(B, K) * H).long().clamp(max=H - 1)
    xs = (r(B, K) * W).long().clamp(max=W - 1)
    size = torch.randint(0, len(HINT_PATCHES), (B, K), device=dev, generator=generator)
    mask = torch.zeros(B, 1, H, W, device=dev)
    vals = torch.zeros(B, 2, H, W, device=dev)
    for si, s in enumerate(HINT_PATCHES):
        pts = torch.zeros(B, 1, H * W, device=dev)
        sel = active & (size == si)
        pts.scatter_(2, (ys * W + xs).view(B, 1, K), sel.float().view(B, 1, K))
        m = F.max_pool2d(pts.view(B, 1, H, W), s, 1, s // 2) if s > 1 else pts.view(B, 1, H, W)
        local = F.avg_pool2d(ab, s, 1, s // 2, count_include_pad=False) if s > 1 else ab
        new = m * (1 - mask)
        vals = vals + new * local
        mask = mask + new
    return torch.cat([vals / HINT_AB_SCALE, mask], 1)


def no_hints(x: torch.Tensor) -> torch.Tensor:
    """x (B,1,H,W) -> (B,4,H,W) with empty hint channels."""
    return torch.cat([x, x.new_zeros(x.shape[0], 3, *x.shape[2:])], 1)
