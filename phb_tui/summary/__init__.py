"""What PHB Planner hands over: the summary document, its renderers, exports and the list of plans.

No Textual: the command line prints these without loading the app.
"""
