"""How long a widget may work at a time while the app is idle, when it does a long job in slices
(drawing a long summary, filling a long list): half a frame, so a key pressed meanwhile is not held
up."""

SLICE_SECONDS = 0.008
