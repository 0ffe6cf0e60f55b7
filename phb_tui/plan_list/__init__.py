"""The list of plans in the data folder: `phb list`, the app's plan picker, and the commands that
go through every plan at once (`phb list --json`, `phb check --all`, `phb reviews`).

It reports on many plans, where the summary reports on one, so it sits beside the summary and above
the planning rules, and like them needs no Textual: the command line lists plans without the app.
"""
