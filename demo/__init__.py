"""The demo: `manage.py setup_demo` (the README's `bin/start`) fills a new site with one association's
real plan, schools, librarians and an exchange bank, from the sample files in demo/data/."""
