"""The back office in Wagtail admin: council staff and merchants, scoped by merchants.scoping."""
