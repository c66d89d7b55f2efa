"""Every PDF and XLSX of the project lives here (issue 3)."""
