"""What PHB Planner hands over about one plan: the summary document, its renderers and exports.

No Textual: the command line prints these without loading the app. The list of every plan is
`phb_tui.plan_list`.
"""
