"""What a report is asked for: the period and its conventions, grouping and filters,
and the settings that come from the configuration (units, targets, calendar days,
the procedure catalogue, QĐ 766 overrides)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import BaseModel, Field

from cchc_kpi.calendar.workdays import WorkingHours
from cchc_kpi.calendar.working_calendar import CalendarDay
from cchc_kpi.kpi.classify import Comparison
from cchc_kpi.kpi.score766_criteria import Score766Override
from cchc_kpi.kpi.targets import TargetConfig
from cchc_kpi.kpi.units import MergeConfig, UnitConfig, UnitDirectory
from cchc_kpi.schema.choices import CompareAt, CompareWith, Convention, GroupKey


class ReportOptions(BaseModel):
    """What to report: the period, how to compare, how to group and filter."""

    period: str
    convention: Convention = "calendar"
    compare_at: CompareAt = "date"
    as_of: date | None = None
    by: list[GroupKey] = Field(default_factory=list)
    units: list[str] = Field(default_factory=list)
    levels: list[str] = Field(default_factory=list)
    fields: list[str] = Field(default_factory=list)
    total: bool = True
    holidays_file: Path | None = None
    working_hours: WorkingHours = Field(default_factory=WorkingHours)
    calendar_days: list[CalendarDay] = Field(default_factory=list)
    units_config: list[UnitConfig] = Field(default_factory=list)
    merges: list[MergeConfig] = Field(default_factory=list)
    as_units: date | None = None
    targets: list[TargetConfig] = Field(default_factory=list)
    compare: CompareWith | None = None
    catalog: Path | None = None
    score766: dict[str, Score766Override] = Field(default_factory=dict)

    def directory(self) -> UnitDirectory:
        """The configured unit hierarchy and merges."""
        return UnitDirectory(self.units_config, self.merges)

    def comparison(self) -> Comparison:
        """How close dates are compared with due dates (the working hours included)."""
        hours = self.working_hours
        return Comparison(mode=self.compare_at, day_start=hours.start, day_end=hours.end)
