"""Every form of progress/: the plan and safety screen, sessions and check-ins, PSFS."""
