"""The planning rules: money, the readiness checks, advice and progress, worked out over a Plan.

Pure Python over the plan model: no Textual, so the command line, the app and tests share them.
"""
