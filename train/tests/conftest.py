import os
import sys

TRAIN = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(TRAIN)
PHOTOS = os.path.join(ROOT, '..', 'shared', 'data', 'photos')
sys.path.insert(0, TRAIN)
