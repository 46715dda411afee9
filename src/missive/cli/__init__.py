"""The `missive` command line: ``app`` builds the command, each command module stays thin."""
