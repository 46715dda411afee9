"""Read-only web pages over the store; every page has a .json twin. Start it with `missive serve`."""
