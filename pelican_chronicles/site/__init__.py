"""Site outputs: the chronicle archive, facet pages, the updates feed and page."""
