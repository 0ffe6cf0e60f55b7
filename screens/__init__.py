"""One Textual screen per step of the planning journey, plus the plan picker.

Screens edit the one Plan they are given and post messages; they never read or write files.
"""
