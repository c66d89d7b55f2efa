"""The speed benchmark at a region's size (bin/benchmark; issue 8). See bench/__main__.py."""
