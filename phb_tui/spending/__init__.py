"""A plan's spending record set against the plan: the figures, the report and the monitoring return."""
