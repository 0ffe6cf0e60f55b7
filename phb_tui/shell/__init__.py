"""The app shell's parts, each one job of the app: the list of plans, saving, exporting, the keys.

`phb_tui/app.py` puts them together and wires screens to them; nothing below the app shell
(screens, widgets, the planning rules, the store) imports them.
"""
