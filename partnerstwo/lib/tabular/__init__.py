"""Spreadsheets (CSV and XLSX): `read` takes in a file someone else made, `write` streams our exports."""
