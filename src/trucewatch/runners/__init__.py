"""Runners: how many reports get processed at once (local processes; scale-out engines)."""
