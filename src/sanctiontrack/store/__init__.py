"""The compiled store: a validated dataset's name index, day segments and records in one checksummed, memory-mapped file."""
