"""Exporting: the summary (or, to keep work, the whole plan) written to a file, or in a browser
sent to the person's own downloads. A long plan is written out beside the app."""

from __future__ import annotations

import io
from functools import partial

from textual import on, work

from plan_store import AlreadyExists, Plan, PlanError
from plan_store.codec import plan_to_toml
from plan_store.slugs import slugify
from screens.messages import ExportChoice, ExportWanted

from ..background import goes_aside, worked_out
from ..session import PlanSession
from ..widgets.dialogs import ConfirmDialog
from .base import ShellBase


def _export_data(plan: Plan, choice: ExportChoice, whole_plan: bool) -> bytes:
    from ..summary.exporting import export_bytes  # The renderers cost start-up time; only exporting needs them.

    if whole_plan:
        return plan_to_toml(plan).encode("utf-8")
    return export_bytes(plan, choice.format, choice.include_private, easy_read=choice.easy_read)


def _missing_renderer(choice: ExportChoice, whole_plan: bool) -> str | None:
    """Why a Word or PDF document cannot be made here (a library not installed), said before any work."""
    from ..summary.exporting import byte_renderer, is_binary

    if whole_plan or not is_binary(choice.format):
        return None
    try:
        byte_renderer(choice.format)
    except PlanError as error:
        return str(error)
    return None


def _left_out(choice: ExportChoice) -> str:
    """What the summary leaves out, said after where it went: private notes, and the easy read's
    pictures when they are not installed."""
    from ..summary.exporting import missing_pictures_note

    pictures = missing_pictures_note(choice.format, choice.easy_read)
    private = "" if choice.include_private else " Notes marked private were left out."
    return f"{private} {pictures}" if pictures else private


class Exporting(ShellBase):
    @on(ExportWanted)
    def _export_wanted(self, message: ExportWanted) -> None:
        self.export(message.choice, force=False)

    def export(self, choice: ExportChoice, force: bool, whole_plan: bool = False) -> None:
        """Export now, or for a long plan beside the app: 10,000 costs take seconds to write out,
        and keys must keep working meanwhile. The file always matches one moment of the plan."""
        session = self.session
        if session is None:
            return
        if missing := _missing_renderer(choice, whole_plan):
            self.notify(missing, title="The summary could not be exported", severity="error", timeout=20)
            return
        if not goes_aside(costs=len(session.plan.finance.line_items)):
            self._exported(choice, force, whole_plan, _export_data(session.plan, choice, whole_plan))
            return
        self.notify("Preparing the export of this long plan. You can carry on meanwhile.", timeout=5)
        self._export_aside(session, choice, force, whole_plan)

    @work(group="export", description="Exporting a long plan")
    async def _export_aside(self, session: PlanSession, choice: ExportChoice, force: bool, whole_plan: bool) -> None:
        data = await worked_out(partial(_export_data, session.plan, choice, whole_plan), lambda: session.revision)
        if self.session is session:  # Not if the plan was closed meanwhile.
            self._exported(choice, force, whole_plan, data)

    def _exported(self, choice: ExportChoice, force: bool, whole_plan: bool, data: bytes) -> None:
        if self.is_web:  # In a browser the file goes to the person's own downloads, not the server's disk.
            self._download(choice, data, whole_plan)
            return
        try:
            self.store.export(choice.path, data, force=force)
        except AlreadyExists:

            def answered(yes: bool | None) -> None:
                if yes:
                    self.export(choice, force=True, whole_plan=whole_plan)

            self.push_screen(
                ConfirmDialog(f"{choice.path} already exists. Replace it?", "Yes, replace it", "No, keep it"), answered
            )
            return
        except PlanError as error:
            self.notify(str(error), title="The summary could not be exported", severity="error", timeout=20)
            return
        if whole_plan:
            self.notify(
                f'A copy of the whole plan is saved at {choice.path}. To carry on with it later: phb import "{choice.path}"',
                timeout=30,
            )
            return
        left_out = _left_out(choice)
        self.notify(f"Exported to {choice.path}.{left_out}", timeout=10)

    def _download(self, choice: ExportChoice, data: bytes, whole_plan: bool) -> None:
        from ..summary.exporting import MIME_TYPES

        # The name goes into a header of the download: letters, digits and dashes only, whatever was typed.
        name = f"{slugify(choice.path.stem)}.{choice.format}"
        if choice.format in MIME_TYPES:  # A Word or PDF document: bytes, said to be what they are.
            self.deliver_binary(
                io.BytesIO(data), save_filename=name, open_method="download", mime_type=MIME_TYPES[choice.format]
            )
        else:
            self.deliver_text(io.StringIO(data.decode("utf-8")), save_filename=name, open_method="download")
        if whole_plan:
            self.notify(
                f"A copy of the whole plan, {name}, is on its way to your browser's downloads. It holds "
                "everything, private notes too, so keep it somewhere safe.",
                timeout=30,
            )
            return
        left_out = _left_out(choice)
        self.notify(f"{name} is on its way to your browser's downloads.{left_out}", timeout=10)
