"""What contests add to the pages of the apps below them (events.plan_page, members.panels, reports.blocks)."""
