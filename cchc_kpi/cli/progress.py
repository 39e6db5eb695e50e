"""Progress of long work on stderr: a spinner, the step (opening file 2/5, reading every row,
computing, writing the workbook) and the time spent, on a terminal only and never with
--quiet. It is gone before the result is printed, so stdout and pipes see nothing of it."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from cchc_kpi.cli.common import STATE

if TYPE_CHECKING:
    from cchc_kpi.i18n.messages import Message
    from cchc_kpi.schema.choices import Lang

Step = Callable[["Message"], None]


def _silent(message: Message) -> None:
    """No display (a pipe, cron, --quiet): steps are not shown."""


@contextmanager
def progress_display(lang: Lang) -> Iterator[Step]:
    """A function to tell each step of the work, shown while the block runs."""
    if STATE.quiet or not sys.stderr.isatty():
        yield _silent
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True, highlight=False)
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as shown:
        task = shown.add_task("", total=None)

        def step(message: Message) -> None:
            shown.update(task, description=escape(message.render(lang)), refresh=True)

        yield step
