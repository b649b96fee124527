"""Writes of the marketplace layer (HackSoft style: services write, selectors read)."""
