"""Invoices and credit notes in each shop's name: numbering, content, PDF + Factur-X, tasks."""
